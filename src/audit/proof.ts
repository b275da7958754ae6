/**
 * Inclusion proofs: one event, its leaf index and audit path in a checkpoint's Merkle tree,
 * and the signed checkpoint. Checked offline, without the store: the event's hash is
 * recomputed from its fields, the path must lead to the checkpoint's root, and the
 * checkpoint's signature must verify (under a trusted key when one is given).
 */
import type { Checkpoint } from './checkpoint.js';
import type { StoredEvent } from './event.js';
import { computeEventHash } from './hash-chain.js';
import { leafHash, verifyInclusion } from './merkle.js';
import { checkStatement } from './signed-statement.js';

export interface InclusionProof {
  readonly kind: 'attest-inclusion-proof';
  readonly v: 1;
  readonly event: StoredEvent;
  readonly leafIndex: number;
  readonly treeSize: number;
  /** Sibling hashes from the leaf up (RFC 6962 audit path), hex. */
  readonly auditPath: readonly string[];
  readonly checkpoint: Checkpoint;
}

export type ProofCheck = { readonly ok: true } | { readonly ok: false; readonly problem: string };

const HEX64 = /^[0-9a-f]{64}$/;

/** Check a proof (parsed JSON of unknown shape). `trustedKeys`: base64 SPKI keys; empty = the embedded key. */
export function checkProof(value: unknown, trustedKeys: readonly string[] = []): ProofCheck {
  const p = value as Partial<InclusionProof> | null;
  if (!p || typeof p !== 'object' || p.kind !== 'attest-inclusion-proof' || p.v !== 1) return { ok: false, problem: 'not an Attest inclusion proof (kind/v)' };
  const { event, checkpoint: cp, auditPath, leafIndex, treeSize } = p;
  if (!event || typeof event !== 'object' || !cp || typeof cp !== 'object' || !Array.isArray(auditPath)) return { ok: false, problem: 'proof is missing event, checkpoint or auditPath' };
  if (typeof event.hash !== 'string' || !HEX64.test(event.hash) || !Number.isSafeInteger(event.seq)) return { ok: false, problem: 'event.hash or event.seq is malformed' };
  let recomputed: string;
  try {
    recomputed = computeEventHash(event);
  } catch {
    return { ok: false, problem: 'event cannot be canonicalised' };
  }
  if (recomputed !== event.hash) return { ok: false, problem: 'event fields do not match event.hash' };
  const sig = checkStatement(cp, trustedKeys);
  if (sig === 'untrusted-key') return { ok: false, problem: `checkpoint is signed by key ${String(cp.keyId)}, not the trusted key` };
  if (sig !== 'ok') return { ok: false, problem: `checkpoint ${sig === 'bad-hash' ? 'hash does not match its content' : 'signature does not verify'}` };
  if (cp.kind !== 'checkpoint') return { ok: false, problem: 'checkpoint.kind is not checkpoint' };
  if (treeSize !== cp.treeSize) return { ok: false, problem: 'treeSize differs from the checkpoint' };
  if (!(event.seq > cp.fromSeq && event.seq <= cp.toSeq)) return { ok: false, problem: 'event.seq is outside the checkpoint segment' };
  if (typeof leafIndex !== 'number' || !verifyInclusion(leafHash(event.hash, event.seq), leafIndex, cp.treeSize, auditPath, cp.merkleRoot)) {
    return { ok: false, problem: 'audit path does not lead to the checkpoint Merkle root' };
  }
  return { ok: true };
}
