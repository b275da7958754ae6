// `attest audit …` end to end, in-process through runCli, on temp SQLite files (and PostgreSQL when reachable).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAttest, type CliRun } from './_run-cli.js';
import { PG_URL, postgresReachable } from '../../src/audit/__fixtures__/stores.js';
import type { StoredEvent } from '../../src/audit/event.js';

const cli = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runAttest(args, env);

const EVENTS = [
  { type: 'model.request', actor: { id: 'alice', kind: 'user' }, session: 's1', time: '2026-01-01T00:00:00Z', data: { provider: 'openai', model: 'gpt-4o' } },
  { type: 'tool.call', actor: { id: 'bot', kind: 'agent' }, session: 's1', time: '2026-01-01T00:01:00Z', data: { tool: 'shell', outcome: 'denied' } },
  { type: 'key.use', actor: { id: 'alice', kind: 'user' }, time: '2026-01-01T00:02:00Z', data: { keyId: 'k1', outcome: 'ok' } },
  { type: 'identity.auth', actor: { id: 'carol', kind: 'user' }, session: 's2', time: '2026-01-01T00:03:00Z', data: { method: 'oidc', outcome: 'failure' } },
];
const jsonl = (evs: unknown[]): string => evs.map((e) => JSON.stringify(e)).join('\n') + '\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'attest-audit-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attest audit (SQLite)', () => {
  it('ingests, queries, checkpoints, proves, checks proofs and verifies', async () => {
    const f = ['--db', join(dir, 'a.db'), '--signing-key', join(dir, 'a.key')];
    writeFileSync(join(dir, 'ev.jsonl'), jsonl(EVENTS));
    expect(await cli(['audit', 'ingest', join(dir, 'ev.jsonl'), ...f])).toMatchObject({ code: 0, stdout: 'ingested 4 events (seq 1..4)\n' });
    expect(statSync(join(dir, 'a.key')).mode & 0o777).toBe(0o600);
    // Exactly once per file content: a re-run appends nothing; the same bytes under another name too.
    expect(await cli(['audit', 'ingest', join(dir, 'ev.jsonl'), ...f])).toMatchObject({ code: 0, stdout: 'already ingested (4 events)\n' });
    writeFileSync(join(dir, 'ev-copy.jsonl'), readFileSync(join(dir, 'ev.jsonl')));
    expect(JSON.parse((await cli(['audit', 'ingest', join(dir, 'ev-copy.jsonl'), '--json', ...f])).stdout)).toMatchObject({ alreadyIngested: true, appended: 0, totalEvents: 4 });

    const q = await cli(['audit', 'query', '--actor', 'alice', '--json', ...f]);
    const got = q.stdout.trim().split('\n').map((l) => JSON.parse(l) as StoredEvent);
    expect(got.map((e) => [e.seq, e.type])).toEqual([[1, 'model.request'], [3, 'key.use']]);
    const text = await cli(['audit', 'query', '--type', 'tool.call,identity.auth', '--since', '2026-01-01T00:00:30Z', '--limit', '1', ...f]);
    expect(text.stdout).toMatch(/^2\t2026-01-01T00:01:00.000Z\ttool.call\tbot\tdefault#1\t[0-9a-f-]{36}\n$/);
    expect(await cli(['audit', 'query', '--type', 'nope', ...f])).toMatchObject({ code: 2, stderr: expect.stringContaining('--type: unknown event type "nope"') });

    // Ingest closed its store with a checkpoint; nothing new now.
    expect((await cli(['audit', 'checkpoint', ...f])).stdout).toContain('nothing to checkpoint');
    const proofFile = join(dir, 'proof.json');
    expect((await cli(['audit', 'prove', got[1]!.id, '-o', proofFile, ...f])).code).toBe(0);
    expect(await cli(['audit', 'check-proof', proofFile, '--public-key', join(dir, 'a.pub')])).toMatchObject({ code: 0, stdout: expect.stringContaining('valid') });
    writeFileSync(join(dir, 'bad-proof.json'), readFileSync(proofFile, 'utf8').replace('"k1"', '"k2"'));
    expect(await cli(['audit', 'check-proof', join(dir, 'bad-proof.json'), '--public-key', join(dir, 'a.pub')])).toMatchObject({ code: 1, stdout: expect.stringContaining('INVALID') });
    writeFileSync(join(dir, 'junk.json'), '{');
    expect((await cli(['audit', 'check-proof', join(dir, 'junk.json')])).code).toBe(2);

    writeFileSync(join(dir, 'ev2.jsonl'), jsonl(EVENTS.slice(0, 1)));
    await cli(['audit', 'ingest', join(dir, 'ev2.jsonl'), ...f]);
    const v = await cli(['audit', 'verify', '--json', ...f]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, events: 5, checkpoints: 2, keysTrusted: true });
    // A range after every event anchors on the last checkpoint and has nothing left to check.
    const ranged = await cli(['audit', 'verify', '--json', '--since', '2026-06-01T00:00:00Z', ...f]);
    expect(JSON.parse(ranged.stdout)).toMatchObject({ ok: true, events: 0, checkpoints: 0, fromSeq: 5, toSeq: 5 });
    // A range from 00:01:30 starts inside checkpoint 1's segment, so it is verified from the start.
    const from = await cli(['audit', 'verify', '--json', '--since', '2026-01-01T00:01:30Z', ...f]);
    expect(JSON.parse(from.stdout)).toMatchObject({ ok: true, events: 5, checkpoints: 2, fromSeq: 0 });
    expect((await cli(['audit', 'verify', '--since', 'soon', ...f])).stderr).toContain('--since: not an ISO 8601 date/time');
  });

  it('rejects a bad line naming it, and writes nothing', async () => {
    const f = ['--db', join(dir, 'b.db'), '--signing-key', join(dir, 'b.key')];
    const lines = [...EVENTS.slice(0, 2), { type: 'tool.call', data: { tool: 'x', outcome: 'maybe' } }, EVENTS[3]];
    writeFileSync(join(dir, 'bad.jsonl'), jsonl(lines));
    const r = await cli(['audit', 'ingest', join(dir, 'bad.jsonl'), ...f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`attest: ${join(dir, 'bad.jsonl')}:3: data.outcome: must be one of allowed, denied, pending-approval, error\n`);
    writeFileSync(join(dir, 'notjson.jsonl'), `${JSON.stringify(EVENTS[0])}\n{"type":\n`);
    expect((await cli(['audit', 'ingest', join(dir, 'notjson.jsonl'), ...f])).stderr).toContain('notjson.jsonl:2: not valid JSON');
    expect((await cli(['audit', 'query', ...f])).stdout).toBe('');
    expect((await cli(['audit', 'ingest', join(dir, 'missing.jsonl'), ...f])).code).toBe(2);
    expect(await cli(['audit', 'verify', '--db', join(dir, 'nope.db')])).toMatchObject({ code: 2, stderr: expect.stringContaining('no audit database here') });
  });

  it('verify names the first bad event and exits 1; prove says when an event is not checkpointed', async () => {
    const f = ['--db', join(dir, 'c.db'), '--signing-key', join(dir, 'c.key')];
    writeFileSync(join(dir, 'ev.jsonl'), jsonl(EVENTS));
    await cli(['audit', 'ingest', join(dir, 'ev.jsonl'), ...f]);
    const db = new Database(join(dir, 'c.db'));
    const ids = db.prepare('SELECT id FROM audit_events ORDER BY seq').all() as { id: string }[];
    db.prepare("UPDATE audit_events SET doc = replace(doc, '\"k1\"', '\"k9\"') WHERE seq = 3").run();
    db.close();
    const r = await cli(['audit', 'verify', ...f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`first bad event: ${ids[2]!.id} (writer default, index 2, seq 3)`);
    expect(r.stdout).toContain('BROKEN (altered)');

    const g = ['--db', join(dir, 'd.db'), '--signing-key', join(dir, 'c.key')];
    const { SqliteAuditStore } = await import('../../src/audit/stores/sqlite-audit-store.js');
    const s = new SqliteAuditStore({ path: join(dir, 'd.db'), checkpoint: { onClose: false } });
    const e = await s.append({ type: 'key.use', data: { keyId: 'k', outcome: 'ok' } });
    await s.close();
    const p = await cli(['audit', 'prove', e.id, ...g]);
    expect(p).toMatchObject({ code: 1, stdout: '' });
    expect(p.stderr).toContain('attest audit checkpoint');
    expect((await cli(['audit', 'prove', 'no-such-id', ...g])).code).toBe(2);
  });

  it('reads the audit: section of attest.yaml and applies retention with legal holds', async () => {
    const yaml = join(dir, 'attest.yaml');
    writeFileSync(
      yaml,
      `audit:\n  store: sqlite\n  path: ${join(dir, 'r.db')}\n  signingKey: ${join(dir, 'r.key')}\n  content: hash\n  retentionDays: 30\n  legalHolds:\n    - id: case-1\n      actor: carol\n`,
    );
    const f = ['--config', yaml];
    for (const e of EVENTS) {
      writeFileSync(join(dir, 'one.jsonl'), jsonl([e]));
      expect((await cli(['audit', 'ingest', join(dir, 'one.jsonl'), ...f])).code).toBe(0);
    }
    expect((await cli(['audit', 'hold', 'add', 'case-2', '--session', 's1', '--reason', 'HR', ...f])).code).toBe(0);
    expect((await cli(['audit', 'hold', 'list', ...f])).stdout).toMatch(/case-1\tconfig\tactor=carol[\s\S]*case-2\tstore\tactor=\* session=s1/);
    const r = await cli(['audit', 'retention', 'apply', '--json', ...f]);
    expect(JSON.parse(r.stdout)).toMatchObject({ prunedCheckpoints: [3], heldCheckpoints: [1, 2, 4], eventsRemoved: 1 });
    expect((await cli(['audit', 'query', '--json', ...f])).stdout.trim().split('\n').map((l) => (JSON.parse(l) as StoredEvent).type)).toEqual(['model.request', 'tool.call', 'identity.auth']);
    expect(await cli(['audit', 'verify', ...f])).toMatchObject({ code: 0, stdout: expect.stringContaining('(1 pruned)') });
    writeFileSync(yaml, 'audit:\n  store: mysql\n');
    expect(await cli(['audit', 'verify', '--config', yaml])).toMatchObject({ code: 2, stderr: expect.stringContaining('audit.store') });
  });
});

