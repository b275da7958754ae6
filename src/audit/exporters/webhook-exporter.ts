/**
 * Generic signed webhook: POST a JSON batch `{ events, batch: { firstSeq, lastSeq, count } }`
 * with an HMAC-SHA256 signature header and `X-Attest-Delivery: <firstSeq>-<lastSeq>`. Any 2xx is
 * the acknowledgement. At-least-once: receivers dedupe on each event's `id`.
 */
import { AttestError } from '../../core/errors.js';
import type { StoredEvent } from '../event.js';
import { parseEndpoint, post, safeUrl, snippet } from './_http-client.js';
import { DeliveryError, isRetryableStatus, parseRetryAfter, type Exporter } from './exporter.js';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';

export interface WebhookOptions {
  readonly url: string;
  /** HMAC key (from config or ATTEST_WEBHOOK_SECRET; never logged). */
  readonly secret: string;
  readonly ca?: string | undefined;
  readonly now?: () => number;
}

/** The webhook body for a batch (pure). */
export function formatWebhookBody(events: readonly StoredEvent[]): string {
  return JSON.stringify({ events, batch: { firstSeq: events[0]?.seq, lastSeq: events[events.length - 1]?.seq, count: events.length } });
}

export function createWebhookExporter(opts: WebhookOptions): Exporter {
  if (!opts.secret || opts.secret.length < 16) throw new AttestError('BAD_CONFIG', 'the signing secret must be at least 16 characters (env ATTEST_WEBHOOK_SECRET)', { where: 'webhook' });
  const url = parseEndpoint(opts.url, 'webhook');
  const where = safeUrl(url);
  const now = opts.now ?? Date.now;
  return {
    kind: 'webhook',
    semantics: 'at-least-once',
    target: where,
    async send(batch) {
      const body = formatWebhookBody(batch);
      const res = await post(url, body, {
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(opts.secret, body, Math.floor(now() / 1000)),
          'x-attest-delivery': `${batch[0]?.seq ?? 0}-${batch[batch.length - 1]?.seq ?? 0}`,
        },
        ca: opts.ca,
      });
      if (res.status < 200 || res.status >= 300) {
        throw new DeliveryError(`${where}: HTTP ${res.status}: ${snippet(res)}`, {
          retryable: isRetryableStatus(res.status),
          retryAfterMs: parseRetryAfter(res.headers['retry-after'] as string | undefined),
          status: res.status,
        });
      }
    },
    close: async () => {},
  };
}
