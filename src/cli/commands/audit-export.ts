/**
 * `attest audit export --to <kind>`: stream audit events to a SIEM with a durable cursor.
 * Destinations can also be configured by name in attest.yaml (`export:`), selected with `--name`
 * or `--all`; flags override the file's values.
 * Secrets come from the environment only (never flags or the file, so they stay out of `ps`, shell
 * history and version control): the file names the variables (`tokenEnv: SPLUNK_HEC_TOKEN`).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { defineCommand } from 'citty';
import { AttestError, toAttestError } from '../../core/errors.js';
import type { AuditConfig } from '../../audit/config-schema.js';
import { DEFAULT_SECRET_ENV, exportersFromConfig, type ExporterConfig } from '../../audit/exporters/config-schema.js';
import { ConfigProblemsError, loadConfigFile, type AttestConfig } from '../../config/load-config.js';
import type { Exporter } from '../../audit/exporters/exporter.js';
import type { ExporterKind } from '../../audit/exporters/registry.js';
import { colors, printJson, progress, warn } from '../_output.js';
import { intFlag, resolveAuditConfig, storeArgs } from './_audit-options.js';

const KINDS = 'ocsf | syslog | splunk | elastic | otlp | webhook';

export const exportArgs = {
  ...storeArgs,
  to: { type: 'string', description: `destination: ${KINDS} (or configured in attest.yaml export:)` },
  all: { type: 'boolean', description: 'run every exporter configured in attest.yaml export: (one after another; in parallel with --follow)' },
  once: { type: 'boolean', description: 'export what is there and stop (default)' },
  follow: { type: 'boolean', alias: 'f', description: 'keep exporting new events until interrupted' },
  name: { type: 'string', description: 'exporter configured in attest.yaml export:, or the cursor name for a --to destination (default: the --to kind); one cursor per name' },
  url: { type: 'string', description: 'endpoint: http(s)://… for splunk/elastic/otlp/webhook, udp|tcp|tls://host:port for syslog (env ATTEST_EXPORT_URL)' },
  out: { type: 'string', alias: 'o', description: 'ocsf: output file (rotated), or - for stdout (default)' },
  ca: { type: 'string', description: 'PEM CA bundle to trust for https:// and tls:// endpoints' },
  index: { type: 'string', description: 'elastic: index (default attest-audit); splunk: index' },
  sourcetype: { type: 'string', description: 'splunk: sourcetype (default attest:audit)' },
  'splunk-ack': { type: 'boolean', description: 'splunk: wait for indexer acknowledgement of every batch' },
  hostname: { type: 'string', description: 'syslog: HOSTNAME field (default: this host)' },
  facility: { type: 'string', description: 'syslog: facility number 0-23 (default 13, log audit)' },
  'batch-size': { type: 'string', description: 'events per batch (default 500)' },
  'max-attempts': { type: 'string', description: 'attempts per batch before giving up, 0 = forever (default 8; --follow default 0)' },
  'max-delay': { type: 'string', description: 'longest wait between retries in ms, also caps Retry-After (default 30000)' },
  'poll-interval': { type: 'string', description: '--follow: milliseconds between polls for new events (default 1000)' },
  'max-bytes': { type: 'string', description: 'ocsf file: rotate at this size (default 104857600)' },
  keep: { type: 'string', description: 'ocsf file: rotated files to keep (default 5)' },
  'state-dir': { type: 'string', description: 'where cursors live (default: the audit database directory, else .attest)' },
  json: { type: 'boolean', description: 'print the summary as JSON' },
  quiet: { type: 'boolean', alias: 'q', description: 'print nothing but errors' },
} as const;

type ExportFlags = { [K in keyof typeof exportArgs]?: ((typeof exportArgs)[K]['type'] extends 'boolean' ? boolean : string) | undefined };

function need(value: string | undefined, what: string, where: string): string {
  if (!value) throw new AttestError('BAD_INPUT', `${what} is required`, { where });
  return value;
}

/** `k=v,k2=v2` (OTEL_EXPORTER_OTLP_HEADERS format) to a header map. */
export function parseHeaderList(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (raw ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out[decodeURIComponent(part.slice(0, eq).trim()).toLowerCase()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

/** Environment variable names holding each secret (attest.yaml `tokenEnv` etc.; defaults as documented). */
export type SecretEnvNames = { readonly [K in keyof typeof DEFAULT_SECRET_ENV]: string };

/** Build the exporter the flags and environment describe. */
export async function exporterFromFlags(args: ExportFlags, env: NodeJS.ProcessEnv, names: SecretEnvNames = DEFAULT_SECRET_ENV): Promise<Exporter> {
  const { createExporter, isExporterKind } = await import('../../audit/exporters/registry.js');
  const kind = args.to ?? '';
  if (!isExporterKind(kind)) throw new AttestError('BAD_INPUT', `unknown destination "${kind.slice(0, 40)}"; use one of ${KINDS}`, { where: '--to' });
  const ca = args.ca ? await readFile(args.ca, 'utf8').catch((err: Error) => Promise.reject(new AttestError('NOT_FOUND', err.message, { where: args.ca ?? '--ca' }))) : undefined;
  const url = args.url ?? env.ATTEST_EXPORT_URL;
  const k: ExporterKind = kind;
  switch (k) {
    case 'ocsf':
      return createExporter('ocsf', { path: args.out, ...(args['max-bytes'] ? { maxBytes: intFlag(args['max-bytes'], '--max-bytes') as number } : {}), ...(args.keep ? { keep: intFlag(args.keep, '--keep') as number } : {}) });
    case 'syslog': {
      const facility = intFlag(args.facility, '--facility');
      if (facility !== undefined && facility > 23) throw new AttestError('BAD_INPUT', 'facility must be 0-23', { where: '--facility' });
      const { hostname } = await import('node:os');
      return createExporter('syslog', { url: need(url, '--url (udp|tcp|tls://host:port)', '--url'), ca, hostname: args.hostname ?? hostname(), ...(facility !== undefined ? { facility } : {}) });
    }
    case 'splunk':
      return createExporter('splunk', { url: need(url, '--url', '--url'), token: need(env[names.tokenEnv], `env ${names.tokenEnv}`, 'splunk'), index: args.index, sourcetype: args.sourcetype, useAck: Boolean(args['splunk-ack']), ca });
    case 'elastic':
      return createExporter('elastic', { url: need(url, '--url', '--url'), index: args.index ?? 'attest-audit', apiKey: env[names.apiKeyEnv], username: env[names.usernameEnv], password: env[names.passwordEnv], ca });
    case 'otlp':
      return createExporter('otlp', { url: need(url ?? env.OTEL_EXPORTER_OTLP_ENDPOINT, '--url', '--url'), headers: parseHeaderList(env[names.headersEnv] ?? env.OTEL_EXPORTER_OTLP_HEADERS), ca });
    case 'webhook':
      return createExporter('webhook', { url: need(url, '--url', '--url'), secret: need(env[names.secretEnv], `env ${names.secretEnv}`, 'webhook'), ca });
  }
}

/** Default directory for cursors: beside the SQLite database, else `.attest`. */
export function stateDirFor(config: AuditConfig, flag: string | undefined): string {
  if (flag) return flag;
  if ((config.store ?? 'sqlite') === 'sqlite') return dirname(config.path ?? '.attest/audit.db');
  return '.attest';
}

/** One exporter run: the effective flags (file values overlaid with command-line flags). */
export interface ExportJob {
  readonly name: string | undefined;
  readonly flags: ExportFlags;
  readonly secretEnv: SecretEnvNames;
}

/**
 * attest.yaml (`--config`, else ./attest.yaml when present), validated. Problems throw
 * ConfigProblemsError; callers print one located line per problem (exit 2).
 */
export async function loadAttestYaml(configFlag: string | undefined): Promise<AttestConfig | undefined> {
  const file = configFlag ?? (existsSync('attest.yaml') ? 'attest.yaml' : undefined);
  return file ? (await loadConfigFile(file)).config : undefined;
}

/** Print every attest.yaml problem on its own located line; the usage exit code. */
export function reportProblems(err: ConfigProblemsError): number {
  for (const line of err.lines()) warn(line);
  return 2;
}

/** An exporter from attest.yaml as the flags it stands for. */
function flagsOfEntry(e: ExporterConfig): ExportFlags {
  const str = (v: number | undefined): string | undefined => (v === undefined ? undefined : String(v));
  const syslogUrl = e.host ? `${e.protocol ?? 'tcp'}://${e.host.includes(':') ? `[${e.host}]` : e.host}${e.port ? `:${e.port}` : ''}` : undefined;
  const f: Record<string, string | boolean | undefined> = {
    to: e.to,
    url: e.url ?? syslogUrl,
    out: e.out,
    ca: e.ca,
    index: e.index,
    sourcetype: e.sourcetype,
    'splunk-ack': e.splunkAck,
    hostname: e.hostname,
    facility: str(e.facility),
    'batch-size': str(e.batchSize),
    'max-attempts': str(e.maxAttempts),
    'max-delay': str(e.maxDelay),
    'poll-interval': str(e.pollInterval),
    'max-bytes': str(e.maxBytes),
    keep: str(e.keep),
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as ExportFlags;
}

/** Which exporters to run: `--to` alone, a configured `--name` (flags win), or `--all`. */
export function selectJobs(args: ExportFlags, config: AttestConfig | undefined): ExportJob[] {
  const entries = exportersFromConfig(config?.export);
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.name)) throw new AttestError('BAD_CONFIG', `export: exporter name "${e.name}" is used twice (names are cursor names)`, { where: 'attest.yaml' });
    seen.add(e.name);
  }
  const given = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)) as ExportFlags;
  const job = (e: ExporterConfig): ExportJob => {
    if (args.to !== undefined && args.to !== e.to) throw new AttestError('BAD_INPUT', `exporter "${e.name}" in attest.yaml sends to ${e.to}, not ${args.to.slice(0, 20)}`, { where: '--to' });
    const secretEnv = Object.fromEntries(Object.entries(DEFAULT_SECRET_ENV).map(([k, d]) => [k, (e as unknown as Record<string, string | undefined>)[k] ?? d])) as SecretEnvNames;
    return { name: e.name, flags: { ...flagsOfEntry(e), ...given, name: e.name }, secretEnv };
  };
  const listed = entries.map((e) => e.name).join(', ') || 'none';
  if (args.all) {
    if (args.name !== undefined) throw new AttestError('BAD_INPUT', '--all and --name exclude each other', { where: '--all' });
    if (entries.length === 0) throw new AttestError('BAD_INPUT', 'no exporters configured in attest.yaml (export:)', { where: '--all' });
    return entries.map(job);
  }
  const named = args.name !== undefined ? entries.find((e) => e.name === args.name) : undefined;
  if (named) return [job(named)];
  if (args.to !== undefined) return [{ name: args.name, flags: given, secretEnv: DEFAULT_SECRET_ENV }];
  if (args.name !== undefined) throw new AttestError('BAD_INPUT', `no exporter "${args.name.slice(0, 64)}" in attest.yaml (configured: ${listed}); or give --to`, { where: '--name' });
  if (entries.length === 1 && entries[0]) return [job(entries[0])];
  if (entries.length > 1) throw new AttestError('BAD_INPUT', `several exporters configured (${listed}): pick one with --name, or --all`, { where: '--name' });
  throw new AttestError('BAD_INPUT', `--to is required (${KINDS}) unless attest.yaml configures an exporter (export:)`, { where: '--to' });
}

