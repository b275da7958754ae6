/**
 * Checkpoints: signed statements that commit to the Merkle root of every event appended
 * (by any writer) since the previous checkpoint, record each writer's chain head, and
 * chain to the previous checkpoint's hash. Segments are `seq` ranges (fromSeq, toSeq].
 */
import { GENESIS_HASH } from './hash-chain.js';
import { leafHash, merkleRoot } from './merkle.js';
import { signStatement, type SignedFields, type Signer } from './signed-statement.js';

/** A writer's chain head as of a checkpoint: its last index and that event's hash. */
export interface WriterHead {
  readonly index: number;
  readonly hash: string;
}

export interface CheckpointBody {
  readonly kind: 'checkpoint';
  readonly v: 1;
  /** 1, 2, 3, … */
  readonly number: number;
  readonly time: string;
  /** Hash of the previous checkpoint (64 zeros for the first). */
  readonly prevHash: string;
  /** Exclusive lower bound of the segment's `seq` range. */
  readonly fromSeq: number;
  /** Inclusive upper bound of the segment's `seq` range. */
  readonly toSeq: number;
  /** Number of events (leaves) in the segment. */
  readonly treeSize: number;
  readonly merkleRoot: string;
  /** Every writer's head as of this checkpoint (cumulative over all writers ever seen). */
  readonly heads: Readonly<Record<string, WriterHead>>;
}

export type Checkpoint = CheckpointBody & SignedFields;

/** One event of a segment, as the checkpoint sees it. */
export interface SegmentLeaf {
  readonly seq: number;
  readonly writer: string;
  readonly index: number;
  readonly hash: string;
}

/** Build and sign the next checkpoint over `leaves` (in `seq` order, all with seq > prev.toSeq). */
export function buildCheckpoint(prev: Checkpoint | undefined, leaves: readonly SegmentLeaf[], signer: Signer, time: string): Checkpoint {
  const heads: Record<string, WriterHead> = { ...(prev?.heads ?? {}) };
  for (const l of leaves) heads[l.writer] = { index: l.index, hash: l.hash };
  const last = leaves[leaves.length - 1];
  const body: CheckpointBody = {
    kind: 'checkpoint',
    v: 1,
    number: (prev?.number ?? 0) + 1,
    time,
    prevHash: prev?.hash ?? GENESIS_HASH,
    fromSeq: prev?.toSeq ?? 0,
    toSeq: last ? last.seq : (prev?.toSeq ?? 0),
    treeSize: leaves.length,
    merkleRoot: segmentRoot(leaves),
    heads: sortKeys(heads),
  };
  return signStatement(body, signer);
}

/** Merkle root over a segment's leaves. */
export function segmentRoot(leaves: readonly SegmentLeaf[]): string {
  return merkleRoot(leaves.map((l) => leafHash(l.hash, l.seq)));
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A signed record that a checkpointed segment's events were removed under retention. */
export interface PruneBody {
  readonly kind: 'prune';
  readonly v: 1;
  readonly checkpoint: number;
  readonly checkpointHash: string;
  readonly fromSeq: number;
  readonly toSeq: number;
  readonly treeSize: number;
  readonly merkleRoot: string;
  readonly prunedAt: string;
  readonly reason: string;
}
export type PruneRecord = PruneBody & SignedFields;

/** Sign a prune record for a checkpoint's segment. */
export function buildPruneRecord(cp: Checkpoint, signer: Signer, prunedAt: string, reason: string): PruneRecord {
  return signStatement<PruneBody>(
    {
      kind: 'prune',
      v: 1,
      checkpoint: cp.number,
      checkpointHash: cp.hash,
      fromSeq: cp.fromSeq,
      toSeq: cp.toSeq,
      treeSize: cp.treeSize,
      merkleRoot: cp.merkleRoot,
      prunedAt,
      reason,
    },
    signer,
  );
}
