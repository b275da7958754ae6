/** SIEM exporters: registry, runner, durable cursor, formatters and the webhook verify helper. */
export * from './exporter.js';
export * from './backoff.js';
export * from './file-cursor-store.js';
export * from './export-runner.js';
export * from './registry.js';
export { formatOcsf, formatOcsfLines, OCSF_VERSION } from './ocsf-formatter.js';
export { formatCef, escapeCefHeader, escapeCefValue } from './cef-formatter.js';
export { formatSyslog, frameOctetCounted, escapeSdValue } from './syslog-formatter.js';
export { formatHecBatch } from './splunk-hec-exporter.js';
export { formatBulk, elasticDocument } from './elastic-bulk-exporter.js';
export { formatOtlpLogs, otlpLogRecord } from './otlp-logs-exporter.js';
export { formatWebhookBody } from './webhook-exporter.js';
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER } from './webhook-signature.js';