async function runJob(job: ExportJob, config: AuditConfig, top: ExportFlags, showProgress: boolean): Promise<void> {
  const args = job.flags;
  const batchSize = intFlag(args['batch-size'], '--batch-size') ?? 500;
  if (batchSize < 1 || batchSize > 50_000) throw new AttestError('BAD_INPUT', 'batch size must be 1-50000', { where: '--batch-size' });
  const attempts = intFlag(args['max-attempts'], '--max-attempts') ?? (args.follow ? 0 : 8);
  const pollIntervalMs = intFlag(args['poll-interval'], '--poll-interval') ?? 1000;
  const maxDelayMs = intFlag(args['max-delay'], '--max-delay');
  const exporter = await exporterFromFlags(args, process.env, job.secretEnv);
  const { FileCursorStore, cursorPath } = await import('../../audit/exporters/file-cursor-store.js');
  const { runExport } = await import('../../audit/exporters/export-runner.js');
  const { openStore } = await import('../../audit/adapters/open-store.js');
  let cursor;
  try {
    cursor = new FileCursorStore(cursorPath(stateDirFor(config, top['state-dir']), args.name ?? exporter.kind));
  } catch (err) {
    await exporter.close();
    throw err;
  }
  const toStdout = exporter.kind === 'ocsf' && exporter.target === 'stdout';
  if (toStdout && args.json) {
    await exporter.close();
    throw new AttestError('BAD_INPUT', '--json and OCSF to stdout would mix; write OCSF to a file with --out', { where: '--json' });
  }
  const store = await openStore(config, { readOnly: true, checkpoint: { onClose: false, everySeconds: 0, everyEvents: 0 } });
  const ac = new AbortController();
  const stop = (): void => ac.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const bar = args.quiet || !showProgress ? { update() {}, done() {} } : progress();
  try {
    const summary = await runExport({
      store,
      exporter,
      cursor,
      batchSize,
      retry: { maxAttempts: attempts === 0 ? Number.POSITIVE_INFINITY : attempts, ...(maxDelayMs !== undefined ? { maxDelayMs, baseDelayMs: Math.min(250, maxDelayMs) } : {}) },
      follow: Boolean(args.follow),
      pollIntervalMs,
      signal: ac.signal,
      onBatch: (b) => bar.update(`exported ${b.delivered} events (seq ${b.lastSeq}) to ${exporter.target}`),
      onRetry: (r) => {
        if (!args.quiet) warn(`${r.error.message}; retry ${r.attempt} in ${r.delayMs} ms`);
      },
    });
    bar.done();
    if (args.json) printJson(job.name !== undefined ? { name: job.name, ...summary } : summary);
    else if (!args.quiet) {
      const c = colors(toStdout ? process.stderr : process.stdout);
      const label = job.name !== undefined && job.name !== exporter.kind ? `${job.name}: ` : '';
      const line = `${label}${c.green('exported')} ${summary.delivered} events to ${summary.target} (${summary.semantics}; seq ${summary.fromSeq}→${summary.toSeq}, ${summary.batches} batches, ${summary.retries} retries${summary.skipped ? `, ${summary.skipped} already there` : ''})\n`;
      (toStdout ? process.stderr : process.stdout).write(line);
    }
  } finally {
    bar.done();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await exporter.close();
    await store.close();
  }
}

