/**
 * Splunk HTTP Event Collector: POST `/services/collector/event` with `Authorization: Splunk <token>`,
 * a batch of concatenated JSON events. With `useAck` (indexer acknowledgement), the exporter sends
 * a channel id and polls `/services/collector/ack` until Splunk confirms the batch was indexed.
 * At-least-once: a resend after a lost acknowledgement duplicates events; every event carries
 * `fields.attest_event_id` to dedupe on (`| dedup attest_event_id`).
 */
import { AttestError } from '../../core/errors.js';
import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '../event.js';
import { jsonBody, parseEndpoint, post, safeUrl, snippet, type HttpResponse } from './_http-client.js';
import { redactSecret } from './_secret.js';
import { sleep } from './backoff.js';
import { DeliveryError, isRetryableStatus, parseRetryAfter, type Exporter } from './exporter.js';

export interface SplunkHecOptions {
  /** Base URL, e.g. `https://splunk:8088` (the collector paths are appended). */
  readonly url: string;
  readonly token: string;
  readonly index?: string | undefined;
  readonly sourcetype?: string | undefined;
  readonly host?: string | undefined;
  /** Use indexer acknowledgement (the HEC token must have it enabled). */
  readonly useAck?: boolean;
  readonly channel?: string | undefined;
  readonly ackTimeoutMs?: number;
  readonly ackPollMs?: number;
  readonly ca?: string | undefined;
}

/** The HEC request body for a batch (pure). */
export function formatHecBatch(events: readonly StoredEvent[], opts: Pick<SplunkHecOptions, 'index' | 'sourcetype' | 'host'> = {}): string {
  return events
    .map((e) =>
      JSON.stringify({
        time: Date.parse(e.time) / 1000,
        ...(opts.host ? { host: opts.host } : {}),
        source: 'attest',
        sourcetype: opts.sourcetype ?? 'attest:audit',
        ...(opts.index ? { index: opts.index } : {}),
        event: e,
        fields: { attest_event_id: e.id, attest_seq: e.seq, attest_type: e.type },
      }),
    )
    .join('\n');
}

function failure(res: HttpResponse, where: string, token: string): DeliveryError {
  const msg = res.status === 401 || res.status === 403 ? `HEC token ${redactSecret(token)} rejected` : snippet(res);
  return new DeliveryError(`${where}: HTTP ${res.status}: ${msg}`, {
    retryable: isRetryableStatus(res.status),
    retryAfterMs: parseRetryAfter(res.headers['retry-after'] as string | undefined),
    status: res.status,
  });
}

export function createSplunkHecExporter(opts: SplunkHecOptions): Exporter {
  if (!opts.token) throw new AttestError('BAD_CONFIG', 'a HEC token is required (env ATTEST_SPLUNK_TOKEN)', { where: 'splunk' });
  const base = parseEndpoint(opts.url, 'splunk');
  const eventUrl = new URL('/services/collector/event', base);
  const channel = opts.channel ?? randomUUID();
  const ackUrl = new URL(`/services/collector/ack?channel=${encodeURIComponent(channel)}`, base);
  const headers = {
    authorization: `Splunk ${opts.token}`,
    'content-type': 'application/json',
    'x-splunk-request-channel': channel,
  };
  const where = safeUrl(eventUrl);

  async function waitForAck(ackId: number): Promise<void> {
    const deadline = Date.now() + (opts.ackTimeoutMs ?? 60_000);
    for (;;) {
      const res = await post(ackUrl, JSON.stringify({ acks: [ackId] }), { headers, ca: opts.ca });
      if (res.status !== 200) throw failure(res, safeUrl(ackUrl), opts.token);
      const acks = (jsonBody(res) as { acks?: Record<string, boolean> } | undefined)?.acks;
      if (acks?.[String(ackId)] === true) return;
      if (Date.now() >= deadline) throw new DeliveryError(`${where}: ack ${ackId} not confirmed in time; resending`, { retryable: true });
      await sleep(opts.ackPollMs ?? 500);
    }
  }

  return {
    kind: 'splunk',
    semantics: 'at-least-once',
    target: where,
    async send(batch) {
      const res = await post(eventUrl, formatHecBatch(batch, opts), { headers, ca: opts.ca });
      if (res.status !== 200) throw failure(res, where, opts.token);
      const body = jsonBody(res) as { code?: number; ackId?: number } | undefined;
      if (body?.code !== undefined && body.code !== 0) throw new DeliveryError(`${where}: HEC code ${body.code}: ${snippet(res)}`, { retryable: false });
      if (opts.useAck) {
        if (typeof body?.ackId !== 'number') throw new DeliveryError(`${where}: acknowledgement requested but HEC returned no ackId (enable indexer acknowledgement on the token)`, { retryable: false });
        await waitForAck(body.ackId);
      }
    },
    close: async () => {},
  };
}
