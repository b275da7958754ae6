import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemorySource } from './__fixtures__/memory-source.js';
import { sampleEvents, testSigner } from './__fixtures__/stores.js';
import { sha256Hex } from './_sha256.js';
import type { RawRow } from './verify.js';
import { verifyLog } from './verify.js';

const signer = testSigner();
const trusted = [signer.publicKey];

/** Two writers, 3 checkpointed segments and an uncheckpointed tail; times one minute apart per batch. */
function buildLog(): MemorySource {
  const src = new MemorySource();
  const t = (m: number): string => new Date(Date.parse('2026-01-01T00:00:00Z') + m * 60_000).toISOString();
  for (let seg = 0; seg < 4; seg++) {
    for (let k = 0; k < 4; k++) src.append(k % 2 ? 'b' : 'a', sampleEvents(3, seg * 10 + k), t(seg * 4 + k));
    if (seg < 3) src.checkpoint(signer);
  }
  return src;
}

const EDITS: ((r: RawRow) => RawRow)[] = [
  (r) => ({ ...r, doc: r.doc.replace('"v":1', '"v":2') }),
  (r) => ({ ...r, doc: r.doc.replace(/"index":\d+/, (m) => `"index":${Number(m.slice(8)) + 1}`) }),
  (r) => ({ ...r, hash: sha256Hex(r.hash) }),
  (r) => ({ ...r, prevHash: sha256Hex(r.prevHash) }),
  (r) => ({ ...r, idx: r.idx + 1 }),
  (r) => ({ ...r, writer: r.writer === 'a' ? 'b' : 'a' }),
  (r) => ({ ...r, time: '1999-01-01T00:00:00.000Z' }),
  (r) => ({ ...r, actorId: 'mallory' }),
  (r) => ({ ...r, type: 'key.use' }),
];

describe('verifyLog', () => {
  it('accepts an intact log with checkpoints and a tail', async () => {
    const r = await verifyLog(buildLog(), { trustedKeys: trusted });
    expect(r).toMatchObject({ ok: true, events: 48, checkpoints: 3, writers: 2, toSeq: 48, keysTrusted: true });
  });

  it('property: any single edit breaks verification at or before the edited event', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 0, max: EDITS.length - 1 }), async (at, edit) => {
        const src = buildLog();
        const before = src.rows[at]!;
        const after = EDITS[edit]!(before);
        fc.pre(JSON.stringify(after) !== JSON.stringify(before));
        src.rows[at] = after;
        const r = await verifyLog(src, { trustedKeys: trusted });
        expect(r.ok).toBe(false);
        expect(r.firstBreak!.event!.seq).toBeLessThanOrEqual(before.seq);
      }),
      { numRuns: 200 },
    );
  });

  it('property: deleting any event except the newest of a writer is detected', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 45 }), async (at) => {
        const src = buildLog();
        const gone = src.rows[at]!;
        const newestOfWriter = Math.max(...src.rows.filter((r) => r.writer === gone.writer).map((r) => r.seq));
        fc.pre(gone.seq !== newestOfWriter);
        src.rows.splice(at, 1);
        const r = await verifyLog(src, { trustedKeys: trusted });
        expect(r.ok).toBe(false);
        expect(['missing', 'checkpoint-root', 'checkpoint-heads']).toContain(r.firstBreak!.kind);
      }),
      { numRuns: 60 },
    );
  });

  it('names a rewritten-and-rehashed event through the broken link of its successor', async () => {
    const src = buildLog();
    const i = src.rows.findIndex((r) => r.writer === 'a' && r.idx === 20);
    const doc = src.rows[i]!.doc.replace('"v":1', '"v":1,"x":1');
    src.rows[i] = { ...src.rows[i]!, doc, hash: sha256Hex(doc) };
    const r = await verifyLog(src, { trustedKeys: trusted });
    expect(r.firstBreak).toMatchObject({ kind: 'chain-break', event: { writer: 'a', index: 21 } });
    expect(r.firstBreak!.message).toContain('index 20');
  });

  it('detects forged, re-signed and unlinked checkpoints', async () => {
    const forged = buildLog();
    forged.cps[1] = { ...forged.cps[1]!, merkleRoot: sha256Hex('x') };
    expect((await verifyLog(forged, { trustedKeys: trusted })).firstBreak).toMatchObject({ kind: 'checkpoint-signature', checkpoint: 2 });

    const other = testSigner();
    const resigned = buildLog();
    const { signature: _s, hash: _h, keyId: _k, publicKey: _p, ...body } = resigned.cps[0]!;
    const { signStatement } = await import('./signed-statement.js');
    resigned.cps[0] = signStatement(body, other);
    expect((await verifyLog(resigned, { trustedKeys: trusted })).firstBreak).toMatchObject({ kind: 'checkpoint-untrusted-key', checkpoint: 1 });
    // Without a trust list the re-signed checkpoint is self-consistent, but its new hash unlinks checkpoint 2.
    expect((await verifyLog(resigned)).firstBreak).toMatchObject({ kind: 'checkpoint-chain', checkpoint: 2 });

    const dropped = buildLog();
    dropped.cps.splice(0, 1);
    expect((await verifyLog(dropped, { trustedKeys: trusted })).firstBreak?.kind).toBe('checkpoint-chain');
  });

  it('verifies a time range by anchoring on the nearest checkpoint', async () => {
    const src = buildLog();
    // Segment 2 covers minutes 4..7; a range inside it anchors on checkpoint 1 and stops after checkpoint 2.
    const r = await verifyLog(src, { trustedKeys: trusted, since: '2026-01-01T00:05:00Z', until: '2026-01-01T00:06:00Z' });
    expect(r).toMatchObject({ ok: true, fromSeq: 12, toSeq: 24, events: 12, checkpoints: 1 });
    // Damage outside the range does not fail it; damage inside does.
    src.rows[2] = { ...src.rows[2]!, actorId: 'mallory' };
    expect((await verifyLog(src, { trustedKeys: trusted, since: '2026-01-01T00:05:00Z', until: '2026-01-01T00:06:00Z' })).ok).toBe(true);
    src.rows[15] = { ...src.rows[15]!, actorId: 'mallory' };
    expect((await verifyLog(src, { trustedKeys: trusted, since: '2026-01-01T00:05:00Z', until: '2026-01-01T00:06:00Z' })).firstBreak?.event?.seq).toBe(16);
    // A range in the tail anchors on the last checkpoint.
    const tail = await verifyLog(buildLog(), { trustedKeys: trusted, since: '2026-01-01T00:13:00Z' });
    expect(tail).toMatchObject({ ok: true, fromSeq: 36, toSeq: 48, events: 12 });
  });
});
