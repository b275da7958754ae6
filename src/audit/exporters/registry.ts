/**
 * The exporter registry: a name maps to a factory taking that exporter's options (STYLE.md §2).
 * The CLI and programmatic callers look exporters up here.
 */
import { createElasticBulkExporter, type ElasticBulkOptions } from './elastic-bulk-exporter.js';
import type { Exporter } from './exporter.js';
import { createOcsfExporter, type OcsfExporterOptions } from './ocsf-exporter.js';
import { createOtlpLogsExporter, type OtlpLogsOptions } from './otlp-logs-exporter.js';
import { createSplunkHecExporter, type SplunkHecOptions } from './splunk-hec-exporter.js';
import { createSyslogExporter, type SyslogExporterOptions } from './syslog-exporter.js';
import { createWebhookExporter, type WebhookOptions } from './webhook-exporter.js';

export interface ExporterOptionsByKind {
  ocsf: OcsfExporterOptions;
  syslog: SyslogExporterOptions;
  splunk: SplunkHecOptions;
  elastic: ElasticBulkOptions;
  otlp: OtlpLogsOptions;
  webhook: WebhookOptions;
}

export type ExporterKind = keyof ExporterOptionsByKind;

export const EXPORTERS: { readonly [K in ExporterKind]: (opts: ExporterOptionsByKind[K]) => Exporter } = {
  ocsf: createOcsfExporter,
  syslog: createSyslogExporter,
  splunk: createSplunkHecExporter,
  elastic: createElasticBulkExporter,
  otlp: createOtlpLogsExporter,
  webhook: createWebhookExporter,
};

export const EXPORTER_KINDS = Object.keys(EXPORTERS) as ExporterKind[];

export function isExporterKind(name: string): name is ExporterKind {
  return Object.hasOwn(EXPORTERS, name);
}

/**
 * Build an exporter by name.
 *
 * @example
 * const exp = createExporter('splunk', { url: 'https://splunk:8088', token: process.env.ATTEST_SPLUNK_TOKEN ?? '' });
 */
export function createExporter<K extends ExporterKind>(kind: K, opts: ExporterOptionsByKind[K]): Exporter {
  const factory = EXPORTERS[kind] as (o: ExporterOptionsByKind[K]) => Exporter;
  return factory(opts);
}
