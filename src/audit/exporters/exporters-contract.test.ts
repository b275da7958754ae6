// One contract suite run against every exporter and a real receiver speaking its protocol:
// normal delivery, then the receiver goes away while events keep arriving, the runner is stopped
// and replaced by a new one reading the persisted cursor, the receiver comes back (first answering
// in a way that forces resends), and at the end the receiver holds every event: exactly once where
// the protocol dedupes on the event id, at least once (and exactly once after dedupe-by-id) otherwise.
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runExport, type ExportSummary } from './export-runner.js';
import type { Exporter } from './exporter.js';
import { FileCursorStore, cursorPath } from './file-cursor-store.js';
import { createExporter } from './registry.js';
import { SqliteAuditStore } from '../stores/sqlite-audit-store.js';
import { sampleEvents } from './__fixtures__/sample-events.js';
import { ELASTIC_API_KEY, HttpReceiver, OTLP_AUTH, SPLUNK_TOKEN, WEBHOOK_SECRET } from './__fixtures__/http-receivers.js';
import { SyslogReceiver } from './__fixtures__/syslog-receivers.js';

const CA = await readFile(new URL('../../../test/fixtures/siem-tls/server.crt', import.meta.url), 'utf8');
const RETRY = { maxAttempts: Number.POSITIVE_INFINITY, baseDelayMs: 2, maxDelayMs: 20 };

/** A receiver under test: start/stop, what it got, how to make it force resends, and an exporter for it. */
interface Harness {
  readonly name: string;
  readonly semantics: Exporter['semantics'];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Ids in arrival order, duplicates included. */
  received(): readonly string[];
  /** Ids the receiver holds after its own dedupe (the index for elastic); undefined when it has none. */
  held?(): readonly string[];
  /** Make the next deliveries fail after the receiver took them (lost acknowledgement), if the protocol can. */
  loseAcks?(count: number): void;
  exporter(dir: string): Exporter;
}

function http(kind: 'splunk' | 'elastic' | 'otlp' | 'webhook', useAck = false): Harness {
  const r = new HttpReceiver(kind, { useAck });
  return {
    name: useAck ? `${kind} (indexer ack)` : kind,
    semantics: kind === 'elastic' ? 'idempotent' : 'at-least-once',
    start: () => r.start(),
    stop: () => r.stop(),
    received: () => r.received,
    ...(kind === 'elastic' ? { held: () => [...r.index.keys()] } : {}),
    loseAcks(count) {
      r.mode = 'ack-lost';
      r.modeBudget = count;
    },
    exporter: () => {
      switch (kind) {
        case 'splunk':
          return createExporter('splunk', { url: r.url, token: SPLUNK_TOKEN, useAck, ackPollMs: 2 });
        case 'elastic':
          return createExporter('elastic', { url: r.url, index: 'attest-audit', apiKey: ELASTIC_API_KEY });
        case 'otlp':
          return createExporter('otlp', { url: r.url, headers: { authorization: OTLP_AUTH } });
        case 'webhook':
          return createExporter('webhook', { url: `${r.url}/hook`, secret: WEBHOOK_SECRET });
      }
    },
  };
}

function syslog(proto: 'tcp' | 'tls' | 'udp'): Harness {
  const r = new SyslogReceiver(proto);
  return {
    name: `syslog ${proto}`,
    semantics: proto === 'udp' ? 'best-effort' : 'at-least-once',
    start: () => r.start(),
    stop: () => r.stop(),
    received: () => r.received,
    ...(proto === 'udp'
      ? {}
      : {
          loseAcks(count: number) {
            r.mode = 'reset-after-read';
            r.modeBudget = count;
          },
        }),
    exporter: () => createExporter('syslog', { url: r.url, ca: CA, servername: 'localhost', hostname: 'test-host', timeoutMs: 300 }),
  };
}

function ocsfFile(): Harness {
  let dir = '';
  let up = true;
  const lines = async (): Promise<string[]> => {
    const out: string[] = [];
    for (const f of ['out/audit.ocsf.jsonl.2', 'out/audit.ocsf.jsonl.1', 'out/audit.ocsf.jsonl']) {
      const text = await readFile(join(dir, f), 'utf8').catch(() => '');
      for (const l of text.split('\n')) if (l) out.push((JSON.parse(l) as { metadata: { uid: string } }).metadata.uid);
    }
    return out;
  };
  let snapshot: string[] = [];
  return {
    name: 'ocsf file',
    semantics: 'idempotent',
    // "Going away" = the output directory disappears (an unmounted volume); it comes back empty of new files.
    async start() {
      if (!up) {
        const { mkdir } = await import('node:fs/promises');
        await mkdir(join(dir, 'out'), { recursive: true });
        const { writeFile } = await import('node:fs/promises');
        // Restore what was written before the outage, as a remounted volume would.
        await writeFile(join(dir, 'out/audit.ocsf.jsonl'), stash);
      }
      up = true;
    },
    async stop() {
      snapshot = await lines();
      stash = await readFile(join(dir, 'out/audit.ocsf.jsonl'), 'utf8').catch(() => '');
      await rm(join(dir, 'out'), { recursive: true, force: true });
      up = false;
    },
    received: () => snapshot,
    exporter(d) {
      dir = d;
      mkdirSync(join(d, 'out'), { recursive: true });
      return createExporter('ocsf', { path: join(d, 'out/audit.ocsf.jsonl'), maxBytes: 1_000_000 });
    },
    async refresh() {
      snapshot = await lines();
    },
  } as Harness & { refresh(): Promise<void> };
}
let stash = '';

