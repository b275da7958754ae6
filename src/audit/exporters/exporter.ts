/**
 * The exporter port. An exporter pairs a pure formatter (StoredEvent[] -> payload) with a
 * transport, and `send` resolves only once the receiver has acknowledged the whole batch.
 * The runner advances the durable cursor only after `send` resolves (at-least-once delivery).
 */
import type { StoredEvent } from '../event.js';

/**
 * What a successful `send` means for the receiver:
 * - `idempotent`: the receiver dedupes on the event id itself (Elasticsearch `create` with `_id`,
 *   the OCSF file's resume check), so it holds every event exactly once.
 * - `at-least-once`: every event arrives; a resend after a lost acknowledgement can duplicate it,
 *   and the receiver (or a search) dedupes on the event id carried in each record.
 * - `best-effort`: no acknowledgement exists (syslog over UDP); events can be lost.
 */
export type DeliverySemantics = 'idempotent' | 'at-least-once' | 'best-effort';

export interface Exporter {
  /** Registry kind, e.g. `splunk`. */
  readonly kind: string;
  readonly semantics: DeliverySemantics;
  /** A description of the destination safe to print (no credentials). */
  readonly target: string;
  /** Deliver one batch (seq order). Throws DeliveryError; resolves once the receiver acknowledged all of it. */
  send(batch: readonly StoredEvent[]): Promise<void>;
  /**
   * Highest seq the destination already holds, when the destination can tell (the OCSF file reads
   * its own tail). The runner skips events at or below it, closing the crash window between a
   * durable write and the cursor update.
   */
  resumeAfter?(): Promise<number | undefined>;
  close(): Promise<void>;
}

/** A failed delivery. `retryable` failures are retried with backoff; others make the runner give up. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly retryable: boolean;
  /** Receiver's hint (Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;

  constructor(message: string, opts: { retryable: boolean; retryAfterMs?: number | undefined; status?: number | undefined; cause?: unknown }) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.retryable = opts.retryable;
    this.retryAfterMs = opts.retryAfterMs;
    this.status = opts.status;
  }
}

/** HTTP statuses worth retrying: timeouts, throttling and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Parse a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,6}$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
