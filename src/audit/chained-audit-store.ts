/**
 * The audit store written once over an `AuditBackend` (SQLite or PostgreSQL): content policy,
 * hash chaining, group commit, periodic signed checkpoints, inclusion proofs, verification
 * and retention. Backends only store and fetch rows under a store-wide write lock.
 */
import { AttestError } from '../core/errors.js';
import type { AuditBackend } from './audit-backend.js';
import { buildCheckpoint, buildPruneRecord, type Checkpoint } from './checkpoint.js';
import { applyContentPolicy, type ContentPolicy } from './content-policy.js';
import type { AuditEventInput, StoredEvent } from './event.js';
import { sealEvents, type ChainHead, type SealedEvent } from './hash-chain.js';
import { GroupCommitter, type CommitResult } from './group-committer.js';
import type { IngestLedger, IngestMark, IngestMarker } from './ingest-marker.js';
import { auditPath, leafHash } from './merkle.js';
import type { InclusionProof } from './proof.js';
import { holdMatches, type LegalHold, type RetentionResult } from './retention.js';
import type { Signer } from './signed-statement.js';
import type { AuditStore, EventQuery } from './store.js';
import { uuidV7 } from './uuid-v7.js';
import { verifyLog, type RawRow, type VerifyOptions, type VerifyReport } from './verify.js';

export interface CheckpointPolicy {
  /** Checkpoint after this many events appended by this writer (0 = never by count). Default 1000. */
  readonly everyEvents?: number;
  /** Checkpoint this often when there is something new (0 = never by time). Default 60. */
  readonly everySeconds?: number;
  /** Checkpoint on close when there is something new. Default true. */
  readonly onClose?: boolean;
}

export interface ChainedStoreOptions {
  /** This writer's chain id. Default `default`. */
  readonly writerId?: string;
  readonly content?: ContentPolicy;
  /** Without a signer the store appends and reads but cannot checkpoint or prune. */
  readonly signer?: Signer;
  readonly checkpoint?: CheckpointPolicy;
  /** Most events per group-commit transaction. Default 2000. */
  readonly maxBatch?: number;
  readonly clock?: () => Date;
  /** Event id generator (default UUID v7); tests inject a deterministic one. */
  readonly newId?: () => string;
  /** Called when a background (count- or timer-triggered) checkpoint fails; appends are unaffected. */
  readonly onBackgroundError?: (err: unknown) => void;
}

export type ProveResult =
  | { readonly ok: true; readonly proof: InclusionProof }
  | { readonly ok: false; readonly reason: 'not-checkpointed' | 'pruned' | 'segment-mismatch'; readonly message: string };

/** Checkpoint, proof, verification, retention and exactly-once ingest beyond the `AuditStore` port. */
export interface VerifiableStore extends AuditStore, IngestLedger {
  /** Sign a checkpoint over everything appended since the last one; undefined when nothing is new. */
  checkpoint(): Promise<Checkpoint | undefined>;
  checkpoints(): Promise<Checkpoint[]>;
  verify(opts?: VerifyOptions): Promise<VerifyReport>;
  prove(eventId: string): Promise<ProveResult>;
  applyRetention(opts: { readonly days: number; readonly holds?: readonly LegalHold[]; readonly now?: Date }): Promise<RetentionResult>;
  addHold(hold: LegalHold): Promise<void>;
  removeHold(id: string): Promise<boolean>;
  holds(): Promise<LegalHold[]>;
}

/** A stored row as the event it holds. */
export function rowToEvent(r: RawRow): StoredEvent {
  return { ...(JSON.parse(r.doc) as Omit<StoredEvent, 'seq'>), seq: r.seq, hash: r.hash } as StoredEvent;
}

function normaliseTime(e: AuditEventInput): AuditEventInput {
  if (e.time === undefined) return e;
  const t = Date.parse(e.time);
  if (!Number.isFinite(t)) throw new AttestError('BAD_INPUT', `event time is not an ISO 8601 date: ${JSON.stringify(e.time).slice(0, 64)}`);
  return { ...e, time: new Date(t).toISOString() };
}

export class ChainedAuditStore implements VerifiableStore {
  readonly writerId: string;
  private readonly committer: GroupCommitter<AuditEventInput, StoredEvent>;
  private readonly content: ContentPolicy;
  private readonly clock: () => Date;
  private sinceCheckpoint = 0;
  private checkpointQueued = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** The last background checkpoint failure, if any (appends are unaffected). */
  lastCheckpointError: unknown;

