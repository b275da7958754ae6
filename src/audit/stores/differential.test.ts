// Differential: the same events through SQLite and PostgreSQL give identical events, hashes and checkpoints.
import { describe, expect, it } from 'vitest';
import { createTestDb, postgresReachable, sampleEvents, testSigner } from '../__fixtures__/stores.js';
import { contentBody } from '../content-policy.js';
import type { AuditEventInput, StoredEvent } from '../event.js';

const pgUp = await postgresReachable();

describe('SQLite vs PostgreSQL', () => {
  it.skipIf(!pgUp)('produce the same chain, hashes, checkpoints and proofs', async () => {
    const signer = testSigner();
    const run = async (kind: 'sqlite' | 'postgres') => {
      const db = await createTestDb(kind);
      let n = 0;
      const opts = {
        signer,
        clock: () => new Date('2026-02-02T02:02:02.000Z'),
        newId: () => `01900000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
        checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false },
      };
      const a = await db.open({ ...opts, writerId: 'a', content: { mode: 'redact' } });
      const b = await db.open({ ...opts, writerId: 'b' });
      const extra: AuditEventInput[] = [
        { type: 'model.request', data: { provider: 'p', model: 'm', prompt: contentBody('call 555 123 4567 or x@y.io, ünïcødé ✓') } },
        { type: 'retrieval', time: '2026-01-01T12:00:00+05:30', data: { index: 'docs', documents: [{ id: 'd1', labels: ['conf'], allowed: false }] } },
      ];
      const stored: StoredEvent[] = [];
      stored.push(...(await a.appendBatch([...sampleEvents(30), ...extra])));
      stored.push(...(await b.appendBatch(sampleEvents(17, 3))));
      const cp = await a.checkpoint();
      const proof = await a.prove(stored[5]!.id);
      const report = await a.verify({ trustedKeys: [signer.publicKey] });
      await a.close();
      await b.close();
      await db.dispose();
      return { stored, cp, proof, report };
    };
    const lite = await run('sqlite');
    const pg = await run('postgres');
    expect(pg.stored).toEqual(lite.stored);
    expect(pg.cp).toEqual(lite.cp);
    expect(pg.proof).toEqual(lite.proof);
    expect(pg.report).toEqual(lite.report);
    expect(lite.report.ok).toBe(true);
    expect(lite.stored.map((e) => e.hash)).toHaveLength(49);
  });
});