const pgUp = await postgresReachable();
describe.skipIf(!pgUp)('attest audit (PostgreSQL)', () => {
  const schema = `attest_e2e_${process.pid}`;
  afterAll(async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });
  it('ingests and verifies through ATTEST_AUDIT_PG_URL, with several writers', async () => {
    const env = { ATTEST_AUDIT_PG_URL: PG_URL };
    const f = ['--store', 'postgres', '--schema', schema, '--signing-key', join(dir, 'pg.key')];
    writeFileSync(join(dir, 'ev.jsonl'), jsonl(EVENTS));
    expect((await cli(['audit', 'ingest', join(dir, 'ev.jsonl'), ...f, '--writer', 'w1'], env)).code).toBe(0);
    // The same file through another writer is still the same ingest (exactly once per file content).
    expect(await cli(['audit', 'ingest', join(dir, 'ev.jsonl'), ...f, '--writer', 'w2'], env)).toMatchObject({ code: 0, stdout: 'already ingested (4 events)\n' });
    writeFileSync(join(dir, 'ev-w2.jsonl'), jsonl([...EVENTS].reverse()));
    expect((await cli(['audit', 'ingest', join(dir, 'ev-w2.jsonl'), ...f, '--writer', 'w2'], env)).code).toBe(0);
    const v = await cli(['audit', 'verify', '--json', ...f], env);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, events: 8, writers: 2, checkpoints: 2 });
    expect((await cli(['audit', 'verify', '--store', 'postgres', '--schema', schema], {})).stderr).toContain('ATTEST_AUDIT_PG_URL');
  });
});
