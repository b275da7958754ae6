// Tampering with the stored rows by direct SQL, on SQLite and PostgreSQL: verify must name the first bad event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, postgresReachable, sampleEvents, testSigner, type StoreKind, type TestDb } from '../__fixtures__/stores.js';
import { sha256Hex } from '../_sha256.js';
import { buildCheckpoint, type Checkpoint } from '../checkpoint.js';
import type { StoredEvent } from '../event.js';
import { signStatement } from '../signed-statement.js';

const KINDS: StoreKind[] = ['sqlite', 'postgres'];
const pgUp = await postgresReachable();
const signer = testSigner();
const trustedKeys = [signer.publicKey];

describe.each(KINDS)('tamper detection: %s', (kind) => {
  const skip = kind === 'postgres' && !pgUp;
  // One pristine log per test, built from a template of events: writers a and b interleaved,
  // checkpoint 1 over the first 40 events, checkpoint 2 over the next 20, then 20 unchecked.
  let db: TestDb;
  let events: StoredEvent[];
  const fresh = async (): Promise<void> => {
    db = await createTestDb(kind);
    const a = await db.open({ writerId: 'a', signer, checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
    const b = await db.open({ writerId: 'b', signer, checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
    events = [];
    for (let i = 0; i < 80; i += 10) {
      events.push(...(await a.appendBatch(sampleEvents(5, i))), ...(await b.appendBatch(sampleEvents(5, i + 5))));
      if (i === 30 || i === 50) await a.checkpoint();
    }
    await a.close();
    await b.close();
  };
  const verify = async () => {
    const s = await db.open({ signer });
    try {
      return await s.verify({ trustedKeys });
    } finally {
      await s.close();
    }
  };
  const ev = (writer: string, index: number): StoredEvent => events.find((e) => e.writer === writer && e.index === index)!;
  const cpDoc = async (n: number): Promise<Checkpoint> => JSON.parse(String((await db.sql('SELECT doc FROM audit_checkpoints WHERE number = ?', [n]))[0]!.doc)) as Checkpoint;
  const setCp = (n: number, cp: Checkpoint) => db.sql('UPDATE audit_checkpoints SET doc = ? WHERE number = ?', [JSON.stringify(cp), n]);

  beforeAll(async () => {
    if (!skip) {
      await fresh();
      expect((await verify()).ok).toBe(true);
      await db.dispose();
    }
  });
  afterAll(async () => {});

  const cases: [string, () => Promise<void>, (r: Awaited<ReturnType<typeof verify>>) => void][] = [
    [
      'edited row (checkpointed)',
      () => db.sql('UPDATE audit_events SET doc = replace(doc, ?, ?) WHERE seq = ?', ['"gpt-4o"', '"gpt-3"', ev('a', 11).seq]).then(() => {}),
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'altered', event: { writer: 'a', index: 11, seq: ev('a', 11).seq, id: ev('a', 11).id } }),
    ],
    [
      'edited row (unchecked tail)',
      () => db.sql('UPDATE audit_events SET doc = replace(doc, ?, ?) WHERE seq = ?', ['"ok"', '"denied"', ev('b', 34).seq]).then(() => {}),
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'altered', event: { writer: 'b', index: 34 } }),
    ],
    [
      'edited indexed column',
      () => db.sql('UPDATE audit_events SET actor_id = ? WHERE seq = ?', ['mallory', ev('a', 3).seq]).then(() => {}),
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'column-mismatch', event: { writer: 'a', index: 3 } }),
    ],
    [
      'edited and rehashed row',
      async () => {
        const e = ev('b', 12);
        const doc = String((await db.sql('SELECT doc FROM audit_events WHERE seq = ?', [e.seq]))[0]!.doc).replace('"v":1', '"v":1,"z":0');
        await db.sql('UPDATE audit_events SET doc = ?, hash = ? WHERE seq = ?', [doc, sha256Hex(doc), e.seq]);
      },
      (r) => {
        expect(r.firstBreak).toMatchObject({ kind: 'chain-break', event: { writer: 'b', index: 13 } });
        expect(r.firstBreak!.message).toContain(ev('b', 12).id);
      },
    ],
    [
      'deleted row',
      () => db.sql('DELETE FROM audit_events WHERE seq = ?', [ev('a', 7).seq]).then(() => {}),
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'missing', event: { writer: 'a', index: 8 } }),
    ],
    [
      'deleted row in the tail',
      () => db.sql('DELETE FROM audit_events WHERE seq = ?', [ev('b', 36).seq]).then(() => {}),
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'missing', event: { writer: 'b', index: 37 } }),
    ],
    [
      'deleted head of a checkpointed segment',
      () => db.sql('DELETE FROM audit_events WHERE seq = ?', [ev('b', 19).seq]).then(() => {}),
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'checkpoint-root', checkpoint: 1 }),
    ],
    [
      'inserted row',
      async () => {
        // A forged, self-consistent copy of position a:5 (the attacker drops the unique index first).
        const orig = ev('a', 5);
        const forgedDoc = String((await db.sql('SELECT doc FROM audit_events WHERE seq = ?', [orig.seq]))[0]!.doc).replace(orig.id, '01900000-0000-7000-8000-000000000001');
        await db.sql(kind === 'sqlite' ? 'DROP INDEX audit_events_writer_idx' : 'ALTER TABLE audit_events DROP CONSTRAINT audit_events_writer_idx');
        await db.sql('INSERT INTO audit_events (id, writer, idx, time, type, actor_id, session, request_id, prev_hash, hash, doc) SELECT ?, writer, idx, time, type, actor_id, session, request_id, prev_hash, ?, ? FROM audit_events WHERE seq = ?', [
          '01900000-0000-7000-8000-000000000001',
          sha256Hex(forgedDoc),
          forgedDoc,
          orig.seq,
        ]);
      },
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'inserted', event: { writer: 'a', index: 5, id: '01900000-0000-7000-8000-000000000001' } }),
    ],
    [
      'reordered rows (same writer)',
      async () => {
        const [x, y] = [ev('a', 22), ev('a', 23)];
        await db.sql('UPDATE audit_events SET seq = ? WHERE seq = ?', [-1, x.seq]);
        await db.sql('UPDATE audit_events SET seq = ? WHERE seq = ?', [x.seq, y.seq]);
        await db.sql('UPDATE audit_events SET seq = ? WHERE seq = ?', [y.seq, -1]);
      },
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'reordered', event: { writer: 'a', index: 23, seq: ev('a', 22).seq } }),
    ],
    [
      'reordered rows (across writers, inside a checkpoint)',
      async () => {
        const [x, y] = [ev('a', 4), ev('b', 0)];
        await db.sql('UPDATE audit_events SET seq = ? WHERE seq = ?', [-1, x.seq]);
        await db.sql('UPDATE audit_events SET seq = ? WHERE seq = ?', [x.seq, y.seq]);
        await db.sql('UPDATE audit_events SET seq = ? WHERE seq = ?', [y.seq, -1]);
      },
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'checkpoint-root', checkpoint: 1, event: { seq: 1 } }),
    ],
    [
      'altered checkpoint (root changed, signature kept)',
      async () => setCp(2, { ...(await cpDoc(2)), merkleRoot: sha256Hex('forged') }).then(() => {}),
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'checkpoint-signature', checkpoint: 2 }),
    ],
    [
      'forged checkpoint signed with another key',
      async () => {
        const { signature: _s, hash: _h, keyId: _k, publicKey: _p, ...body } = await cpDoc(1);
        await setCp(1, signStatement(body, testSigner()));
      },
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'checkpoint-untrusted-key', checkpoint: 1 }),
    ],
    [
      'checkpoint validly signed over the wrong events',
      async () => {
        const cp1 = await cpDoc(1);
        const leaves = events.slice(0, 40).map((e) => ({ seq: e.seq, writer: e.writer, index: e.index, hash: e.hash }));
        leaves[20] = { ...leaves[20]!, hash: sha256Hex('not this event') };
        await setCp(1, buildCheckpoint(undefined, leaves, signer, cp1.time));
      },
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'checkpoint-root', checkpoint: 1 }),
    ],
    [
      'deleted checkpoint',
      () => db.sql('DELETE FROM audit_checkpoints WHERE number = 1').then(() => {}),
      (r) => expect(r.firstBreak).toMatchObject({ kind: 'checkpoint-chain', checkpoint: 2 }),
    ],
  ];

  it.skipIf(skip).each(cases)('%s', async (_name, tamper, expectBreak) => {
    await fresh();
    try {
      await tamper();
      const r = await verify();
      expect(r.ok).toBe(false);
      expectBreak(r);
    } finally {
      await db.dispose();
    }
  });
});
