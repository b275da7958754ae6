import { describe, expect, it } from 'vitest';
import { createTestDb, sampleEvents, testSigner } from './__fixtures__/stores.js';
import { checkProof, type InclusionProof } from './proof.js';

const signer = testSigner();

async function makeProof(): Promise<InclusionProof> {
  const db = await createTestDb('sqlite');
  const s = await db.open({ signer, checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
  const evs = await s.appendBatch(sampleEvents(11));
  await s.checkpoint();
  const r = await s.prove(evs[6]!.id);
  await s.close();
  await db.dispose();
  if (!r.ok) throw new Error(r.message);
  return JSON.parse(JSON.stringify(r.proof)) as InclusionProof;
}

// The mutations poke at arbitrary JSON fields of a parsed proof.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = Record<string, any>;
type Mut = [string, (p: LooseJson) => void];

describe('checkProof', () => {
  it('accepts a valid proof, with and without the trusted key', async () => {
    const p = await makeProof();
    expect(checkProof(p)).toEqual({ ok: true });
    expect(checkProof(p, [signer.publicKey])).toEqual({ ok: true });
    expect(checkProof(p, [testSigner().publicKey])).toMatchObject({ ok: false, problem: expect.stringContaining('not the trusted key') });
  });

  const muts: Mut[] = [
    ['event.data', (p) => (p.event.data.inputTokens = 999)],
    ['event.time', (p) => (p.event.time = '2020-01-01T00:00:00.000Z')],
    ['event.actor', (p) => (p.event.actor = { id: 'mallory', kind: 'user' })],
    ['event.index', (p) => (p.event.index += 1)],
    ['event.writer', (p) => (p.event.writer = 'other')],
    ['event.prevHash', (p) => (p.event.prevHash = '0'.repeat(64))],
    ['event.hash', (p) => (p.event.hash = 'f'.repeat(64))],
    ['event.seq', (p) => (p.event.seq += 1)],
    ['event.id', (p) => (p.event.id = '01900000-0000-7000-8000-000000000000')],
    ['leafIndex', (p) => (p.leafIndex += 1)],
    ['treeSize', (p) => (p.treeSize += 1)],
    ['auditPath', (p) => (p.auditPath[0] = 'a'.repeat(64))],
    ['auditPath dropped', (p) => p.auditPath.pop()],
    ['checkpoint.merkleRoot', (p) => (p.checkpoint.merkleRoot = 'b'.repeat(64))],
    ['checkpoint.treeSize', (p) => (p.checkpoint.treeSize += 1)],
    ['checkpoint.toSeq', (p) => (p.checkpoint.toSeq += 1)],
    ['checkpoint.signature', (p) => (p.checkpoint.signature = Buffer.alloc(64, 1).toString('base64'))],
    ['checkpoint.publicKey', (p) => (p.checkpoint.publicKey = testSigner().publicKey)],
    ['checkpoint.heads', (p) => (p.checkpoint.heads = {})],
    ['kind', (p) => (p.kind = 'other')],
    ['event removed', (p) => delete p.event],
  ];
  it.each(muts)('rejects a proof with altered %s', async (_name, mutate) => {
    const p = (await makeProof()) as unknown as LooseJson;
    mutate(p);
    const r = checkProof(p);
    expect(r.ok).toBe(false);
  });
});
