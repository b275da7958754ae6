import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttestError } from '../../core/errors.js';
import { SqliteAuditStore } from '../stores/sqlite-audit-store.js';
import { backoffDelay } from './backoff.js';
import { runExport } from './export-runner.js';
import { DeliveryError, type Exporter } from './exporter.js';
import { cursorPath, FileCursorStore } from './file-cursor-store.js';
import { createExporter } from './registry.js';
import { sampleEvents } from './__fixtures__/sample-events.js';
import { SPLUNK_TOKEN } from './__fixtures__/http-receivers.js';

let dir = '';
let store: SqliteAuditStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attest-runner-'));
  store = new SqliteAuditStore({ path: join(dir, 'audit.db'), checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const FAST = { baseDelayMs: 1, maxDelayMs: 5 };

/** An exporter that records batches and fails as told. */
function scripted(fail: (call: number) => DeliveryError | undefined): Exporter & { batches: number[][] } {
  let call = 0;
  const batches: number[][] = [];
  return {
    kind: 'scripted',
    semantics: 'at-least-once',
    target: 'memory',
    batches,
    async send(batch) {
      const err = fail(++call);
      if (err) throw err;
      batches.push(batch.map((e) => e.seq));
    },
    close: async () => {},
  };
}

/** A one-route HTTP server answering with a fixed status and body. */
async function cannedServer(status: number, body: unknown): Promise<{ url: string; server: Server; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, hits: () => hits };
}

describe('backoff', () => {
  it('stays within the exponential bound, honours Retry-After, and caps both at maxDelayMs', () => {
    const p = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, p, () => 0.999)).toBeLessThanOrEqual(100);
    expect(backoffDelay(3, p, () => 0.999)).toBe(399);
    expect(backoffDelay(20, p, () => 0.999)).toBe(999);
    expect(backoffDelay(1, p, () => 0, 700)).toBe(700);
    expect(backoffDelay(1, p, () => 0, 3_600_000)).toBe(1000);
  });
});

describe('cursor file', () => {
  it('round-trips, is replaced atomically (no temp files left) and rejects garbage', async () => {
    const c = new FileCursorStore(cursorPath(join(dir, '.attest'), 'splunk-main'));
    expect(await c.load()).toBeUndefined();
    await c.save({ seq: 5, lastId: 'x', updatedAt: 'now' });
    await c.save({ seq: 9, lastId: 'y', updatedAt: 'now' });
    expect(await c.load()).toEqual({ seq: 9, lastId: 'y', updatedAt: 'now' });
    expect(await readdir(join(dir, '.attest/exporters'))).toEqual(['splunk-main.cursor']);
    await writeFile(c.path, '{"seq":-1}');
    await expect(c.load()).rejects.toMatchObject({ code: 'BAD_CONFIG' });
    expect(() => cursorPath(dir, '../escape')).toThrow(AttestError);
  });
});

