/**
 * Elasticsearch / OpenSearch `_bulk`: NDJSON `create` actions with `_id` = event id. A resend of
 * an event the index already holds fails that item with 409 (version conflict), which counts as
 * delivered: the index holds each event exactly once (idempotent). Items failing with 429/5xx make
 * the batch retry; any other item error stops the export naming the event.
 */
import { AttestError } from '../../core/errors.js';
import type { StoredEvent } from '../event.js';
import { jsonBody, parseEndpoint, post, safeUrl, snippet } from './_http-client.js';
import { redactSecret } from './_secret.js';
import { DeliveryError, isRetryableStatus, parseRetryAfter, type Exporter } from './exporter.js';

export interface ElasticBulkOptions {
  /** Cluster URL, e.g. `https://es:9200`. */
  readonly url: string;
  readonly index: string;
  /** `ApiKey` credential (base64 id:key) or basic auth. */
  readonly apiKey?: string | undefined;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  readonly ca?: string | undefined;
}

/** The document indexed for an event: ECS-style top fields plus the full event under `attest`. */
export function elasticDocument(e: StoredEvent): Record<string, unknown> {
  return {
    '@timestamp': e.time,
    event: { id: e.id, kind: 'event', dataset: 'attest.audit', action: e.type, sequence: e.seq },
    ...(e.actor ? { user: { id: e.actor.id, ...(e.actor.tenant ? { domain: e.actor.tenant } : {}) } } : {}),
    attest: e,
  };
}

/** The `_bulk` NDJSON body (pure). */
export function formatBulk(events: readonly StoredEvent[], index: string): string {
  return events.map((e) => `${JSON.stringify({ create: { _index: index, _id: e.id } })}\n${JSON.stringify(elasticDocument(e))}\n`).join('');
}

interface BulkItem {
  readonly status: number;
  readonly _id?: string;
  readonly error?: { readonly type?: string; readonly reason?: string };
}

export function createElasticBulkExporter(opts: ElasticBulkOptions): Exporter {
  if (!/^[a-z0-9][a-z0-9._-]{0,254}$/.test(opts.index)) throw new AttestError('BAD_CONFIG', `invalid index name "${opts.index.slice(0, 60)}" (lowercase letters, digits, . _ -)`, { where: 'elastic' });
  const url = new URL('/_bulk', parseEndpoint(opts.url, 'elastic'));
  const where = safeUrl(url);
  const headers: Record<string, string> = { 'content-type': 'application/x-ndjson' };
  if (opts.apiKey) headers.authorization = `ApiKey ${opts.apiKey}`;
  else if (opts.username) headers.authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password ?? ''}`).toString('base64')}`;
  const cred = opts.apiKey ? `API key ${redactSecret(opts.apiKey)}` : `user ${opts.username ?? '(none)'}`;

  return {
    kind: 'elastic',
    semantics: 'idempotent',
    target: `${where} index=${opts.index}`,
    async send(batch) {
      const res = await post(url, formatBulk(batch, opts.index), { headers, ca: opts.ca });
      if (res.status !== 200) {
        const msg = res.status === 401 || res.status === 403 ? `${cred} rejected` : snippet(res);
        throw new DeliveryError(`${where}: HTTP ${res.status}: ${msg}`, {
          retryable: isRetryableStatus(res.status),
          retryAfterMs: parseRetryAfter(res.headers['retry-after'] as string | undefined),
          status: res.status,
        });
      }
      const body = jsonBody(res) as { errors?: boolean; items?: Record<string, BulkItem>[] } | undefined;
      if (!body || !Array.isArray(body.items) || body.items.length !== batch.length) {
        throw new DeliveryError(`${where}: bulk response does not list one item per event`, { retryable: true });
      }
      if (!body.errors) return;
      let retry: BulkItem | undefined;
      for (const [i, wrapper] of body.items.entries()) {
        const item = wrapper.create ?? Object.values(wrapper)[0];
        if (!item || (item.status >= 200 && item.status < 300) || item.status === 409) continue;
        if (isRetryableStatus(item.status)) {
          retry ??= item;
          continue;
        }
        const id = batch[i]?.id ?? item._id;
        throw new DeliveryError(`${where}: event ${id} refused: ${item.status} ${item.error?.type ?? ''} ${item.error?.reason ?? ''}`.trim(), { retryable: false, status: item.status });
      }
      if (retry) throw new DeliveryError(`${where}: some items failed with ${retry.status} ${retry.error?.type ?? ''}; resending the batch`, { retryable: true, status: retry.status });
    },
    close: async () => {},
  };
}
