import { runAttest, type CliRun } from './_run-cli.js';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoverResult } from '../../src/discover/index.js';

const MINI = 'test/fixtures/discover-mini';

/** Run `attest discover` in-process, capturing what it writes (the robustness test spawns the real binary). */
const cli = (args: string[]): Promise<CliRun> => runAttest(['discover', ...args]);

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'attest-cli-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('attest discover flags', async () => {
  it('--json puts only the Attest JSON on stdout, and still writes the out-dir reports', async () => {
    const dir = join(out, 'json');
    const r = await cli([MINI, '--json', '--out-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as DiscoverResult;
    expect(result.components.map((c) => c.ref)).toEqual(['model::claude-3-5-sonnet-20241022', 'model::gpt-4o', 'sdk:npm:openai', 'sdk:pypi:anthropic']);
    expect(result.components.find((c) => c.ref === 'sdk:npm:openai')?.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(['web/chat.ts:1', 'web/package.json:5']);
    for (const f of ['ai-bom.cdx.json', 'findings.sarif', 'discover.json']) expect(existsSync(join(dir, f)), f).toBe(true);
  });

  it('--json alone writes no files: no attest-report/ appears in the working folder', () => {
    const cwd = join(out, 'json-cwd');
    mkdirSync(cwd);
    const repo = process.cwd();
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(resolve(repo, 'node_modules/tsx/dist/loader.mjs')).href, resolve(repo, 'src/cli/run.ts'), 'discover', resolve(repo, MINI), '--json'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as DiscoverResult).components).toHaveLength(4);
    expect(existsSync(join(cwd, 'attest-report'))).toBe(false);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('the default run prints the summary with file:line findings and the report paths', async () => {
    const dir = join(out, 'summary');
    const r = await cli([MINI, '--out-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/AI components \(4\)/);
    expect(r.stdout).toMatch(/MEDIUM\s+unguarded-llm-call\s+svc\/summarise\.py:7/);
    expect(r.stdout).toContain(`Reports: ${join(dir, 'ai-bom.cdx.json')}, ${join(dir, 'findings.sarif')}, ${join(dir, 'discover.json')}`);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--format with --output writes exactly those files (comma list and repeated flags)', async () => {
    const a = join(out, 'only', 'bom.json');
    const b = join(out, 'only', 'f.sarif');
    const r = await cli([MINI, '--quiet', '--format', 'cyclonedx,sarif', '--output', a, '-o', b]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(a, 'utf8')).bomFormat).toBe('CycloneDX');
    expect(JSON.parse(readFileSync(b, 'utf8')).version).toBe('2.1.0');
    expect(readdirSync(join(out, 'only')).sort()).toEqual(['bom.json', 'f.sarif']);
  });

  it('--format sarif --output - puts SARIF alone on stdout', async () => {
    const r = await cli([MINI, '--format', 'sarif', '--output', '-']);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(log.runs[0]?.results.map((x) => x.ruleId).sort()).toEqual(['floating-model-alias', 'unguarded-llm-call', 'unguarded-llm-call']);
  });

  it('--fail-on: exit 1 at or above the threshold, 0 below it', async () => {
    expect((await cli([MINI, '--quiet', '--out-dir', join(out, 'f'), '--fail-on', 'medium'])).code).toBe(1);
    expect((await cli([MINI, '--quiet', '--out-dir', join(out, 'f'), '--fail-on', 'high'])).code).toBe(0);
  });

  it('several roots: evidence paths start with each root folder name', async () => {
    const r = await cli([join(MINI, 'web'), join(MINI, 'svc'), '--json', '--out-dir', join(out, 'multi')]);
    const result = JSON.parse(r.stdout) as DiscoverResult;
    const paths = result.components.flatMap((c) => c.evidence.map((e) => e.path));
    expect(paths.every((p) => p.startsWith('web/') || p.startsWith('svc/'))).toBe(true);
    expect(paths).toContain('svc/requirements.txt');
  });

  it.runIf(process.platform === 'linux')('--host adds a runtime running on this machine (a stand-in process named `ollama serve`)', async () => {
    const fake = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', 'serve'], { argv0: 'ollama', stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 200));
      const r = await cli([MINI, '--host', '--json', '--out-dir', join(out, 'host')]);
      expect(r.code, r.stderr).toBe(0);
      const result = JSON.parse(r.stdout) as DiscoverResult;
      const runtime = result.components.find((c) => c.type === 'runtime' && c.evidence.some((e) => e.path === `host:process/${fake.pid}`));
      expect(runtime?.name).toBe('ollama');
      expect(result.components.map((c) => c.ref)).toContain('sdk:npm:openai');
      const without = JSON.parse((await cli([MINI, '--json', '--out-dir', join(out, 'host')])).stdout) as DiscoverResult;
      expect(without.components.some((c) => c.evidence.some((e) => e.path.startsWith('host:')))).toBe(false);
    } finally {
      fake.kill();
    }
  });

  it('--max-file-size lowers the text limit: larger files become one problem each, the scan still exits 0', async () => {
    const r = await cli([MINI, '--json', '--out-dir', join(out, 'small'), '--max-file-size', '0.2k']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as DiscoverResult;
    expect(result.problems.map((p) => p.path).sort()).toEqual(['svc/summarise.py', 'web/chat.ts']);
    expect(r.stderr).toContain(`attest: ${join(MINI, 'web/chat.ts')}: file too large to read as text (285 bytes > 204 bytes limit); skipped`);
    expect(result.components.map((c) => c.ref)).toEqual(['sdk:npm:openai', 'sdk:pypi:anthropic']);
  });

  it.each([
    [['--format', 'pdf'], /unknown format "pdf"/],
    [['--json', '--format', 'sarif'], /with --json, --format needs --output FILE or --out-dir DIR/],
    [['--format', 'sarif,json', '--output', 'one.sarif'], /1 --output for 2 --format/],
    [['--fail-on', 'severe'], /unknown severity "severe"/],
    [['--max-file-size', 'lots'], /invalid size "lots"/],
    [['--jobs', '0'], /--jobs must be a whole number from 1 to 999, got "0"/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['does/not/exist'], /does\/not\/exist: no such file or folder/],
  ])('bad input %j: exit 2 with one line on stderr', async (args, message) => {
    const r = await cli(args[0] === 'does/not/exist' ? args : args[0] === '--json' ? [MINI, ...args] : [MINI, ...args, '--out-dir', join(out, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^attest: /);
    expect(r.stderr).toMatch(message);
  });
});