describe('runExport', () => {
  it('delivers in batches, retries transient failures, and advances the cursor only after each ack', async () => {
    await store.appendBatch(sampleEvents(10));
    const cursor = new FileCursorStore(join(dir, 'c.cursor'));
    const exp = scripted((n) => (n === 2 || n === 3 ? new DeliveryError('busy', { retryable: true }) : undefined));
    const seen: number[] = [];
    const sum = await runExport({ store, exporter: exp, cursor, batchSize: 4, retry: FAST, onBatch: async () => seen.push((await cursor.load())?.seq ?? -1) });
    expect(exp.batches).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]]);
    expect(sum).toMatchObject({ delivered: 10, batches: 3, retries: 2, fromSeq: 0, toSeq: 10 });
    expect((await cursor.load())?.seq).toBe(10);
  });

  it('gives up after maxAttempts with an IO error and leaves the cursor at the last acknowledged batch', async () => {
    await store.appendBatch(sampleEvents(6));
    const cursor = new FileCursorStore(join(dir, 'c.cursor'));
    const exp = scripted((n) => (n >= 2 ? new DeliveryError('down', { retryable: true }) : undefined));
    const err = await runExport({ store, exporter: exp, cursor, batchSize: 3, retry: { ...FAST, maxAttempts: 3 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AttestError);
    expect((err as AttestError).code).toBe('IO');
    expect((err as AttestError).message).toMatch(/gave up after 3 attempts \(seq 4-6\)/);
    expect((await cursor.load())?.seq).toBe(3);
  });

  it('stops at once on a non-retryable refusal', async () => {
    await store.appendBatch(sampleEvents(3));
    const exp = scripted(() => new DeliveryError('bad token', { retryable: false }));
    const cursor = new FileCursorStore(join(dir, 'c.cursor'));
    await expect(runExport({ store, exporter: exp, cursor, retry: FAST })).rejects.toThrow(/receiver refused the batch/);
    expect(await cursor.load()).toBeUndefined();
  });

  it('refuses a cursor that points past the store or at a different event', async () => {
    await store.appendBatch(sampleEvents(3));
    const cursor = new FileCursorStore(join(dir, 'c.cursor'));
    await cursor.save({ seq: 50, updatedAt: '' });
    await expect(runExport({ store, exporter: scripted(() => undefined), cursor })).rejects.toMatchObject({ code: 'BAD_CONFIG' });
    await cursor.save({ seq: 2, lastId: 'not-the-event-at-2', updatedAt: '' });
    await expect(runExport({ store, exporter: scripted(() => undefined), cursor })).rejects.toThrow(/holds/);
  });
});

describe('OCSF file exporter', () => {
  it('closes the crash window: events written before a crash that beat the cursor are not written twice; a torn line is cut', async () => {
    await store.appendBatch(sampleEvents(8));
    const path = join(dir, 'ocsf.jsonl');
    const events = [];
    for await (const e of store.query()) events.push(e);
    // A previous process wrote seq 1-5, crashed before saving its cursor, and left half a line.
    await createExporter('ocsf', { path }).send(events.slice(0, 5));
    await appendFile(path, '{"class_uid":6003,"metadata":{"uid":"tor');
    const cursor = new FileCursorStore(join(dir, 'c.cursor'));
    const sum = await runExport({ store, exporter: createExporter('ocsf', { path }), cursor });
    expect(sum).toMatchObject({ delivered: 3, skipped: 5, toSeq: 8 });
    const ids = (await readFile(path, 'utf8')).trimEnd().split('\n').map((l) => (JSON.parse(l) as { metadata: { uid: string } }).metadata.uid);
    expect(ids).toEqual(events.map((e) => e.id));
  });

  it('rotates by size and keeps at most `keep` old files, losing nothing in between', async () => {
    await store.appendBatch(sampleEvents(30));
    const path = join(dir, 'ocsf.jsonl');
    await runExport({ store, exporter: createExporter('ocsf', { path, maxBytes: 4000, keep: 20 }), cursor: new FileCursorStore(join(dir, 'c.cursor')), batchSize: 3 });
    const files = (await readdir(dir)).filter((f) => f.startsWith('ocsf.jsonl'));
    expect(files.length).toBeGreaterThan(2);
    let lines = 0;
    for (const f of files) lines += (await readFile(join(dir, f), 'utf8')).trimEnd().split('\n').length;
    expect(lines).toBe(30);
    const small = join(dir, 'small.jsonl');
    await runExport({ store, exporter: createExporter('ocsf', { path: small, maxBytes: 4000, keep: 2 }), cursor: new FileCursorStore(join(dir, 'c2.cursor')), batchSize: 3 });
    expect((await readdir(dir)).filter((f) => f.startsWith('small.jsonl')).sort()).toEqual(['small.jsonl', 'small.jsonl.1', 'small.jsonl.2']);
  });
});

