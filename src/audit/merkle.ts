/**
 * RFC 6962 / RFC 9162 Merkle tree over a checkpoint segment.
 * leaf = SHA-256(0x00 || eventHash (32 bytes) || seq (uint64 big-endian)),
 * node = SHA-256(0x01 || left || right).
 * The leaf binds `seq` as well as the event hash, because `seq` (the global export order) is
 * not part of the event hash: this way re-ordering rows inside a checkpointed segment, or
 * changing `seq` in an inclusion proof, changes the root.
 */
import { sha256Bytes } from './_sha256.js';


/** The leaf hash of one event. */
export function leafHash(eventHashHex: string, seq: number): Buffer {
  // 0x00 || 32-byte event hash || uint64 BE seq, in one buffer (this runs for every event
  // at every checkpoint and verify).
  const b = Buffer.allocUnsafe(41);
  b[0] = 0;
  if (b.write(eventHashHex, 1, 32, 'hex') !== 32) throw new RangeError('event hash must be 64 hex characters');
  b.writeUInt32BE(Math.floor(seq / 0x1_0000_0000), 33);
  b.writeUInt32BE(seq >>> 0, 37);
  return sha256Bytes(b);
}

function node(l: Uint8Array, r: Uint8Array): Buffer {
  const b = Buffer.allocUnsafe(65);
  b[0] = 1;
  b.set(l, 1);
  b.set(r, 33);
  return sha256Bytes(b);
}

/** Merkle Tree Hash of the leaves (hex). The empty tree hashes to SHA-256 of nothing. */
export function merkleRoot(leaves: readonly Uint8Array[]): string {
  if (leaves.length === 0) return sha256Bytes().toString('hex');
  // Bottom-up with the unpaired last node promoted: identical to RFC 6962's recursive MTH.
  let level: Uint8Array[] = leaves.slice();
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(node(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return Buffer.from(level[0]!).toString('hex');
}

function subtreeRoot(leaves: readonly Uint8Array[], from: number, to: number): Uint8Array {
  if (to - from === 1) return leaves[from]!;
  const k = largestPowerOfTwoBelow(to - from);
  return node(subtreeRoot(leaves, from, from + k), subtreeRoot(leaves, from + k, to));
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The audit path (RFC 6962 §2.1.1) for leaf `index`, hex, leaf-to-root order. */
export function auditPath(leaves: readonly Uint8Array[], index: number): string[] {
  if (index < 0 || index >= leaves.length) throw new RangeError(`leaf index ${index} outside tree of ${leaves.length}`);
  const path: Uint8Array[] = [];
  const walk = (m: number, from: number, to: number): void => {
    if (to - from <= 1) return;
    const k = largestPowerOfTwoBelow(to - from);
    if (m < k) {
      walk(m, from, from + k);
      path.push(subtreeRoot(leaves, from + k, to));
    } else {
      walk(m - k, from + k, to);
      path.push(subtreeRoot(leaves, from, from + k));
    }
  };
  walk(index, 0, leaves.length);
  return path.map((p) => Buffer.from(p).toString('hex'));
}

/** Verify an audit path (RFC 9162 §2.1.3.2). */
export function verifyInclusion(leaf: Uint8Array, index: number, treeSize: number, path: readonly string[], rootHex: string): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r: Uint8Array = leaf;
  for (const hex of path) {
    if (!/^[0-9a-f]{64}$/.test(hex)) return false;
    const p = Buffer.from(hex, 'hex');
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = node(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && Buffer.from(r).toString('hex') === rootHex;
}

/**
 * Streaming Merkle Tree Hash: push leaves in order, read the root at the end, holding only
 * O(log n) subtree hashes. Gives the same root as `merkleRoot`.
 */
export class MerkleAccumulator {
  private readonly stack: { size: number; hash: Uint8Array }[] = [];
  private n = 0;

  push(leaf: Uint8Array): void {
    let cur = { size: 1, hash: leaf };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.size === cur.size) {
      const left = this.stack.pop()!;
      cur = { size: left.size * 2, hash: node(left.hash, cur.hash) };
    }
    this.stack.push(cur);
    this.n++;
  }

  get size(): number {
    return this.n;
  }

  root(): string {
    if (this.stack.length === 0) return sha256Bytes().toString('hex');
    let r = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) r = node(this.stack[i]!.hash, r);
    return Buffer.from(r).toString('hex');
  }
}