  constructor(
    private readonly backend: AuditBackend,
    private readonly opts: ChainedStoreOptions = {},
  ) {
    this.writerId = opts.writerId ?? 'default';
    this.content = opts.content ?? { mode: 'store' };
    this.clock = opts.clock ?? (() => new Date());
    this.committer = new GroupCommitter((items) => this.commit(items), opts.maxBatch ?? 2000, (n) => this.afterCommit(n));
    const secs = opts.checkpoint?.everySeconds ?? 60;
    if (opts.signer && secs > 0) {
      this.timer = setInterval(() => {
        if (this.sinceCheckpoint > 0) this.queueCheckpoint();
      }, secs * 1000);
      this.timer.unref();
    }
  }

  append(event: AuditEventInput): Promise<StoredEvent> {
    if (this.closed) return Promise.reject(new AttestError('STORE', 'audit store is closed'));
    let prepared: AuditEventInput;
    try {
      prepared = applyContentPolicy(normaliseTime(event), this.content);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.committer.submitOne(prepared);
  }

  appendBatch(events: readonly AuditEventInput[]): Promise<StoredEvent[]> {
    if (this.closed) return Promise.reject(new AttestError('STORE', 'audit store is closed'));
    if (events.length === 0) return Promise.resolve([]);
    let prepared: AuditEventInput[];
    try {
      prepared = events.map((e) => applyContentPolicy(normaliseTime(e), this.content));
    } catch (err) {
      return Promise.reject(err);
    }
    return this.committer.submit(prepared);
  }

  ingestMarker(file: string): Promise<IngestMarker | undefined> {
    return this.backend.ingestMarker(file);
  }

  appendIngestBatch(events: readonly AuditEventInput[], mark: IngestMark): Promise<{ readonly seqs: number[]; readonly marker: IngestMarker }> {
    if (this.closed) return Promise.reject(new AttestError('STORE', 'audit store is closed'));
    let prepared: AuditEventInput[];
    try {
      prepared = events.map((e) => applyContentPolicy(normaliseTime(e), this.content));
    } catch (err) {
      return Promise.reject(err);
    }
    // Outside group commit: this batch and its marker are one transaction of their own.
    return this.committer.exclusive(async () => {
      const { out, durable } = await this.commit(prepared, mark);
      await durable;
      this.afterCommit(out.length);
      const marker = await this.backend.ingestMarker(mark.file);
      if (!marker) throw new AttestError('STORE', 'ingest marker missing right after its commit');
      return { seqs: out.map((e) => e.seq), marker };
    });
  }

  private async commit(items: AuditEventInput[], mark?: IngestMark): Promise<CommitResult<StoredEvent>> {
    let sealed: SealedEvent[] = [];
    const now = this.clock().toISOString();
    const seal = (head: ChainHead): SealedEvent[] => {
      sealed = sealEvents(items, { writer: this.writerId, head, now, newId: this.opts.newId ?? (() => uuidV7()) }).sealed;
      return sealed;
    };
    const seqs = await this.backend.commitEvents(this.writerId, seal, mark && { mark, now });
    // The sealed event objects are fresh and unshared: add `seq` in place.
    const out = sealed.map((s, i) => Object.assign(s.event, { seq: seqs[i]! }) as StoredEvent);
    const durable = this.backend.durable?.();
    return durable ? { out, durable } : { out };
  }

  private afterCommit(n: number): void {
    this.sinceCheckpoint += n;
    const every = this.opts.checkpoint?.everyEvents ?? 1000;
    if (this.opts.signer && every > 0 && this.sinceCheckpoint >= every) this.queueCheckpoint();
  }

  private queueCheckpoint(): void {
    if (this.checkpointQueued) return;
    this.checkpointQueued = true;
    this.committer
      .exclusive(() => this.doCheckpoint())
      .catch((err: unknown) => {
        this.lastCheckpointError = err;
        this.opts.onBackgroundError?.(err);
      })
      .finally(() => {
        this.checkpointQueued = false;
      });
  }

  private async doCheckpoint(): Promise<Checkpoint | undefined> {
    const signer = this.requireSigner('checkpoint');
    this.sinceCheckpoint = 0;
    const cp = await this.backend.commitCheckpoint((prev, leaves) => (leaves.length > 0 ? buildCheckpoint(prev, leaves, signer, this.clock().toISOString()) : undefined));
    await this.backend.durable?.();
    return cp;
  }

  private requireSigner(what: string): Signer {
    if (!this.opts.signer) throw new AttestError('BAD_CONFIG', `cannot ${what}: the audit store was opened without a signing key`);
    return this.opts.signer;
  }

  checkpoint(): Promise<Checkpoint | undefined> {
    return this.committer.exclusive(() => this.doCheckpoint());
  }

  checkpoints(): Promise<Checkpoint[]> {
    return this.backend.checkpoints();
  }

  /** Group-commit statistics: transactions committed and the events in them. */
  commitStats(): { readonly batches: number; readonly events: number } {
    return { batches: this.committer.stats.batches, events: this.committer.stats.items };
  }

  async *query(q: EventQuery = {}): AsyncIterable<StoredEvent> {
    let after = q.afterSeq ?? 0;
    let left = q.limit ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const page = await this.backend.queryPage(q, after, Math.min(500, left));
      for (const r of page) yield rowToEvent(r);
      if (page.length === 0) return;
      left -= page.length;
      after = page[page.length - 1]!.seq;
    }
  }

