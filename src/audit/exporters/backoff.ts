/** Retry policy for deliveries: exponential backoff with full jitter, bounded. */
export interface RetryPolicy {
  /** Attempts per batch before giving up (first try included). `Infinity` retries forever. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 250, maxDelayMs: 30_000 };

/**
 * Delay before retry number `attempt` (1 = first retry): a uniform random value in
 * [0, min(max, base * 2^(attempt-1))] ("full jitter"), but never less than the receiver's
 * Retry-After hint (itself capped at `maxDelayMs`, so a hostile hint cannot stall the exporter).
 *
 * @example
 * backoffDelay(3, DEFAULT_RETRY, Math.random) // somewhere in [0, 1000]
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const jittered = Math.floor(random() * exp);
  const hint = retryAfterMs === undefined ? 0 : Math.min(retryAfterMs, policy.maxDelayMs);
  return Math.max(jittered, hint);
}

/** Sleep that an AbortSignal cuts short (resolves early; the caller checks `signal.aborted`). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