export default defineCommand({
  meta: { name: 'export', description: `Stream audit events to a SIEM (${KINDS}) with retry, backoff and a durable cursor; exit 1 when a batch cannot be delivered.` },
  args: exportArgs,
  async run({ args }) {
    if (args.once && args.follow) throw new AttestError('BAD_INPUT', '--once and --follow exclude each other', { where: '--follow' });
    let attestYaml: AttestConfig | undefined;
    try {
      attestYaml = await loadAttestYaml(args.config);
    } catch (err) {
      if (err instanceof ConfigProblemsError) return reportProblems(err);
      throw err;
    }
    const config = await resolveAuditConfig(args);
    const jobs = selectJobs(args, attestYaml);
    if (jobs.length === 1 && jobs[0]) {
      await runJob(jobs[0], config, args, true);
      return 0;
    }
    // --all: one after another (in parallel with --follow, until SIGINT/SIGTERM). A failing exporter
    // does not stop the others; each failure is one line naming it; the first decides the exit code.
    let results: PromiseSettledResult<void>[] = [];
    if (args.follow) results = await Promise.allSettled(jobs.map((job) => runJob(job, config, args, false)));
    else for (const job of jobs) results.push(...(await Promise.allSettled([runJob(job, config, args, true)])));
    let exit = 0;
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') return;
      const e = toAttestError(r.reason);
      warn(`${jobs[i]?.name ?? ''}: ${e.toLine()}`);
      if (exit === 0) exit = e.exitCode;
    });
    return exit;
  },
});
