/**
 * `npm run bench:export`: SIEM exporter throughput. Fills a SQLite audit store with N events
 * (default 20,000, `--events N`), then for each destination runs one `runExport --once` from a
 * fresh cursor into a real local receiver (the same receivers the tests use, in this process, so
 * the receiver's own parsing is included in the time) and prints events/s, batches and what the
 * receiver holds. Also times each pure formatter alone. Batch size 500 (`--batch N`).
 *
 * The OCSF file fsyncs every batch; syslog TCP/TLS open one confirmed connection per batch;
 * UDP is fire-and-forget (how many arrived is printed: the kernel may drop datagrams).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteAuditStore } from '../src/audit/stores/sqlite-audit-store.js';
import type { StoredEvent } from '../src/audit/event.js';
import { runExport } from '../src/audit/exporters/export-runner.js';
import { FileCursorStore } from '../src/audit/exporters/file-cursor-store.js';
import { createExporter } from '../src/audit/exporters/registry.js';
import type { Exporter } from '../src/audit/exporters/exporter.js';
import { formatOcsfLines } from '../src/audit/exporters/ocsf-formatter.js';
import { formatSyslog } from '../src/audit/exporters/syslog-formatter.js';
import { formatHecBatch } from '../src/audit/exporters/splunk-hec-exporter.js';
import { formatBulk } from '../src/audit/exporters/elastic-bulk-exporter.js';
import { formatOtlpLogs } from '../src/audit/exporters/otlp-logs-exporter.js';
import { formatWebhookBody } from '../src/audit/exporters/webhook-exporter.js';
import { ELASTIC_API_KEY, HttpReceiver, OTLP_AUTH, SPLUNK_TOKEN, WEBHOOK_SECRET } from '../src/audit/exporters/__fixtures__/http-receivers.js';
import { SyslogReceiver } from '../src/audit/exporters/__fixtures__/syslog-receivers.js';
import { sampleEvents } from '../src/audit/exporters/__fixtures__/sample-events.js';

function flag(name: string, def: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}
const N = flag('--events', 20_000);
const BATCH = flag('--batch', 500);
const dir = mkdtempSync(join(tmpdir(), 'attest-bench-export-'));
const CA = readFileSync(new URL('../test/fixtures/siem-tls/server.crt', import.meta.url), 'utf8');

const store = new SqliteAuditStore({ path: join(dir, 'audit.db'), checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
for (let i = 0; i < N; i += 2000) await store.appendBatch(sampleEvents(Math.min(2000, N - i), i));
const all: StoredEvent[] = [];
for await (const e of store.query()) all.push(e);

console.log(`bench:export — ${N} events, batch ${BATCH}, node ${process.version}, ${new Date().toISOString()}\n`);
console.log('formatters alone (events/s):');
const formatters: [string, (b: StoredEvent[]) => unknown][] = [
  ['ocsf', (b) => formatOcsfLines(b)],
  ['cef+syslog', (b) => b.map((e) => formatSyslog(e)).join('')],
  ['splunk hec', (b) => formatHecBatch(b)],
  ['elastic bulk', (b) => formatBulk(b, 'attest')],
  ['otlp json', (b) => JSON.stringify(formatOtlpLogs(b))],
  ['webhook', (b) => formatWebhookBody(b)],
];
for (const [name, fn] of formatters) {
  const t = performance.now();
  for (let i = 0; i < all.length; i += BATCH) fn(all.slice(i, i + BATCH));
  console.log(`  ${name.padEnd(14)} ${Math.round(N / ((performance.now() - t) / 1000)).toLocaleString('en-US')}`);
}

interface Case {
  name: string;
  setup(): Promise<{ exporter: Exporter; held(): number; stop(): Promise<void> }>;
}
const http = (kind: 'splunk' | 'elastic' | 'otlp' | 'webhook', useAck = false): Case => ({
  name: useAck ? 'splunk (ack)' : kind,
  async setup() {
    const r = new HttpReceiver(kind, { useAck });
    await r.start();
    const exporter =
      kind === 'splunk'
        ? createExporter('splunk', { url: r.url, token: SPLUNK_TOKEN, useAck, ackPollMs: 1 })
        : kind === 'elastic'
          ? createExporter('elastic', { url: r.url, index: 'attest', apiKey: ELASTIC_API_KEY })
          : kind === 'otlp'
            ? createExporter('otlp', { url: r.url, headers: { authorization: OTLP_AUTH } })
            : createExporter('webhook', { url: `${r.url}/hook`, secret: WEBHOOK_SECRET });
    return { exporter, held: () => r.unique().size, stop: () => r.stop() };
  },
});
const syslog = (proto: 'tcp' | 'tls' | 'udp'): Case => ({
  name: `syslog ${proto}`,
  async setup() {
    const r = new SyslogReceiver(proto);
    await r.start();
    return { exporter: createExporter('syslog', { url: r.url, ca: CA, servername: 'localhost' }), held: () => r.unique().size, stop: () => r.stop() };
  },
});
const ocsf: Case = {
  name: 'ocsf file',
  async setup() {
    const path = join(dir, 'ocsf.jsonl');
    return {
      exporter: createExporter('ocsf', { path }),
      held: () => readFileSync(path, 'utf8').split('\n').filter(Boolean).length,
      stop: async () => {},
    };
  },
};

console.log(`\nend to end, runExport --once into a local receiver:`);
console.log(`  ${'destination'.padEnd(14)} ${'events/s'.padStart(10)} ${'seconds'.padStart(8)}  receiver holds`);
for (const c of [ocsf, syslog('tcp'), syslog('tls'), syslog('udp'), http('splunk'), http('splunk', true), http('elastic'), http('otlp'), http('webhook')]) {
  const { exporter, held, stop } = await c.setup();
  const t = performance.now();
  const sum = await runExport({ store, exporter, cursor: new FileCursorStore(join(dir, `${c.name.replace(/\W+/g, '-')}.cursor`)), batchSize: BATCH, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 } });
  const s = (performance.now() - t) / 1000;
  await new Promise((r) => setTimeout(r, 50));
  console.log(`  ${c.name.padEnd(14)} ${Math.round(sum.delivered / s).toLocaleString('en-US').padStart(10)} ${s.toFixed(2).padStart(8)}  ${held()} / ${N}`);
  await exporter.close();
  await stop();
}
await store.close();
rmSync(dir, { recursive: true, force: true });
