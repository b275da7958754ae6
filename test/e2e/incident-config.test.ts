// `attest incident scan|show --config attest.yaml`: the incidents: section tunes the built-in
// rules (a threshold here) and sets blast-radius defaults; a broken section is exit 2 with lines.
import { runAttest, type CliRun } from './_run-cli.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../src/audit/event.js';
import type { BlastRadius } from '../../src/audit/incidents/blast-radius.js';
import type { ScanResult } from '../../src/audit/incidents/incident-service.js';
import { SqliteAuditStore } from '../../src/audit/stores/sqlite-audit-store.js';

let dir = '';
let flags: string[] = [];

const cli = (...args: string[]): Promise<CliRun> => runAttest(['incident', ...args, ...flags]);

const mallory = { id: 'mallory', kind: 'user' as const, tenant: 'acme' };
// 4 x 50k input tokens within 30 minutes: under the built-in 500k/h, over a 150k override.
const burst: AuditEventInput[] = [0, 10, 20, 30].map((min) => ({
  time: new Date(Date.parse('2026-11-20T12:00:00Z') + min * 60_000).toISOString(),
  actor: mallory,
  session: 'sM',
  requestId: `m${min}`,
  type: 'model.request',
  data: { provider: 'openai', model: 'gpt-4o', keyId: 'gw-key-3', inputTokens: 50_000 },
}));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'attest-incident-config-'));
  flags = ['--db', join(dir, 'audit.db'), '--signing-key', join(dir, 'signing.key')];
  const store = new SqliteAuditStore({ path: join(dir, 'audit.db'), checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
  try {
    await store.appendBatch(burst);
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attest incident --config', () => {
  it('the built-in threshold opens nothing; a lowered one in incidents: opens a denial-of-wallet incident; blast-radius defaults come from the file', async () => {
    const plain = await cli('scan', '--json', '--state-dir', join(dir, 'plain'));
    expect(plain.code, plain.stderr).toBe(0);
    expect((JSON.parse(plain.stdout) as ScanResult).opened).toEqual([]);

    const file = join(dir, 'attest.yaml');
    writeFileSync(file, 'incidents:\n  rules:\n    token-burst: {atLeast: 150000, window: 1h, severity: high}\n  blastRadius: {window: 3h, hops: 1, via: [actor]}\n');
    const tuned = await cli('scan', '--json', '--config', file, '--state-dir', join(dir, 'tuned'));
    expect(tuned.code, tuned.stderr).toBe(0);
    const opened = (JSON.parse(tuned.stdout) as ScanResult).opened;
    expect(opened.map((i) => [i.ruleId, i.category, i.severity])).toEqual([['token-burst', 'denial-of-wallet', 'high']]);

    const shown = await cli('show', opened[0]?.id ?? '', '--blast-radius', '--json', '--config', file);
    expect(shown.code, shown.stderr).toBe(0);
    const radius = (JSON.parse(shown.stdout) as { blastRadius: BlastRadius }).blastRadius;
    expect(radius.hops).toBe(1);
    expect(radius.via).toEqual(['actor']);
    expect(Date.parse(radius.window.until) - Date.parse(radius.anchor)).toBe(3 * 3_600_000);
    expect(radius.users.map((u) => u.id)).toEqual(['mallory']);
    // Flags win over the file.
    const flagged = await cli('show', opened[0]?.id ?? '', '--blast-radius', '--json', '--config', file, '--window', '30m');
    const r2 = (JSON.parse(flagged.stdout) as { blastRadius: BlastRadius }).blastRadius;
    expect(Date.parse(r2.window.until) - Date.parse(r2.anchor)).toBe(30 * 60_000);
  });

  it('disabling the rule by id stops it firing, even with the lowered threshold', async () => {
    const on = join(dir, 'on.yaml');
    writeFileSync(on, 'incidents:\n  rules:\n    token-burst: {atLeast: 150000}\n');
    const fires = await cli('scan', '--json', '--config', on, '--state-dir', join(dir, 'on'));
    // It fires again, and the incident is already open in the trail: deduped, not re-opened.
    expect(JSON.parse(fires.stdout)).toMatchObject({ opened: [], deduped: 1 });
    const off = join(dir, 'off.yaml');
    writeFileSync(off, 'incidents:\n  disable: [token-burst]\n  rules:\n    token-burst: {atLeast: 150000}\n');
    const r = await cli('scan', '--json', '--config', off, '--state-dir', join(dir, 'off'));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ opened: [], deduped: 0 });
  });

  it('a broken incidents: section: one located line per problem, exit 2', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'incidents:\n  rules:\n    token-brust: {atLeast: 5}\n    token-burst: {atLeast: many}\n  blastRadius: {hops: 99}\n');
    for (const sub of [['scan'], ['list'], ['show', 'inc-x']]) {
      const r = await cli(...sub, '--config', file);
      expect(r.code, sub.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toEqual([
        `attest: ${file}:3:5: incidents.rules.token-brust: unknown incident rule id (did you mean "token-burst"?)`,
        `attest: ${file}:4:28: incidents.rules.token-burst.atLeast: expected number, got "many"`,
        `attest: ${file}:5:23: incidents.blastRadius.hops: must be <= 10`,
      ]);
    }
  });
});
