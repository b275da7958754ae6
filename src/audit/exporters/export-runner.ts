/**
 * Streams events from an AuditStore to one exporter: read after the durable cursor, send in
 * batches, retry with backoff, and advance the cursor only after the receiver acknowledged a batch.
 */
import { AttestError } from '../../core/errors.js';
import type { StoredEvent } from '../event.js';
import type { AuditStore } from '../store.js';
import { backoffDelay, DEFAULT_RETRY, sleep, type RetryPolicy } from './backoff.js';
import { DeliveryError, type Exporter } from './exporter.js';
import type { CursorStore } from './file-cursor-store.js';

export interface ExportRunOptions {
  readonly store: AuditStore;
  readonly exporter: Exporter;
  readonly cursor: CursorStore;
  /** Events per batch (default 500). */
  readonly batchSize?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Keep running and poll for new events until `signal` aborts (default: drain once and stop). */
  readonly follow?: boolean;
  /** Poll interval in follow mode (default 1000 ms). */
  readonly pollIntervalMs?: number;
  readonly signal?: AbortSignal;
  readonly random?: () => number;
  readonly onBatch?: (info: { readonly count: number; readonly lastSeq: number; readonly delivered: number }) => void;
  readonly onRetry?: (info: { readonly attempt: number; readonly delayMs: number; readonly error: DeliveryError }) => void;
}

export interface ExportSummary {
  readonly exporter: string;
  readonly target: string;
  readonly semantics: Exporter['semantics'];
  /** Cursor before and after the run. */
  readonly fromSeq: number;
  readonly toSeq: number;
  readonly delivered: number;
  /** Events skipped because the destination already held them (resume check). */
  readonly skipped: number;
  readonly batches: number;
  readonly retries: number;
  /** True when the run stopped because `signal` aborted. */
  readonly aborted: boolean;
}

async function readBatch(store: AuditStore, afterSeq: number, limit: number): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of store.query({ afterSeq, limit })) out.push(e);
  return out;
}

/** Refuse a cursor that points past the store or at a different event (another store, or a rebuilt one). */
async function checkCursor(store: AuditStore, seq: number, lastId: string | undefined): Promise<void> {
  if (seq === 0) return;
  const last = await store.lastSeq();
  if (seq > last) {
    throw new AttestError('BAD_CONFIG', `export cursor is at seq ${seq} but the store ends at ${last}; is this the right store?`);
  }
  if (lastId === undefined) return;
  const [at] = await readBatch(store, seq - 1, 1);
  if (at && at.seq === seq && at.id !== lastId) {
    throw new AttestError('BAD_CONFIG', `export cursor names event ${lastId} at seq ${seq} but the store holds ${at.id} there`);
  }
}

/**
 * Run one exporter. Resolves with a summary; throws AttestError('IO') when a batch fails for good
 * (retries exhausted or a non-retryable refusal) — the cursor then still points at the last
 * acknowledged batch, so nothing is lost and the next run resumes there.
 */
export async function runExport(opts: ExportRunOptions): Promise<ExportSummary> {
  const { store, exporter, cursor, signal } = opts;
  const batchSize = opts.batchSize ?? 500;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...opts.retry };
  const random = opts.random ?? Math.random;
  const saved = await cursor.load();
  const fromSeq = saved?.seq ?? 0;
  await checkCursor(store, fromSeq, saved?.lastId);
  let seq = fromSeq;
  const resume = (await exporter.resumeAfter?.()) ?? 0;
  let delivered = 0;
  let skipped = 0;
  let batches = 0;
  let retries = 0;

  while (!signal?.aborted) {
    const batch = await readBatch(store, seq, batchSize);
    if (batch.length === 0) {
      if (!opts.follow) break;
      await sleep(opts.pollIntervalMs ?? 1000, signal);
      continue;
    }
    const last = batch[batch.length - 1] as StoredEvent;
    const pending = batch.filter((e) => e.seq > resume);
    skipped += batch.length - pending.length;
    if (pending.length > 0) {
      for (let attempt = 1; ; attempt++) {
        try {
          await exporter.send(pending);
          break;
        } catch (err) {
          const e = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message, { retryable: true, cause: err });
          if (!e.retryable || attempt >= policy.maxAttempts) {
            const why = e.retryable ? `gave up after ${attempt} attempts` : 'receiver refused the batch';
            throw new AttestError('IO', `${exporter.kind}: ${why} (seq ${pending[0]?.seq}-${last.seq}): ${e.message}`, {}, { cause: e });
          }
          const delayMs = backoffDelay(attempt, policy, random, e.retryAfterMs);
          retries += 1;
          opts.onRetry?.({ attempt, delayMs, error: e });
          await sleep(delayMs, signal);
          if (signal?.aborted) return summary(true);
        }
      }
      delivered += pending.length;
    }
    await cursor.save({ seq: last.seq, lastId: last.id, updatedAt: new Date().toISOString() });
    seq = last.seq;
    batches += 1;
    opts.onBatch?.({ count: pending.length, lastSeq: seq, delivered });
  }
  return summary(Boolean(signal?.aborted));

  function summary(aborted: boolean): ExportSummary {
    return { exporter: exporter.kind, target: exporter.target, semantics: exporter.semantics, fromSeq, toSeq: seq, delivered, skipped, batches, retries, aborted };
  }
}