  async get(id: string): Promise<StoredEvent | undefined> {
    const r = await this.backend.getRow(id);
    return r && rowToEvent(r);
  }

  lastSeq(): Promise<number> {
    return this.backend.lastSeq();
  }

  verify(opts: VerifyOptions = {}): Promise<VerifyReport> {
    return verifyLog(this.backend, opts);
  }

  async prove(eventId: string): Promise<ProveResult> {
    const row = await this.backend.getRow(eventId);
    if (!row) throw new AttestError('NOT_FOUND', `no audit event with id ${eventId}`);
    const cp = (await this.backend.checkpoints()).find((c) => c.fromSeq < row.seq && row.seq <= c.toSeq);
    if (!cp) return { ok: false, reason: 'not-checkpointed', message: `event ${eventId} is not covered by a checkpoint yet; run \`attest audit checkpoint\`` };
    if ((await this.backend.prunes()).some((p) => p.checkpoint === cp.number)) {
      return { ok: false, reason: 'pruned', message: `the segment of checkpoint ${cp.number} was pruned` };
    }
    const leaves = await this.backend.segmentLeaves(cp.fromSeq, cp.toSeq);
    const leafIndex = leaves.findIndex((l) => l.seq === row.seq);
    let proofPath: string[] | undefined;
    try {
      const hashes = leaves.map((l) => leafHash(l.hash, l.seq));
      proofPath = leafIndex >= 0 && leaves.length === cp.treeSize ? auditPath(hashes, leafIndex) : undefined;
    } catch {
      proofPath = undefined; // a malformed stored hash: the segment was tampered with
    }
    if (!proofPath) return { ok: false, reason: 'segment-mismatch', message: `the stored segment of checkpoint ${cp.number} does not match it; run \`attest audit verify\`` };
    return { ok: true, proof: { kind: 'attest-inclusion-proof', v: 1, event: rowToEvent(row), leafIndex, treeSize: leaves.length, auditPath: proofPath, checkpoint: cp } };
  }

  applyRetention(opts: { readonly days: number; readonly holds?: readonly LegalHold[]; readonly now?: Date }): Promise<RetentionResult> {
    return this.committer.exclusive(async () => {
      const signer = this.requireSigner('apply retention');
      if (!(opts.days >= 0)) throw new AttestError('BAD_CONFIG', `retention days must be a number >= 0, got ${opts.days}`);
      const now = opts.now ?? this.clock();
      const cutoff = new Date(now.getTime() - opts.days * 86_400_000).toISOString();
      const holds = [...(opts.holds ?? []), ...(await this.backend.holds())];
      const pruned = new Set((await this.backend.prunes()).map((p) => p.checkpoint));
      const result: RetentionResult = { prunedCheckpoints: [], eventsRemoved: 0, heldCheckpoints: [], cutoff };
      let removed = 0;
      for (const cp of await this.backend.checkpoints()) {
        if (pruned.has(cp.number)) continue;
        let expired = true;
        let held = false;
        for await (const r of this.backend.scan(cp.fromSeq, cp.toSeq)) {
          if (r.time >= cutoff) {
            expired = false;
            break;
          }
          if (!held && holds.some((h) => holdMatches(h, r))) held = true;
        }
        // Segments are in seq order, so the first one with a live event ends the run.
        if (!expired) break;
        if (held) {
          result.heldCheckpoints.push(cp.number);
          continue;
        }
        removed += await this.backend.pruneSegment(buildPruneRecord(cp, signer, now.toISOString(), `retention ${opts.days}d`));
        await this.backend.durable?.();
        result.prunedCheckpoints.push(cp.number);
      }
      return { ...result, eventsRemoved: removed };
    });
  }

  async addHold(hold: LegalHold): Promise<void> {
    await this.backend.addHold(hold);
    await this.backend.durable?.();
  }

  async removeHold(id: string): Promise<boolean> {
    const removed = await this.backend.removeHold(id);
    await this.backend.durable?.();
    return removed;
  }

  holds(): Promise<LegalHold[]> {
    return this.backend.holds();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    let failure: unknown;
    try {
      await this.committer.drain();
      if (this.opts.signer && (this.opts.checkpoint?.onClose ?? true) && this.sinceCheckpoint > 0) await this.committer.exclusive(() => this.doCheckpoint());
    } catch (err) {
      failure = err;
    }
    await this.backend.close();
    // A failed close-time checkpoint is reported (appends were already acknowledged and stay).
    if (failure !== undefined) throw failure;
  }
}