describe('HTTP exporters refuse for good what retrying cannot fix, without leaking secrets', () => {
  it('splunk: a rejected token names only a redacted prefix', async () => {
    const srv = await cannedServer(403, { text: 'Invalid token', code: 4 });
    try {
      await store.appendBatch(sampleEvents(2));
      const err = (await runExport({ store, exporter: createExporter('splunk', { url: srv.url, token: SPLUNK_TOKEN }), cursor: new FileCursorStore(join(dir, 'c')), retry: FAST }).catch((e: unknown) => e)) as Error;
      expect(err.message).toMatch(/HEC token splk… rejected/);
      expect(err.message).not.toContain(SPLUNK_TOKEN);
      expect(srv.hits()).toBe(1);
    } finally {
      srv.server.close();
    }
  });

  it('elastic: a mapping error on one item stops the export naming that event', async () => {
    await store.appendBatch(sampleEvents(2));
    const ids: string[] = [];
    for await (const e of store.query()) ids.push(e.id);
    const srv = await cannedServer(200, {
      errors: true,
      items: [{ create: { status: 201 } }, { create: { status: 400, error: { type: 'mapper_parsing_exception', reason: 'failed to parse' } } }],
    });
    try {
      const err = (await runExport({ store, exporter: createExporter('elastic', { url: srv.url, index: 'a' }), cursor: new FileCursorStore(join(dir, 'c')), retry: FAST }).catch((e: unknown) => e)) as Error;
      expect(err.message).toContain(`event ${ids[1]} refused: 400 mapper_parsing_exception`);
    } finally {
      srv.server.close();
    }
  });

  it('otlp: rejected records in a partial success stop the export; 503 is retried', async () => {
    await store.appendBatch(sampleEvents(2));
    const partial = await cannedServer(200, { partialSuccess: { rejectedLogRecords: '1', errorMessage: 'too big' } });
    const busy = await cannedServer(503, {});
    try {
      await expect(runExport({ store, exporter: createExporter('otlp', { url: partial.url }), cursor: new FileCursorStore(join(dir, 'c1')), retry: FAST })).rejects.toThrow(/rejected 1 log records: too big/);
      await expect(runExport({ store, exporter: createExporter('otlp', { url: busy.url }), cursor: new FileCursorStore(join(dir, 'c2')), retry: { ...FAST, maxAttempts: 4 } })).rejects.toThrow(/gave up after 4 attempts/);
      expect(busy.hits()).toBe(4);
    } finally {
      partial.server.close();
      busy.server.close();
    }
  });

  it('webhook and syslog refuse bad settings before sending', () => {
    expect(() => createExporter('webhook', { url: 'http://127.0.0.1:1/x', secret: 'short' })).toThrow(/at least 16/);
    expect(() => createExporter('syslog', { url: 'ftp://x:1' })).toThrow(/udp, tcp or tls/);
    expect(() => createExporter('elastic', { url: 'http://x', index: 'Bad Index' })).toThrow(/invalid index/);
  });
});

