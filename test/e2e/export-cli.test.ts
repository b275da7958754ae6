// `attest audit export` end to end: real receivers on 127.0.0.1, the CLI in-process (and once as
// a real process for --follow), the SQLite store in a temp directory.
import { runAttest, type CliRun } from './_run-cli.js';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteAuditStore } from '../../src/audit/stores/sqlite-audit-store.js';
import { ELASTIC_API_KEY, HttpReceiver } from '../../src/audit/exporters/__fixtures__/http-receivers.js';
import { SyslogReceiver } from '../../src/audit/exporters/__fixtures__/syslog-receivers.js';
import { sampleEvents } from '../../src/audit/exporters/__fixtures__/sample-events.js';

let dir = '';
let flags: string[] = [];

const cli = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runAttest(['audit', 'export', ...args, ...flags], env);

async function append(n: number, from: number): Promise<string[]> {
  const store = new SqliteAuditStore({ path: join(dir, 'audit.db'), checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
  try {
    return (await store.appendBatch(sampleEvents(n, from))).map((e) => e.id);
  } finally {
    await store.close();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'attest-export-cli-'));
  flags = ['--db', join(dir, 'audit.db'), '--signing-key', join(dir, 'signing.key')];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attest audit export', () => {
  it('elastic: exports, gives up with exit 1 while the cluster is down (key never printed), and resumes from the cursor', async () => {
    const ids = await append(30, 0);
    const es = new HttpReceiver('elastic');
    await es.start();
    const env = { ATTEST_ELASTIC_API_KEY: ELASTIC_API_KEY };
    try {
      const first = await cli(['--to', 'elastic', '--url', es.url, '--batch-size', '7', '--json'], env);
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ exporter: 'elastic', delivered: 30, fromSeq: 0, toSeq: 30, semantics: 'idempotent' });
      expect([...es.index.keys()].sort()).toEqual([...ids].sort());

      await es.stop();
      const more = await append(10, 30);
      const down = await cli(['--to', 'elastic', '--url', es.url, '--max-attempts', '2', '--max-delay', '20'], env);
      expect(down.code).toBe(1);
      expect(down.stderr).toMatch(/gave up after 2 attempts \(seq 31-40\)/);
      expect(down.stderr + down.stdout).not.toContain(ELASTIC_API_KEY);

      await es.start();
      const resumed = await cli(['--to', 'elastic', '--url', es.url], env);
      expect(resumed.code).toBe(0);
      expect(resumed.stdout).toMatch(/exported 10 events to http:\/\/127\.0\.0\.1:\d+\/_bulk index=attest-audit \(idempotent; seq 30→40/);
      expect(es.index.size).toBe(40);
      expect([...es.index.keys()].sort()).toEqual([...ids, ...more].sort());
    } finally {
      await es.stop();
    }
  });

  it('ocsf to stdout: one OCSF record per line on stdout, the summary on stderr; a separate --name keeps its own cursor', async () => {
    const r = await cli(['--to', 'ocsf', '--name', 'stdout-copy']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { metadata: { uid: string; sequence: number } });
    expect(lines.map((l) => l.metadata.sequence)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(r.stderr).toMatch(/exported 40 events to stdout/);
    expect(JSON.parse(readFileSync(join(dir, 'exporters', 'stdout-copy.cursor'), 'utf8'))).toMatchObject({ seq: 40 });
  });

  it('syslog over TCP delivers every event as RFC 5424 + CEF', async () => {
    const rx = new SyslogReceiver('tcp');
    await rx.start();
    try {
      const r = await cli(['--to', 'syslog', '--url', rx.url, '--hostname', 'attest-test', '--quiet']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(rx.unique().size).toBe(40);
      expect(rx.messages[0]?.hostname).toBe('attest-test');
    } finally {
      await rx.stop();
    }
  });

  it('refuses bad input with exit 2 and one line naming the problem', async () => {
    const cases: [string[], RegExp][] = [
      [['--to', 'kafka'], /--to: unknown destination "kafka"/],
      [['--to', 'webhook', '--url', 'http://127.0.0.1:1/h'], /webhook: env ATTEST_WEBHOOK_SECRET is required/],
      [['--to', 'splunk'], /--url is required/],
      [['--to', 'syslog', '--url', 'ftp://x:1'], /syslog: scheme must be udp, tcp or tls/],
      [['--to', 'ocsf', '--batch-size', 'many'], /--batch-size: must be a non-negative integer/],
      [['--to', 'ocsf', '--once', '--follow'], /exclude each other/],
      [['--to', 'ocsf', '--name', '../x'], /exporter name/],
    ];
    for (const [args, msg] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--follow (a real process) keeps exporting new events until SIGTERM, then prints its summary', async () => {
    const hook = new HttpReceiver('webhook');
    await hook.start();
    const { WEBHOOK_SECRET } = await import('../../src/audit/exporters/__fixtures__/http-receivers.js');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', 'audit', 'export', '--to', 'webhook', '--url', `${hook.url}/hook`, '--follow', '--poll-interval', '20', ...flags], {
      cwd: process.cwd(),
      env: { ...process.env, ATTEST_WEBHOOK_SECRET: WEBHOOK_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = async (what: string, cond: () => boolean): Promise<void> => {
      const end = Date.now() + 20_000;
      while (!cond()) {
        if (Date.now() > end) throw new Error(`gave up waiting for ${what}; stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    try {
      await waitFor('the first 40 events', () => hook.unique().size >= 40);
      const late = await append(5, 40);
      await waitFor('events appended while following', () => late.every((id) => hook.unique().has(id)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).toMatch(/exported 45 events to http:\/\/127\.0\.0\.1:\d+\/hook \(at-least-once; seq 0→45/);
      expect(hook.received.length).toBe(45);
    } finally {
      child.kill('SIGKILL');
      await hook.stop();
    }
  });
});
