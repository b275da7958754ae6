// Exactly-once, resumable ingest on real SQLite and PostgreSQL (skipped with a printed reason
// only when PostgreSQL is unreachable): the file's marker commits with its events.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, postgresReachable, testSigner, type StoreKind } from '../__fixtures__/stores.js';
import { ingestJsonl } from './ingest-jsonl.js';

const pgUp = await postgresReachable();
const dir = mkdtempSync(join(tmpdir(), 'attest-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of `n` events, each naming its line (keyId `<tag>-<line>`), with a blank line at line 3. */
function eventsFile(name: string, n: number, tag = 'line'): string {
  const rows: string[] = [];
  for (let line = 1; rows.length < n + (n >= 3 ? 1 : 0); line++) rows.push(line === 3 ? '' : JSON.stringify({ type: 'key.use', data: { keyId: `${tag}-${line}`, outcome: 'ok' } }));
  const path = join(dir, name);
  writeFileSync(path, rows.join('\n') + '\n');
  return path;
}

async function keyIds(store: { query(): AsyncIterable<{ data: unknown }> }): Promise<string[]> {
  const out: string[] = [];
  for await (const e of store.query()) out.push((e.data as { keyId: string }).keyId);
  return out;
}

describe.each<StoreKind>(['sqlite', 'postgres'])('ingest exactly once: %s', (kind) => {
  it.skipIf(kind === 'postgres' && !pgUp)('a second run of the same file appends nothing and reports the first run', async () => {
    const db = await createTestDb(kind);
    const file = eventsFile(`${kind}-twice.jsonl`, 25);
    try {
      const s = await db.open({ signer: testSigner() });
      const first = await ingestJsonl(file, s, { batchSize: 7 });
      expect(first).toMatchObject({ appended: 25, totalEvents: 25, alreadyIngested: false, resumedAfterLine: 0, lines: 26 });
      const again = await ingestJsonl(file, s, { batchSize: 7 });
      expect(again).toMatchObject({ appended: 0, totalEvents: 25, alreadyIngested: true, sha256: first.sha256 });
      const ids = await keyIds(s);
      expect(ids).toHaveLength(25);
      expect(new Set(ids).size).toBe(25);
      // The same bytes under another name are the same ingest; other bytes under the same name are new.
      const copy = join(dir, `${kind}-copy.jsonl`);
      writeFileSync(copy, readFileSync(file));
      expect((await ingestJsonl(copy, s)).alreadyIngested).toBe(true);
      eventsFile(`${kind}-twice.jsonl`, 4, 'other');
      expect(await ingestJsonl(file, s)).toMatchObject({ appended: 4, alreadyIngested: false });
      expect(await keyIds(s)).toHaveLength(29);
      expect((await s.verify()).ok).toBe(true);
      await s.close();
    } finally {
      await db.dispose();
    }
  });

  it.skipIf(kind === 'postgres' && !pgUp)('an interrupted run resumes after the last committed batch; a racing run of the same file is refused', async () => {
    const db = await createTestDb(kind);
    const file = eventsFile(`${kind}-resume.jsonl`, 40);
    try {
      const s = await db.open({ signer: testSigner(), writerId: 'w1' });
      // Interrupt after the second committed batch (the callback runs after each commit).
      await expect(
        ingestJsonl(file, s, {
          batchSize: 6,
          onProgress: (n) => {
            if (n >= 12) throw new Error('interrupted');
          },
        }),
      ).rejects.toThrow('interrupted');
      expect(await keyIds(s)).toHaveLength(12);
      const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
      const marker = await s.ingestMarker(sha);
      expect(marker).toMatchObject({ events: 12, complete: false, line: 13 }); // 12 events + the blank line 3
      const resumed = await ingestJsonl(file, s, { batchSize: 6 });
      expect(resumed).toMatchObject({ appended: 28, totalEvents: 40, resumedAfterLine: 13, alreadyIngested: false });
      const ids = await keyIds(s);
      expect(ids).toEqual(Array.from({ length: 41 }, (_, k) => `line-${k + 1}`).filter((x) => x !== 'line-3'));

      // The marker is a compare-and-set: a batch continuing from a stale line is refused and writes nothing.
      const other = await db.open({ signer: testSigner(), writerId: 'w2' });
      const stale = other.appendIngestBatch([{ type: 'key.use', data: { keyId: 'stale', outcome: 'ok' } }], { file: sha, name: 'x', afterLine: 0, line: 1, complete: false });
      await expect(stale).rejects.toThrow('another ingest of this file committed meanwhile');
      expect(await keyIds(s)).not.toContain('stale');

      // Two stores (two writers) ingesting one new file at once: whichever loses a batch position
      // fails (or finds the file done); a re-run finishes; every line lands once.
      const race = eventsFile(`${kind}-race.jsonl`, 30, 'race');
      const results = await Promise.allSettled([ingestJsonl(race, s, { batchSize: 5 }), ingestJsonl(race, other, { batchSize: 5 })]);
      for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toContain('another ingest of this file');
      await ingestJsonl(race, s, { batchSize: 5 });
      const raced = (await keyIds(s)).filter((k) => k.startsWith('race-'));
      expect(raced).toHaveLength(30);
      expect(new Set(raced).size).toBe(30);
      expect((await ingestJsonl(race, other)).alreadyIngested).toBe(true);
      await other.close();
      expect((await s.verify()).ok).toBe(true);
      await s.close();
    } finally {
      await db.dispose();
    }
  });
});

describe('ingest markers on an older SQLite database', () => {
  it('a schema-1 database (no audit_ingests table) is migrated on open and keeps its events', async () => {
    const db = await createTestDb('sqlite');
    try {
      const s = await db.open();
      await s.append({ type: 'key.use', data: { keyId: 'old', outcome: 'ok' } });
      await s.close();
      await db.sql('DROP TABLE audit_ingests');
      await db.sql('PRAGMA user_version = 1');
      const file = eventsFile('migrate.jsonl', 5);
      const t = await db.open();
      expect((await ingestJsonl(file, t)).appended).toBe(5);
      expect((await ingestJsonl(file, t)).alreadyIngested).toBe(true);
      expect(await keyIds(t)).toHaveLength(6);
      expect((await db.sql('PRAGMA user_version'))[0]).toEqual({ user_version: 2 });
      expect((await t.verify()).ok).toBe(true);
      await t.close();
    } finally {
      await db.dispose();
    }
  });
});
