/**
 * The dialect port under `ChainedAuditStore`: the few storage operations that differ between
 * SQLite and PostgreSQL. Chaining, group commit, checkpoints, proofs, verification and
 * retention are written once above it.
 */
import type { Checkpoint, PruneRecord, SegmentLeaf } from './checkpoint.js';
import type { ChainHead, SealedEvent } from './hash-chain.js';
import type { IngestMark, IngestMarker } from './ingest-marker.js';
import type { LegalHold } from './retention.js';
import type { EventQuery } from './store.js';
import type { RawRow, VerifySource } from './verify.js';

export interface AuditBackend extends VerifySource {
  /**
   * In one durable transaction holding the store-wide write lock: read `writer`'s chain head,
   * call `seal(head)`, insert the sealed events, commit. Returns the assigned seqs in order.
   * With `ingest`, also advance that file's ingest marker in the same transaction
   * (`advanceMarker`, which throws, rolling back, when the stored marker moved).
   */
  commitEvents(writer: string, seal: (head: ChainHead) => SealedEvent[], ingest?: { readonly mark: IngestMark; readonly now: string }): Promise<number[]>;
  /** The stored ingest marker of a file hash. */
  ingestMarker(file: string): Promise<IngestMarker | undefined>;
  /**
   * Under the write lock: read the latest checkpoint and the leaves after it, call `build`,
   * insert the result when it returns one.
   */
  commitCheckpoint(build: (prev: Checkpoint | undefined, leaves: SegmentLeaf[]) => Checkpoint | undefined): Promise<Checkpoint | undefined>;
  /** One page of rows matching `q` with seq > afterSeq, in seq order. */
  queryPage(q: EventQuery, afterSeq: number, limit: number): Promise<RawRow[]>;
  getRow(id: string): Promise<RawRow | undefined>;
  lastSeq(): Promise<number>;
  /** Leaves of the segment (fromSeq, toSeq], seq order. */
  segmentLeaves(fromSeq: number, toSeq: number): Promise<SegmentLeaf[]>;
  /** In one transaction: delete events in (fromSeq, toSeq] and store the prune record. Returns rows deleted. */
  pruneSegment(record: PruneRecord): Promise<number>;
  addHold(hold: LegalHold): Promise<void>;
  removeHold(id: string): Promise<boolean>;
  holds(): Promise<LegalHold[]>;
  /**
   * When commits return before their fsync (SQLite's pipelined WAL sync), resolves once
   * everything committed so far is on stable storage. Absent when COMMIT itself is durable.
   */
  durable?(): Promise<void>;
  /** Waits for pending syncs, then closes. */
  close(): Promise<void>;
}
