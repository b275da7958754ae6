/**
 * OpenTelemetry logs over OTLP/HTTP JSON: POST `/v1/logs` with resourceLogs → scopeLogs →
 * logRecords. Retries 429/502/503/504 (honouring Retry-After) as the OTLP spec says; a
 * `partialSuccess` with rejected records stops the export (the collector will not take them).
 * At-least-once: each record carries `attest.event.id` to dedupe on.
 */
import type { StoredEvent } from '../event.js';
import { jsonBody, parseEndpoint, post, safeUrl, snippet } from './_http-client.js';
import { DeliveryError, parseRetryAfter, type Exporter } from './exporter.js';
import { severityOf } from './ocsf-formatter.js';

export interface OtlpLogsOptions {
  /** Collector base URL (`http://collector:4318`) or the full `/v1/logs` URL. */
  readonly url: string;
  /** Extra headers, e.g. an auth header for a hosted backend (never logged). */
  readonly headers?: Record<string, string>;
  readonly serviceName?: string;
  readonly ca?: string | undefined;
}

type AnyValue = { stringValue: string } | { intValue: string } | { boolValue: boolean } | { arrayValue: { values: AnyValue[] } };
interface KeyValue {
  readonly key: string;
  readonly value: AnyValue;
}

function attr(key: string, value: string | number | boolean | readonly string[] | undefined): KeyValue[] {
  if (value === undefined) return [];
  if (typeof value === 'number') return [{ key, value: { intValue: String(value) } }];
  if (typeof value === 'boolean') return [{ key, value: { boolValue: value } }];
  if (typeof value === 'string') return [{ key, value: { stringValue: value } }];
  return [{ key, value: { arrayValue: { values: value.map((v) => ({ stringValue: v })) } } }];
}

/** OTLP SeverityNumber: INFO 9, INFO2 10, WARN 13, ERROR 17, FATAL 21. */
const OTLP_SEVERITY = [9, 9, 10, 13, 17, 21] as const;
const SEVERITY_TEXT = ['INFO', 'INFO', 'INFO2', 'WARN', 'ERROR', 'FATAL'] as const;

/** ISO time to a decimal nanosecond string (JSON int64). */
export function toUnixNano(iso: string): string {
  return `${BigInt(Date.parse(iso)) * 1_000_000n}`;
}

/** One OTLP LogRecord for an event (pure). */
export function otlpLogRecord(e: StoredEvent): Record<string, unknown> {
  const sev = severityOf(e).id;
  return {
    timeUnixNano: toUnixNano(e.time),
    observedTimeUnixNano: toUnixNano(e.time),
    severityNumber: OTLP_SEVERITY[sev] ?? 9,
    severityText: SEVERITY_TEXT[sev] ?? 'INFO',
    eventName: `attest.${e.type}`,
    body: { stringValue: JSON.stringify(e.data) },
    attributes: [
      ...attr('attest.event.id', e.id),
      ...attr('attest.event.type', e.type),
      ...attr('attest.event.seq', e.seq),
      ...attr('attest.event.hash', e.hash),
      ...attr('attest.writer', e.writer),
      ...attr('attest.source', e.source),
      ...attr('enduser.id', e.actor?.id),
      ...attr('attest.actor.kind', e.actor?.kind),
      ...attr('attest.tenant', e.actor?.tenant),
      ...attr('session.id', e.session),
      ...attr('attest.request.id', e.requestId),
    ],
  };
}

/** The ExportLogsServiceRequest JSON for a batch (pure). */
export function formatOtlpLogs(events: readonly StoredEvent[], serviceName = 'attest'): Record<string, unknown> {
  return {
    resourceLogs: [
      {
        resource: { attributes: [...attr('service.name', serviceName)] },
        scopeLogs: [{ scope: { name: 'attest.audit', version: '1' }, logRecords: events.map(otlpLogRecord) }],
      },
    ],
  };
}

function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end -= 1;
  return path.slice(0, end);
}

export function createOtlpLogsExporter(opts: OtlpLogsOptions): Exporter {
  const base = parseEndpoint(opts.url, 'otlp');
  const url = base.pathname.endsWith('/v1/logs') ? base : new URL(`${trimSlashes(base.pathname)}/v1/logs`, base);
  const where = safeUrl(url);
  return {
    kind: 'otlp',
    semantics: 'at-least-once',
    target: where,
    async send(batch) {
      const res = await post(url, JSON.stringify(formatOtlpLogs(batch, opts.serviceName)), {
        headers: { 'content-type': 'application/json', ...opts.headers },
        ca: opts.ca,
      });
      if (res.status < 200 || res.status >= 300) {
        const retryable = [429, 502, 503, 504].includes(res.status);
        throw new DeliveryError(`${where}: HTTP ${res.status}: ${snippet(res)}`, {
          retryable,
          retryAfterMs: parseRetryAfter(res.headers['retry-after'] as string | undefined),
          status: res.status,
        });
      }
      const partial = (jsonBody(res) as { partialSuccess?: { rejectedLogRecords?: string | number; errorMessage?: string } } | undefined)?.partialSuccess;
      const rejected = Number(partial?.rejectedLogRecords ?? 0);
      if (rejected > 0) throw new DeliveryError(`${where}: collector rejected ${rejected} log records: ${partial?.errorMessage ?? ''}`.trim(), { retryable: false });
    },
    close: async () => {},
  };
}