describe('TLS trust', () => {
  it('https with --ca delivers; without it the self-signed certificate fails at once instead of retrying', async () => {
    const { createServer: createHttps } = await import('node:https');
    const key = await readFile(new URL('../../../test/fixtures/siem-tls/server.key', import.meta.url));
    const cert = await readFile(new URL('../../../test/fixtures/siem-tls/server.crt', import.meta.url), 'utf8');
    let hits = 0;
    const server = createHttps({ key, cert }, (req, res) => {
      hits += 1;
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `https://localhost:${(server.address() as AddressInfo).port}/hook`;
    try {
      await store.appendBatch(sampleEvents(3));
      const secret = 'whsec-0123456789abcdef';
      const ok = await runExport({ store, exporter: createExporter('webhook', { url, secret, ca: cert }), cursor: new FileCursorStore(join(dir, 'a')), retry: FAST });
      expect(ok.delivered).toBe(3);
      expect(hits).toBe(1);
      await expect(runExport({ store, exporter: createExporter('webhook', { url, secret }), cursor: new FileCursorStore(join(dir, 'b')), retry: FAST })).rejects.toThrow(/receiver refused the batch.*self.signed/);
      const tls = createExporter('syslog', { url: `tls://127.0.0.1:${(server.address() as AddressInfo).port}`, servername: 'localhost' });
      await expect(runExport({ store, exporter: tls, cursor: new FileCursorStore(join(dir, 'c')), retry: FAST })).rejects.toThrow(/receiver refused the batch.*self.signed/);
    } finally {
      server.close();
    }
  });
});

describe('PostgreSQL store', () => {
  it('exports from the PostgreSQL store with the same cursor semantics (skips with a reason when unreachable)', async () => {
    const { createTestDb, postgresReachable } = await import('../__fixtures__/stores.js');
    if (!(await postgresReachable())) return;
    const db = await createTestDb('postgres');
    const pgStore = await db.open({ checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
    try {
      const ids = (await pgStore.appendBatch(sampleEvents(12))).map((e) => e.id);
      const path = join(dir, 'pg.jsonl');
      const cursor = new FileCursorStore(join(dir, 'pg.cursor'));
      expect((await runExport({ store: pgStore, exporter: createExporter('ocsf', { path }), cursor, batchSize: 5 })).delivered).toBe(12);
      const more = (await pgStore.appendBatch(sampleEvents(4, 12))).map((e) => e.id);
      expect((await runExport({ store: pgStore, exporter: createExporter('ocsf', { path }), cursor, batchSize: 5 })).delivered).toBe(4);
      const uids = (await readFile(path, 'utf8')).trimEnd().split('\n').map((l) => (JSON.parse(l) as { metadata: { uid: string } }).metadata.uid);
      expect(uids).toEqual([...ids, ...more]);
    } finally {
      await pgStore.close();
      await db.dispose();
    }
  });
});

describe('delivery property', () => {
  it('under any mix of failures, lost acknowledgements and restarts, every event arrives, exactly once after dedupe by id', async () => {
    const fc = (await import('fast-check')).default;
    await store.appendBatch(sampleEvents(11));
    const all: string[] = [];
    for await (const e of store.query()) all.push(e.id);
    await fc.assert(
      // A receiver that never acknowledges would stall forever, so every script acknowledges sometimes.
      fc.asyncProperty(fc.array(fc.constantFrom('ok', 'fail', 'ack-lost', 'crash'), { minLength: 1, maxLength: 40 }).filter((s) => s.includes('ok')), fc.integer({ min: 1, max: 9 }), async (script, batchSize) => {
        const received: string[] = [];
        let saved: { seq: number; updatedAt: string } | undefined;
        const cursor = { load: async () => saved, save: async (c: { seq: number; updatedAt: string }) => void (saved = c) };
        let call = 0;
        for (let restarts = 0; (saved?.seq ?? 0) < all.length; restarts++) {
          if (restarts > 5000) throw new Error('no progress');
          const ac = new AbortController();
          const exporter: Exporter = {
            kind: 'prop',
            semantics: 'at-least-once',
            target: 'memory',
            async send(batch) {
              const step = script[call++ % script.length];
              if (step === 'fail') throw new DeliveryError('down', { retryable: true });
              received.push(...batch.map((e) => e.id));
              if (step === 'ack-lost') throw new DeliveryError('ack lost', { retryable: true });
              if (step === 'crash') {
                ac.abort();
                throw new DeliveryError('crashed before ack', { retryable: true });
              }
            },
            close: async () => {},
          };
          await runExport({ store, exporter, cursor, batchSize, retry: { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 }, signal: ac.signal }).catch((err: unknown) => {
            if (!(err instanceof AttestError) || err.code !== 'IO') throw err;
          });
        }
        expect(new Set(received)).toEqual(new Set(all));
        expect(received.length).toBeGreaterThanOrEqual(all.length);
      }),
      { numRuns: 40 },
    );
  });
});
