// `attest audit export --config attest.yaml [--name N | --all]`: exporters configured in the file
// (secrets named by env variable), run against real receivers on 127.0.0.1, flags overriding.
import { runAttest, type CliRun } from './_run-cli.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteAuditStore } from '../../src/audit/stores/sqlite-audit-store.js';
import { HttpReceiver, SPLUNK_TOKEN, WEBHOOK_SECRET } from '../../src/audit/exporters/__fixtures__/http-receivers.js';
import { SyslogReceiver } from '../../src/audit/exporters/__fixtures__/syslog-receivers.js';
import { sampleEvents } from '../../src/audit/exporters/__fixtures__/sample-events.js';

let dir = '';
let flags: string[] = [];
let ids: string[] = [];
const hec = new HttpReceiver('splunk', { useAck: true });
const hook = new HttpReceiver('webhook');
const sys = new SyslogReceiver('tcp');
let configFile = '';

const cli = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runAttest(['audit', 'export', ...args, ...flags], env);

const secrets = { MY_HEC_TOKEN: SPLUNK_TOKEN, MY_HOOK_KEY: WEBHOOK_SECRET };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'attest-export-config-'));
  flags = ['--db', join(dir, 'audit.db'), '--signing-key', join(dir, 'signing.key')];
  const store = new SqliteAuditStore({ path: join(dir, 'audit.db'), checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
  try {
    ids = (await store.appendBatch(sampleEvents(20, 0))).map((e) => e.id);
  } finally {
    await store.close();
  }
  await Promise.all([hec.start(), hook.start(), sys.start()]);
  configFile = join(dir, 'attest.yaml');
  writeFileSync(
    configFile,
    [
      'export:',
      '  - name: hec',
      '    to: splunk',
      `    url: ${hec.url}`,
      '    tokenEnv: MY_HEC_TOKEN',
      '    splunkAck: true',
      '    batchSize: 7',
      '  - name: hooks',
      '    to: webhook',
      `    url: ${hook.url}/hook`,
      '    secretEnv: MY_HOOK_KEY',
      '  - name: sys',
      '    to: syslog',
      '    host: 127.0.0.1',
      `    port: ${new URL(sys.url).port}`,
      '    protocol: tcp',
      '    hostname: from-config',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await Promise.all([hec.stop(), hook.stop(), sys.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('attest audit export --config', () => {
  it('--name runs that exporter with the secret from the env variable the file names, and its own cursor', async () => {
    const r = await cli(['--config', configFile, '--name', 'hec', '--json'], secrets);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'hec', exporter: 'splunk', delivered: 20, toSeq: 20, batches: 3 });
    expect([...hec.unique()].sort()).toEqual([...ids].sort());
    expect(hec.unauthorized).toBe(0);
    // splunkAck: true in the file: every batch's indexer acknowledgement was polled.
    expect(hec.requests.filter((q) => q.path === 'ack').length).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(readFileSync(join(dir, 'exporters', 'hec.cursor'), 'utf8'))).toMatchObject({ seq: 20 });
    expect(r.stdout + r.stderr).not.toContain(SPLUNK_TOKEN);
  });

  it('flags override the file (syslog host/port/protocol from the file, --hostname from the flag)', async () => {
    const r = await cli(['--config', configFile, '--name', 'sys', '--hostname', 'from-flag'], secrets);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^sys: exported 20 events to tcp:\/\/127\.0\.0\.1:\d+/);
    expect(sys.unique().size).toBe(20);
    expect(new Set(sys.messages.map((m) => m.hostname))).toEqual(new Set(['from-flag']));
  });

  it('--all runs every configured exporter from its own cursor', async () => {
    const r = await cli(['--config', configFile, '--all'], secrets);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^hec: exported 0 events .*seq 20→20/);
    expect(out[1]).toMatch(/^hooks: exported 20 events to http:\/\/127\.0\.0\.1:\d+\/hook \(at-least-once; seq 0→20/);
    expect(out[2]).toMatch(/^sys: exported 0 events/);
    expect([...hook.unique()].sort()).toEqual([...ids].sort());
    expect(hec.received).toHaveLength(20);
    expect(r.stdout + r.stderr).not.toContain(WEBHOOK_SECRET);
  });

  it('refuses with exit 2 and one line: missing secret variable, unknown name, no selection among several, a --to that contradicts the file', async () => {
    const cases: [string[], RegExp][] = [
      [['--config', configFile, '--name', 'hooks'], /webhook: env MY_HOOK_KEY is required/],
      [['--config', configFile, '--name', 'nope'], /--name: no exporter "nope" in attest\.yaml \(configured: hec, hooks, sys\); or give --to/],
      [['--config', configFile], /several exporters configured \(hec, hooks, sys\): pick one with --name, or --all/],
      [['--config', configFile, '--name', 'hec', '--to', 'elastic'], /exporter "hec" in attest\.yaml sends to splunk, not elastic/],
    ];
    for (const [args, msg] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--all: a failing exporter does not stop the others; one line names it, and it decides the exit code', async () => {
    const r = await cli(['--config', configFile, '--all'], { MY_HEC_TOKEN: SPLUNK_TOKEN });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^hec: exported 0 events/m);
    expect(r.stdout).toMatch(/^sys: exported 0 events/m);
    expect(r.stderr.trim().split('\n')).toEqual(['attest: hooks: webhook: env MY_HOOK_KEY is required']);
  });

  it('--all --follow (a real process) runs every exporter in parallel until SIGTERM', async () => {
    const a = new HttpReceiver('webhook');
    const b = new HttpReceiver('webhook');
    await Promise.all([a.start(), b.start()]);
    const file = join(dir, 'follow.yaml');
    writeFileSync(file, `export:\n  hook-a: {to: webhook, url: '${a.url}/hook', secretEnv: MY_HOOK_KEY, pollInterval: 20}\n  hook-b: {to: webhook, url: '${b.url}/hook', secretEnv: MY_HOOK_KEY, pollInterval: 20}\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', 'audit', 'export', '--config', file, '--all', '--follow', ...flags], {
      cwd: process.cwd(),
      env: { ...process.env, MY_HOOK_KEY: WEBHOOK_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const end = Date.now() + 20_000;
      while (a.unique().size < 20 || b.unique().size < 20) {
        if (Date.now() > end) throw new Error(`gave up waiting for both receivers; stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).toMatch(/^hook-a: exported 20 events/m);
      expect(stdout).toMatch(/^hook-b: exported 20 events/m);
      expect([...a.unique()].sort()).toEqual([...ids].sort());
      expect([...b.unique()].sort()).toEqual([...ids].sort());
    } finally {
      child.kill('SIGKILL');
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('a broken export: section: one located line per problem, exit 2, nothing exported, the secret not echoed', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, ['export:', '  - name: es', '    to: kafka', '  - name: hec2', '    to: splunk', '    token: hunter2-literal', '    batchSize: 0', ''].join('\n'));
    const r = await cli(['--config', bad, '--name', 'hec2'], secrets);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `attest: ${bad}:3:9: export[0].to: expected one of ocsf, syslog, splunk, elastic, otlp, webhook, got "kafka"`,
      `attest: ${bad}:6:12: export[1].token: secrets must not be written in attest.yaml; put it in an environment variable and name it with tokenEnv`,
      `attest: ${bad}:7:16: export[1].batchSize: must be >= 1`,
    ]);
    expect(r.stderr).not.toContain('hunter2');
    expect(existsSync(join(dir, 'exporters', 'hec2.cursor'))).toBe(false);
  });
});
