import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Bytes } from './_sha256.js';
import { auditPath, leafHash, MerkleAccumulator, merkleRoot, verifyInclusion } from './merkle.js';

const leaves = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => leafHash(sha256Bytes(Buffer.from(String(i))).toString('hex'), i + 1));

/** RFC 6962 §2.1 MTH, written recursively straight from the definition. */
function mth(ls: Buffer[]): string {
  if (ls.length === 0) return sha256Bytes().toString('hex');
  if (ls.length === 1) return ls[0]!.toString('hex');
  let k = 1;
  while (k * 2 < ls.length) k *= 2;
  return sha256Bytes(Uint8Array.of(1), Buffer.from(mth(ls.slice(0, k)), 'hex'), Buffer.from(mth(ls.slice(k)), 'hex')).toString('hex');
}

describe('merkle', () => {
  it('matches the RFC 6962 recursive definition, iteratively and streamed', () => {
    for (let n = 0; n <= 70; n++) {
      const ls = leaves(n);
      const acc = new MerkleAccumulator();
      ls.forEach((l) => acc.push(l));
      expect(merkleRoot(ls)).toBe(mth(ls));
      expect(acc.root()).toBe(mth(ls));
    }
  });

  it('leaf and node hashes are domain-separated (0x00 / 0x01 prefixes)', () => {
    const l = leafHash('ab'.repeat(32), 7);
    const seq = Buffer.alloc(8);
    seq.writeBigUInt64BE(7n);
    expect(l.toString('hex')).toBe(sha256Bytes(Uint8Array.of(0), Buffer.from('ab'.repeat(32), 'hex'), seq).toString('hex'));
  });

  it('every audit path verifies, and fails for a wrong leaf, index, path or root (the size is bound by the signed checkpoint)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), (n, raw) => {
        const ls = leaves(n);
        const i = raw % n;
        const root = merkleRoot(ls);
        const path = auditPath(ls, i);
        expect(verifyInclusion(ls[i]!, i, n, path, root)).toBe(true);
        if (n > 1) {
          expect(verifyInclusion(ls[(i + 1) % n]!, i, n, path, root)).toBe(false);
          expect(verifyInclusion(ls[i]!, (i + 1) % n, n, path, root)).toBe(false);
          expect(verifyInclusion(ls[i]!, i, n, [...path.slice(0, -1), 'f'.repeat(64)], root)).toBe(false);
        }
        expect(verifyInclusion(ls[i]!, i, n, path, '0'.repeat(64))).toBe(false);
        expect(verifyInclusion(ls[i]!, n, n, path, root)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
