import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/assess.js';
import type { AssessReport } from '../../src/assess/report-model.js';
import type { DiscoverResult } from '../../src/discover/model.js';
import { CONTROLS } from '../../src/catalog/controls.js';
import { frameworkItem, type FrameworkKey } from '../../src/catalog/frameworks.js';
import schema from '../../schemas/assess-report.schema.json' with { type: 'json' };
import { changedControls, cli, EXAMPLE, EXAMPLE_ANSWERS, normalise } from './assess-helpers.js';

const EMPTY_DISCOVER: DiscoverResult = { tool: { name: 'attest', version: 't' }, roots: [], startedAt: '', finishedAt: '', components: [], findings: [], problems: [], stats: { files: 1, bytes: 1, skipped: 0 } };

let tmp: string;
let report: AssessReport;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'attest-assess-'));
  const r = await cli(['assess', EXAMPLE, '--answers', EXAMPLE_ANSWERS, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  report = JSON.parse(r.stdout) as AssessReport;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const validate = (() => {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(schema);
})();

describe('attest assess on the example app with the shipped answers', () => {
  it('gives a stable report (snapshot, volatile fields normalised)', async () => {
    // Portable: nothing machine-specific survives normalisation.
    expect(JSON.stringify(normalise(report))).not.toContain(process.cwd());
    await expect(`${JSON.stringify(normalise(report), null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/assess-acme-report.json');
    const again = await cli(['assess', EXAMPLE, '--answers', EXAMPLE_ANSWERS, '--json']);
    expect(normalise(JSON.parse(again.stdout) as AssessReport)).toEqual(normalise(report));
  });

  it('validates against the published JSON Schema', () => {
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // A report with configured guard evidence validates too.
    expect(validate(assess({ discover: { ...EMPTY_DISCOVER }, runtimeConfig: { guard: {}, audit: {} }, generatedAt: new Date().toISOString(), toolVersion: 't', subjectName: 'x' }))).toBe(true);
    const broken = { ...report, overall: { ...report.overall, grade: 'E' } };
    expect(validate(broken)).toBe(false);
  });

  it('every fix-list item cites a catalog control and at least one framework id that exists', () => {
    expect(report.fixList.length).toBeGreaterThan(5);
    for (const item of report.fixList) {
      expect(CONTROLS.map((c) => c.id)).toContain(item.controlId);
      const ids = Object.entries(item.frameworks).flatMap(([k, v]) => (v ?? []).map((id) => [k as FrameworkKey, id] as const));
      expect(ids.length, item.controlId).toBeGreaterThan(0);
      for (const [k, id] of ids) expect(frameworkItem(k, id), `${item.controlId} ${k} ${id}`).toBeDefined();
    }
  });

  it('fixes cite the file:line that triggered them', () => {
    const key = report.fixList.find((f) => f.controlId === 'AI-KEY-01');
    expect(key?.triggers).toContainEqual(expect.objectContaining({ kind: 'finding', rule: 'hardcoded-key', path: 'src/config.ts', line: 10 }));
    expect(key?.action).toContain('src/config.ts:10');
    expect(JSON.stringify(report)).not.toContain('AttestPlantedFakeKey');
  });

  it('prints a snapshot that fits one screen (24 lines x 100 columns)', async () => {
    const r = await cli(['assess', EXAMPLE, '--answers', EXAMPLE_ANSWERS]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(100);
    expect(r.stdout).toMatch(/Grade [A-F] {2}\d+\.\d\/100/);
    expect(r.stdout).toMatch(/ {2}1\. AI-KEY-01 +S/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--discover with a saved `attest discover --json` gives the same report as scanning', async () => {
    const saved = join(tmp, 'discover.json');
    const d = await cli(['discover', EXAMPLE, '--json', '--out-dir', join(tmp, 'discover-out')]);
    expect(d.code).toBe(0);
    writeFileSync(saved, d.stdout);
    const r = await cli(['assess', '--discover', saved, '--answers', EXAMPLE_ANSWERS, '--json']);
    expect(r.code).toBe(0);
    expect(normalise(JSON.parse(r.stdout) as AssessReport)).toEqual(normalise(report));
  });

  it('writes html, md and json reports with --format and --out-dir', async () => {
    const dir = join(tmp, 'reports');
    const r = await cli(['assess', EXAMPLE, '--answers', EXAMPLE_ANSWERS, '--format', 'html,md,json', '--out-dir', dir, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const json = JSON.parse(readFileSync(join(dir, 'assess-report.json'), 'utf8')) as AssessReport;
    expect(normalise(json)).toEqual(normalise(report));
    const md = readFileSync(join(dir, 'assess-report.md'), 'utf8');
    expect(md).toContain('## Fix-list');
    expect(md).toContain('1. **`AI-KEY-01` Move 1 hard-coded key');
    const html = readFileSync(join(dir, 'assess-report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
  });
});

describe('changing one answer or fixing one finding changes exactly the expected controls', () => {
  it('one answer: rag_acl_enforced false → true moves only AI-RAG-01, and only the scores it maps to', async () => {
    const answers = readFileSync(EXAMPLE_ANSWERS, 'utf8');
    expect(answers).toContain('rag_acl_enforced: false');
    const file = join(tmp, 'one-answer.yaml');
    writeFileSync(file, answers.replace('rag_acl_enforced: false', 'rag_acl_enforced: true'));
    const r = await cli(['assess', EXAMPLE, '--answers', file, '--json']);
    const after = JSON.parse(r.stdout) as AssessReport;
    expect(changedControls(report, after)).toEqual(['AI-RAG-01']);
    expect(after.controls.find((c) => c.id === 'AI-RAG-01')).toMatchObject({ status: 'met', confidence: 'self-attested' });
    expect(after.overall.score).toBeGreaterThan(report.overall.score ?? 0);
    const rag = CONTROLS.find((c) => c.id === 'AI-RAG-01');
    for (const f of after.frameworks) {
      const before = report.frameworks.find((x) => x.key === f.key)?.score;
      if ((rag?.mappings[f.key]?.length ?? 0) > 0) expect(f.score, f.key).toBeGreaterThan(before ?? 0);
      else expect(f.score, f.key).toBe(before);
    }
  });

  it('one finding: removing the planted key moves only AI-KEY-01 to met (observed)', async () => {
    const copy = join(tmp, 'acme-fixed');
    cpSync(EXAMPLE, copy, { recursive: true });
    const cfg = join(copy, 'src/config.ts');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(/\?\? 'sk-ant-[^']+'/, "?? ''"));
    const r = await cli(['assess', copy, '--answers', EXAMPLE_ANSWERS, '--json']);
    const after = JSON.parse(r.stdout) as AssessReport;
    expect(changedControls(report, after)).toEqual(['AI-KEY-01']);
    expect(after.controls.find((c) => c.id === 'AI-KEY-01')).toMatchObject({ status: 'met', confidence: 'observed' });
    expect(after.fixList.some((f) => f.controlId === 'AI-KEY-01')).toBe(false);
    expect(after.overall.score).toBeGreaterThan(report.overall.score ?? 0);
  });

  it('--diff previous.json shows what improved and the score deltas', async () => {
    const prev = join(tmp, 'previous.json');
    writeFileSync(prev, JSON.stringify(report));
    const file = join(tmp, 'diff-answers.yaml');
    writeFileSync(file, readFileSync(EXAMPLE_ANSWERS, 'utf8').replace('ai_incident_taxonomy: false', 'ai_incident_taxonomy: true').replace('ai_access_via_sso: true', 'ai_access_via_sso: false'));
    const r = await cli(['assess', EXAMPLE, '--answers', file, '--diff', prev, '--json']);
    const after = JSON.parse(r.stdout) as AssessReport;
    expect(after.diff?.improved.map((c) => c.id)).toEqual(['AI-INC-01']);
    expect(after.diff?.regressed.map((c) => c.id)).toEqual(['AI-IAM-01']);
    expect(after.diff?.overall.from).toBe(report.overall.score);
    expect(validate(after), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const text = await cli(['assess', EXAMPLE, '--answers', file, '--diff', prev]);
    // Both controls are high severity and self-attested: the overall score moves by ±0.
    expect(text.stdout).toMatch(/Since \d{4}-\d{2}-\d{2}: ±0\.0 \(grade [A-F] → [A-F]\) · 1 improved · 1 regressed/);
    expect(text.stdout).toContain('AI-IAM-01 met→not met');
  });
});

describe('bad input: one clear line per problem, exit 2', () => {
  it('a broken attest.yaml: wrong type and unknown question, each with its line', async () => {
    const file = join(tmp, 'broken.yaml');
    writeFileSync(file, 'answers:\n  ai_acceptable_use_policy: yes please\n  ai_incident_respons_procedure: true\nextra: 1\n');
    const r = await cli(['assess', EXAMPLE, '--answers', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `attest: ${file}:2:29: answers.ai_acceptable_use_policy: expected boolean, got "yes please"`,
      `attest: ${file}:3:3: answers.ai_incident_respons_procedure: unknown question (did you mean "ai_incident_response_procedure"?)`,
      `attest: ${file}:4:1: extra: unknown section (expected one of answers, guard, audit, export, incidents, vendors)`,
    ]);
  });

  it('bad YAML', async () => {
    const file = join(tmp, 'bad.yaml');
    writeFileSync(file, 'answers:\n  ai_acceptable_use_policy: true\n    oops: [\n');
    const r = await cli(['assess', EXAMPLE, '--answers', file]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.startsWith(`attest: ${file}:`) && /:\d+:\d+: bad YAML: \S/.test(l), l).toBe(true);
  });

  it('a missing answers file, a bad saved discover result, a bad --diff and a bad format', async () => {
    expect((await cli(['assess', EXAMPLE, '--answers', join(tmp, 'nope.yaml')])).stderr).toMatch(/nope\.yaml: file not found \(run `attest init` to create it\)/);
    const notDiscover = join(tmp, 'not-discover.json');
    writeFileSync(notDiscover, '{"hello": 1}');
    const d = await cli(['assess', '--discover', notDiscover, '--skip-answers']);
    expect(d).toMatchObject({ code: 2, stdout: '' });
    expect(d.stderr).toMatch(/^attest: .*not-discover\.json: not an Attest discover result/);
    const diff = await cli(['assess', EXAMPLE, '--skip-answers', '--diff', notDiscover]);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toMatch(/not an Attest assess report/);
    const fmt = await cli(['assess', EXAMPLE, '--skip-answers', '--format', 'pdf']);
    expect(fmt).toMatchObject({ code: 2 });
    expect(fmt.stderr).toBe('attest: --format: unknown format "pdf" (one of: html, md, json)\n');
  });

  it('--fail-under exits 1 below the threshold', async () => {
    expect((await cli(['assess', EXAMPLE, '--answers', EXAMPLE_ANSWERS, '--quiet', '--fail-under', '99'])).code).toBe(1);
    expect((await cli(['assess', EXAMPLE, '--answers', EXAMPLE_ANSWERS, '--quiet', '--fail-under', '1'])).code).toBe(0);
    expect((await cli(['assess', EXAMPLE, '--quiet', '--fail-under', 'lots'])).code).toBe(2);
  });
});

describe('attest init and attest vendor', () => {
  it('init without a terminal needs --defaults; --defaults writes every question commented', async () => {
    const file = join(tmp, 'init.yaml');
    const r = await cli(['init', '--answers', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/use `attest init --defaults`/);
    expect(existsSync(file)).toBe(false);
    const d = await cli(['init', '--answers', file, '--defaults']);
    expect(d.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    const questions = CONTROLS.flatMap((c) => c.questions ?? []);
    for (const q of questions) expect(text).toContain(`# ${q.key}: `);
    const a = await cli(['assess', EXAMPLE, '--answers', file, '--quiet']);
    expect(a.code).toBe(0);
  });

  it('vendor scores the shipped vendors and lists discovered ones nobody reviewed', async () => {
    const r = await cli(['vendor', '--answers', EXAMPLE_ANSWERS, '--scan', EXAMPLE, '--json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as { vendors: { name: string; grade: string; score: number }[]; unreviewed: { name: string; kind: string }[] };
    expect(v.vendors.map((x) => [x.name, x.grade])).toEqual([
      ['openai', 'B'],
      ['github', 'F'],
    ]);
    const unreviewed = v.unreviewed.map((x) => `${x.kind}:${x.name}`);
    expect(unreviewed).toContain('mcp-server:docs-search');
    expect(unreviewed).not.toContain('model-provider:openai');
    expect(unreviewed).not.toContain('mcp-server:github');
  });

  it('vendor init adds stubs for discovered vendors to a copy of attest.yaml, keeping its comments', async () => {
    const file = join(tmp, 'vendors.yaml');
    writeFileSync(file, readFileSync(EXAMPLE_ANSWERS, 'utf8'));
    const listed = JSON.parse((await cli(['vendor', '--answers', file, '--scan', EXAMPLE, '--json'])).stdout) as { unreviewed: unknown[] };
    const r = await cli(['vendor', 'init', '--answers', file, '--scan', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Added ${listed.unreviewed.length} vendor stub`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# R20 OpenAI went through vendor review; the MCP servers did not.');
    expect(text).toMatch(/# discovered: \.cursor\/mcp\.json:\d+\n {2}- name: docs-search\n {4}kind: mcp-server/);
    const again = await cli(['vendor', 'init', '--answers', file, '--scan', EXAMPLE]);
    expect(again.stdout).toContain('Every discovered vendor is already in');
    // A broken file: vendor init's own exit code (2) reaches the caller, with the problem's line.
    const broken = join(tmp, 'broken-vendors.yaml');
    writeFileSync(broken, 'answers:\n  ai_acceptable_use_policy: [yes\n');
    const bad = await cli(['vendor', 'init', '--answers', broken, '--scan', EXAMPLE]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken-vendors\.yaml:\d+/);
  });
});