async function waitFor(what: string, cond: () => boolean | Promise<boolean>, limitMs = 15_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const HARNESSES: (() => Harness)[] = [
  () => http('splunk'),
  () => http('splunk', true),
  () => http('elastic'),
  () => http('otlp'),
  () => http('webhook'),
  () => syslog('tcp'),
  () => syslog('tls'),
  () => syslog('udp'),
  ocsfFile,
];

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => {});
  cleanup = [];
});

describe.each(HARNESSES.map((make) => [make().name, make] as const))('exporter contract: %s', (_name, make) => {
  it('survives the receiver going away and a runner restart: nothing lost, nothing duplicated beyond its semantics', async () => {
    const h = make();
    const refresh = async (): Promise<void> => (h as Partial<{ refresh(): Promise<void> }>).refresh?.();
    const dir = await mkdtemp(join(tmpdir(), 'attest-export-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const store = new SqliteAuditStore({ path: join(dir, 'audit.db'), checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
    cleanup.push(() => store.close());
    const cursorFile = cursorPath(join(dir, '.attest'), 'contract');
    await h.start();
    cleanup.push(() => h.stop());
    const exporter1 = h.exporter(dir);

    await store.appendBatch(sampleEvents(40));
    const ac = new AbortController();
    let retries = 0;
    const run1 = runExport({ store, exporter: exporter1, cursor: new FileCursorStore(cursorFile), batchSize: 7, retry: RETRY, follow: true, pollIntervalMs: 5, signal: ac.signal, onRetry: () => (retries += 1) });
    let failure: unknown;
    run1.catch((err: unknown) => (failure = err));
    const alive = (): void => {
      if (failure) throw failure;
    };
    await waitFor('first 40 events', async () => (alive(), await refresh(), new Set(h.received()).size >= 40));
    await waitFor('cursor at 40', async () => ((await new FileCursorStore(cursorFile).load())?.seq ?? 0) >= 40);

    // The receiver goes away; events keep arriving; the runner keeps failing and retrying.
    await h.stop();
    await store.appendBatch(sampleEvents(25, 40));
    if (h.semantics !== 'best-effort') await waitFor('retries during the outage', () => retries >= 3);
    ac.abort();
    const first: ExportSummary = await run1;
    expect(first.aborted).toBe(true);
    await exporter1.close();

    // The receiver comes back, first losing acknowledgements so the new runner must resend.
    await h.start();
    h.loseAcks?.(2);
    const exporter2 = h.exporter(dir);
    const second = await runExport({ store, exporter: exporter2, cursor: new FileCursorStore(cursorFile), batchSize: 7, retry: RETRY });
    await store.appendBatch(sampleEvents(10, 65));
    const third = await runExport({ store, exporter: exporter2, cursor: new FileCursorStore(cursorFile), batchSize: 7, retry: RETRY });
    await exporter2.close();
    await refresh();

    const all: string[] = [];
    for await (const e of store.query()) all.push(e.id);
    const got = h.received();
    const unique = new Set(got);
    expect((await new FileCursorStore(cursorFile).load())?.seq).toBe(75);
    expect(third.delivered).toBe(10);
    if (h.semantics === 'best-effort') {
      // UDP: no acknowledgement, so events sent while nobody listened are gone; everything sent
      // while the receiver was up arrived, none twice.
      for (const id of all.slice(0, 40)) expect(unique.has(id)).toBe(true);
      for (const id of all.slice(65)) expect(unique.has(id)).toBe(true);
      expect(got.length).toBe(unique.size);
      return;
    }
    if (h.loseAcks) expect(second.retries).toBeGreaterThan(0);
    expect([...unique].sort()).toEqual([...all].sort());
    if (h.semantics === 'idempotent') {
      const held = h.held?.() ?? got;
      expect(held.length).toBe(all.length);
      expect(new Set(held).size).toBe(all.length);
    } else {
      // At-least-once: the lost acknowledgements made the receiver see some events twice.
      if (h.loseAcks) expect(got.length).toBeGreaterThan(unique.size);
    }
  });
});
