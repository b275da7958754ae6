// One contract suite for the AuditStore port (plus VerifiableStore), run against SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttestError } from '../../core/errors.js';
import { createTestDb, postgresReachable, sampleEvents, testSigner, type StoreKind, type TestDb } from '../__fixtures__/stores.js';
import { contentBody } from '../content-policy.js';
import type { StoredEvent } from '../event.js';
import { computeEventHash, GENESIS_HASH } from '../hash-chain.js';
import { checkProof } from '../proof.js';
import { isUuidV7 } from '../uuid-v7.js';

const KINDS: StoreKind[] = ['sqlite', 'sqlite-full', 'postgres'];
const pgUp = await postgresReachable();

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe.each(KINDS)('AuditStore contract: %s', (kind) => {
  const skip = kind === 'postgres' && !pgUp;
  let db: TestDb;
  beforeEach(async () => {
    if (!skip) db = await createTestDb(kind);
  });
  afterEach(async () => {
    if (!skip) await db.dispose();
  });

  it.skipIf(skip)('appends chained, hashed, ordered events', async () => {
    const s = await db.open({ writerId: 'w1' });
    const a = await s.append(sampleEvents(1)[0]!);
    const [b, c] = await s.appendBatch(sampleEvents(2, 1));
    expect([a.index, b!.index, c!.index]).toEqual([0, 1, 2]);
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(b!.prevHash).toBe(a.hash);
    expect(c!.prevHash).toBe(b!.hash);
    expect(a.seq).toBeLessThan(b!.seq);
    expect(b!.seq).toBeLessThan(c!.seq);
    for (const e of [a, b!, c!]) {
      expect(e.hash).toBe(computeEventHash(e));
      expect(isUuidV7(e.id)).toBe(true);
      expect(e.v).toBe(1);
      expect(e.writer).toBe('w1');
    }
    expect(await s.get(b!.id)).toEqual(b);
    expect(await s.get('00000000-0000-7000-8000-000000000000')).toBeUndefined();
    expect(await s.lastSeq()).toBe(c!.seq);
    await s.close();
  });

  it.skipIf(skip)('group-commits many concurrent appends into one contiguous chain', async () => {
    const s = await db.open({ writerId: 'w1', maxBatch: 64 });
    const stored = await Promise.all(sampleEvents(500).map((e) => s.append(e)));
    const byIndex = [...stored].sort((x, y) => x.index - y.index);
    expect(byIndex.map((e) => e.index)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    for (let i = 1; i < byIndex.length; i++) expect(byIndex[i]!.prevHash).toBe(byIndex[i - 1]!.hash);
    expect(new Set(stored.map((e) => e.seq)).size).toBe(500);
    expect((await s.verify()).ok).toBe(true);
    await s.close();
  });

  it.skipIf(skip)('continues the chain after reopening', async () => {
    const s1 = await db.open({ writerId: 'w1' });
    const last = (await s1.appendBatch(sampleEvents(3))).at(-1)!;
    await s1.close();
    await expect(s1.append(sampleEvents(1)[0]!)).rejects.toThrow(/closed/);
    const s2 = await db.open({ writerId: 'w1' });
    const next = await s2.append(sampleEvents(1)[0]!);
    expect(next.index).toBe(3);
    expect(next.prevHash).toBe(last.hash);
    await s2.close();
  });

  it.skipIf(skip)('keeps one chain per writer when writers share the database', async () => {
    const a = await db.open({ writerId: 'gw-a' });
    const b = await db.open({ writerId: 'gw-b' });
    await Promise.all([...sampleEvents(40).map((e) => a.append(e)), ...sampleEvents(40, 7).map((e) => b.append(e))]);
    const all = await collect(a.query());
    expect(all).toHaveLength(80);
    for (const w of ['gw-a', 'gw-b']) {
      const chain = all.filter((e) => e.writer === w);
      expect(chain.map((e) => e.index)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    }
    expect((await a.verify()).ok).toBe(true);
    await a.close();
    await b.close();
  });

  it.skipIf(skip)('keeps one chain when two store instances share a writer id', async () => {
    const a = await db.open({ writerId: 'same' });
    const b = await db.open({ writerId: 'same' });
    for (let round = 0; round < 5; round++) {
      await Promise.all([a.appendBatch(sampleEvents(7, round)), b.appendBatch(sampleEvents(5, round)), a.append(sampleEvents(1)[0]!)]);
    }
    const all = await collect(a.query());
    expect(all.map((e) => e.index)).toEqual(Array.from({ length: 65 }, (_, i) => i));
    expect((await b.verify()).ok).toBe(true);
    await a.close();
    await b.close();
  });

  it.skipIf(skip)('queries with every filter, in seq order, streamed in pages', async () => {
    const s = await db.open({ writerId: 'w1' });
    const base = Date.parse('2026-01-01T00:00:00Z');
    const events = sampleEvents(1200).map((e, i) => ({ ...e, time: new Date(base + i * 1000).toISOString() }));
    const stored = await s.appendBatch(events);
    const all = await collect(s.query());
    expect(all.map((e) => e.seq)).toEqual(stored.map((e) => e.seq));
    const check = async (q: Parameters<typeof s.query>[0], pred: (e: StoredEvent) => boolean): Promise<void> => {
      const got = await collect(s.query(q));
      expect(got.map((e) => e.id)).toEqual(stored.filter(pred).map((e) => e.id));
    };
    await check({ actor: 'user-1' }, (e) => e.actor?.id === 'user-1');
    await check({ types: ['tool.call', 'key.use'] }, (e) => e.type === 'tool.call' || e.type === 'key.use');
    await check({ session: 's-2' }, (e) => e.session === 's-2');
    await check({ requestId: 'r-10' }, (e) => e.requestId === 'r-10');
    await check({ since: '2026-01-01T00:10:00Z', until: '2026-01-01T00:12:00+00:00' }, (e) => e.time >= '2026-01-01T00:10:00.000Z' && e.time < '2026-01-01T00:12:00.000Z');
    await check({ afterSeq: stored[1000]!.seq }, (e) => e.seq > stored[1000]!.seq);
    await check({ types: [] }, () => false);
    const limited = await collect(s.query({ actor: 'user-2', limit: 7 }));
    expect(limited.map((e) => e.id)).toEqual(stored.filter((e) => e.actor?.id === 'user-2').slice(0, 7).map((e) => e.id));
    await s.close();
  });

  it.skipIf(skip)('normalises event time and rejects an unparseable one', async () => {
    const s = await db.open();
    const e = await s.append({ type: 'key.use', time: '2026-03-01T10:00:00+02:00', data: { keyId: 'k', outcome: 'ok' } });
    expect(e.time).toBe('2026-03-01T08:00:00.000Z');
    const err = await s.append({ type: 'key.use', time: 'yesterday', data: { keyId: 'k', outcome: 'ok' } }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(AttestError);
    expect((err as AttestError).code).toBe('BAD_INPUT');
    await s.close();
  });

  it.skipIf(skip)('applies the content policy before hashing', async () => {
    const prompt = contentBody('mail me at alice@example.com, card 4111 1111 1111 1111');
    const hashed = await db.open({ writerId: 'h', content: { mode: 'hash' } });
    const h = await hashed.append({ type: 'model.request', data: { provider: 'p', model: 'm', prompt } });
    await hashed.close();
    const redacting = await db.open({ writerId: 'r', content: { mode: 'redact' } });
    const r = await redacting.append({ type: 'model.request', data: { provider: 'p', model: 'm', prompt } });
    const custom = await db.open({ writerId: 'c', content: { mode: 'redact', redactor: (t) => t.toUpperCase() } });
    const c = await custom.append({ type: 'tool.call', data: { tool: 't', outcome: 'allowed', arguments: contentBody('ls -la') } });
    expect(h.type === 'model.request' && h.data.prompt).toEqual({ mode: 'hash', sha256: prompt.sha256 });
    expect(r.type === 'model.request' && r.data.prompt).toEqual({ mode: 'redact', sha256: prompt.sha256, text: 'mail me at [EMAIL] card [NUMBER]' });
    expect(c.type === 'tool.call' && c.data.arguments?.text).toBe('LS -LA');
    expect(JSON.stringify(await redacting.get(r.id))).not.toContain('alice@example.com');
    expect((await redacting.verify()).ok).toBe(true);
    await redacting.close();
    await custom.close();
  });

  it.skipIf(skip)('checkpoints, proves inclusion and verifies', async () => {
    const signer = testSigner();
    const s = await db.open({ writerId: 'w1', signer, checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
    expect(await s.checkpoint()).toBeUndefined();
    const first = await s.appendBatch(sampleEvents(13));
    const notYet = await s.prove(first[4]!.id);
    expect(notYet).toMatchObject({ ok: false, reason: 'not-checkpointed' });
    const cp1 = (await s.checkpoint())!;
    expect(cp1).toMatchObject({ number: 1, fromSeq: 0, toSeq: first[12]!.seq, treeSize: 13, prevHash: GENESIS_HASH });
    expect(cp1.heads).toEqual({ w1: { index: 12, hash: first[12]!.hash } });
    const second = await s.appendBatch(sampleEvents(6));
    const cp2 = (await s.checkpoint())!;
    expect(cp2).toMatchObject({ number: 2, fromSeq: cp1.toSeq, prevHash: cp1.hash, treeSize: 6 });
    for (const e of [first[0]!, first[4]!, first[12]!, second[5]!]) {
      const p = await s.prove(e.id);
      expect(p.ok).toBe(true);
      if (p.ok) expect(checkProof(JSON.parse(JSON.stringify(p.proof)), [signer.publicKey])).toEqual({ ok: true });
    }
    await expect(s.prove('no-such-id')).rejects.toThrow(/no audit event/);
    const report = await s.verify({ trustedKeys: [signer.publicKey] });
    expect(report).toMatchObject({ ok: true, events: 19, checkpoints: 2, writers: 1, keysTrusted: true });
    await s.close();
  });

  it.skipIf(skip)('checkpoints automatically by count and on close', async () => {
    const signer = testSigner();
    const s = await db.open({ writerId: 'w1', signer, checkpoint: { everyEvents: 10, everySeconds: 0 } });
    await s.appendBatch(sampleEvents(10));
    await s.appendBatch(sampleEvents(10));
    await Promise.all(sampleEvents(5).map((e) => s.append(e)));
    await s.close();
    const r = await db.open({ signer, checkpoint: { onClose: false } });
    const cps = await r.checkpoints();
    expect(cps.map((c) => c.treeSize)).toEqual([10, 10, 5]);
    expect(cps.at(-1)!.toSeq).toBe(await r.lastSeq());
    expect(cps.reduce((n, c) => n + c.treeSize, 0)).toBe(25);
    expect((await r.verify({ trustedKeys: [signer.publicKey] })).ok).toBe(true);
    await r.close();
  });

  it.skipIf(skip)('checkpoints on the timer when something is new', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const signer = testSigner();
      const s = await db.open({ signer, checkpoint: { everyEvents: 0, everySeconds: 5, onClose: false } });
      vi.advanceTimersByTime(5000);
      await s.appendBatch(sampleEvents(3));
      expect(await s.checkpoints()).toHaveLength(0);
      vi.advanceTimersByTime(5000);
      await s.close(); // drains the queue, where the timer put a checkpoint job
      const r = await db.open({ checkpoint: { onClose: false } });
      expect((await r.checkpoints()).map((c) => c.treeSize)).toEqual([3]);
      await r.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it.skipIf(skip)('prunes expired checkpointed segments, never legal-held events, and still verifies', async () => {
    const signer = testSigner();
    const s = await db.open({ writerId: 'w1', signer, checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
    const day = 86_400_000;
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const seg = async (dayOffset: number, actor: string): Promise<StoredEvent[]> => {
      const evs = await s.appendBatch(sampleEvents(5).map((e) => ({ ...e, actor: { id: actor, kind: 'user' as const }, time: new Date(t0 + dayOffset * day).toISOString() })));
      await s.checkpoint();
      return evs;
    };
    // Writer x appears only in the first segment, which retention will prune.
    const x = await db.open({ writerId: 'x', checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
    const xLast = (await x.appendBatch(sampleEvents(2).map((e) => ({ ...e, time: new Date(t0).toISOString() })))).at(-1)!;
    await x.close();
    const old1 = await seg(0, 'alice');
    const old2 = await seg(1, 'bob');
    const old3 = await seg(2, 'carol');
    const fresh = await seg(100, 'alice');
    await s.addHold({ id: 'case-42', actor: 'bob', reason: 'litigation' });
    expect((await s.holds()).map((h) => h.id)).toEqual(['case-42']);
    const res = await s.applyRetention({ days: 30, now: new Date(t0 + 101 * day), holds: [{ id: 'cfg', session: 'nope' }] });
    expect(res.prunedCheckpoints).toEqual([1, 3]);
    expect(res.heldCheckpoints).toEqual([2]);
    expect(res.eventsRemoved).toBe(12);
    // x's chain continues from the head its pruned segment's checkpoint signed.
    const x2 = await db.open({ writerId: 'x', checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
    expect(await x2.append(sampleEvents(1)[0]!)).toMatchObject({ index: 2, prevHash: xLast.hash });
    await x2.close();
    expect(await s.get(old1[0]!.id)).toBeUndefined();
    expect(await s.get(old3[4]!.id)).toBeUndefined();
    for (const e of [...old2, ...fresh]) expect(await s.get(e.id)).toBeDefined();
    const v = await s.verify({ trustedKeys: [signer.publicKey] });
    expect(v).toMatchObject({ ok: true, prunedSegments: 2, events: 11 });
    expect(await s.prove(old1[0]!.id).catch((e: unknown) => (e as Error).message)).toMatch(/no audit event/);
    // Removing the hold lets the next run prune the held segment.
    expect(await s.removeHold('case-42')).toBe(true);
    expect((await s.applyRetention({ days: 30, now: new Date(t0 + 101 * day) })).prunedCheckpoints).toEqual([2]);
    expect((await s.verify({ trustedKeys: [signer.publicKey] })).ok).toBe(true);
    await s.close();
  });
});
