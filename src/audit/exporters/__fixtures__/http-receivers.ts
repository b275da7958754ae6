// Test-only receivers on 127.0.0.1 (ephemeral port) that implement the parts of Splunk HEC,
// Elasticsearch _bulk, OTLP/HTTP logs and the signed webhook the exporters rely on, including auth
// checks, HEC indexer acknowledgement, 409 conflicts, and outage modes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../webhook-signature.js';

export type HttpReceiverKind = 'splunk' | 'elastic' | 'otlp' | 'webhook';

/**
 * - `up`: normal.
 * - `busy`: 503 (HEC: "Server is busy") without storing.
 * - `ack-lost`: store the batch, then answer 503 — the sender must resend, producing duplicates.
 * - `item-429` (elastic): store every other new item, refuse the rest with 429.
 */
export type ReceiverMode = 'up' | 'busy' | 'ack-lost' | 'item-429';

export const SPLUNK_TOKEN = 'splk-0123456789abcdef';
export const ELASTIC_API_KEY = 'ZXMta2V5LWlkOmVzLWtleS1zZWNyZXQ=';
export const OTLP_AUTH = 'Bearer otlp-secret-token';
export const WEBHOOK_SECRET = 'whsec-0123456789abcdef';

export class HttpReceiver {
  /** Every event id in arrival order, duplicates included. */
  readonly received: string[] = [];
  /** Elastic: documents by _id (the index). */
  readonly index = new Map<string, unknown>();
  readonly requests: { path: string; status: number }[] = [];
  mode: ReceiverMode = 'up';
  /** How many more requests the current non-`up` mode applies to (then back to `up`); Infinity = until changed. */
  modeBudget = Number.POSITIVE_INFINITY;
  conflicts = 0;
  unauthorized = 0;
  port = 0;
  private server: Server | undefined;
  private nextAck = 0;
  private readonly acks = new Map<number, number>();
  /** Raw bodies received (to check that secrets and formats are as expected). */
  readonly bodies: string[] = [];

  constructor(readonly kind: HttpReceiverKind, readonly opts: { useAck?: boolean } = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  unique(): Set<string> {
    return new Set(this.received);
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private reply(res: ServerResponse, path: string, status: number, body: unknown): void {
    this.requests.push({ path, status });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private consumeMode(): ReceiverMode {
    const mode = this.mode;
    if (mode !== 'up') {
      this.modeBudget -= 1;
      if (this.modeBudget <= 0) {
        this.mode = 'up';
        this.modeBudget = Number.POSITIVE_INFINITY;
      }
    }
    return mode;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (this.kind === 'splunk' && path === '/services/collector/ack') return this.hecAck(req, res, body);
    if (!this.authorized(req, body)) {
      this.unauthorized += 1;
      return this.reply(res, path, 401, { text: 'Invalid token', code: 4 });
    }
    const expected = { splunk: '/services/collector/event', elastic: '/_bulk', otlp: '/v1/logs', webhook: '/hook' }[this.kind];
    if (req.method !== 'POST' || path !== expected) return this.reply(res, path, 404, { text: 'not found' });
    const mode = this.consumeMode();
    if (mode === 'busy') return this.reply(res, path, 503, { text: 'Server is busy', code: 9 });
    this.bodies.push(body);
    switch (this.kind) {
      case 'splunk':
        return this.hec(req, res, path, body, mode);
      case 'elastic':
        return this.bulk(res, path, body, mode);
      case 'otlp':
        for (const r of (JSON.parse(body) as OtlpBody).resourceLogs[0]?.scopeLogs[0]?.logRecords ?? []) {
          const id = r.attributes.find((a) => a.key === 'attest.event.id')?.value.stringValue;
          if (id) this.received.push(id);
        }
        return mode === 'ack-lost' ? this.reply(res, path, 503, {}) : this.reply(res, path, 200, {});
      case 'webhook':
        for (const e of (JSON.parse(body) as { events: { id: string }[] }).events) this.received.push(e.id);
        return mode === 'ack-lost' ? this.reply(res, path, 503, { error: 'later' }) : this.reply(res, path, 200, { ok: true });
    }
  }

  private authorized(req: IncomingMessage, body: string): boolean {
    switch (this.kind) {
      case 'splunk':
        return req.headers.authorization === `Splunk ${SPLUNK_TOKEN}`;
      case 'elastic':
        return req.headers.authorization === `ApiKey ${ELASTIC_API_KEY}`;
      case 'otlp':
        return req.headers.authorization === OTLP_AUTH && req.headers['content-type'] === 'application/json';
      case 'webhook':
        return verifyWebhookSignature(WEBHOOK_SECRET, req.headers['x-attest-signature'] as string | undefined, body).ok;
    }
  }

  private hec(req: IncomingMessage, res: ServerResponse, path: string, body: string, mode: ReceiverMode): void {
    if (this.opts.useAck && !req.headers['x-splunk-request-channel']) return this.reply(res, path, 400, { text: 'Data channel is missing', code: 10 });
    for (const line of body.split('\n')) {
      const ev = JSON.parse(line) as { event: { id: string }; fields: { attest_event_id: string } };
      if (ev.fields.attest_event_id !== ev.event.id) throw new Error('HEC fields.attest_event_id does not match the event');
      this.received.push(ev.event.id);
    }
    if (mode === 'ack-lost') return this.reply(res, path, 503, { text: 'Server is busy', code: 9 });
    if (!this.opts.useAck) return this.reply(res, path, 200, { text: 'Success', code: 0 });
    const ackId = this.nextAck++;
    this.acks.set(ackId, 0);
    this.reply(res, path, 200, { text: 'Success', code: 0, ackId });
  }

  /** An ack turns true on its second poll, so the exporter must actually poll. */
  private hecAck(req: IncomingMessage, res: ServerResponse, body: string): void {
    if (req.headers.authorization !== `Splunk ${SPLUNK_TOKEN}`) return this.reply(res, 'ack', 401, { text: 'Invalid token', code: 4 });
    const out: Record<string, boolean> = {};
    for (const id of (JSON.parse(body) as { acks: number[] }).acks) {
      const polls = this.acks.get(id);
      if (polls === undefined) {
        out[id] = false;
        continue;
      }
      this.acks.set(id, polls + 1);
      out[id] = polls + 1 >= 2;
    }
    this.reply(res, 'ack', 200, { acks: out });
  }

  private bulk(res: ServerResponse, path: string, body: string, mode: ReceiverMode): void {
    const lines = body.split('\n').filter((l) => l !== '');
    const items: unknown[] = [];
    let errors = false;
    let fresh = 0;
    for (let i = 0; i < lines.length; i += 2) {
      const action = JSON.parse(lines[i] as string) as { create?: { _index: string; _id: string } };
      const doc = JSON.parse(lines[i + 1] as string) as { event: { id: string } };
      if (!action.create) throw new Error('expected a create action');
      const { _index, _id } = action.create;
      if (doc.event.id !== _id) throw new Error('_id must be the event id');
      this.received.push(_id);
      if (this.index.has(_id)) {
        this.conflicts += 1;
        errors = true;
        items.push({ create: { _index, _id, status: 409, error: { type: 'version_conflict_engine_exception', reason: `[${_id}]: version conflict, document already exists` } } });
      } else if (mode === 'item-429' && fresh++ % 2 === 1) {
        errors = true;
        items.push({ create: { _index, _id, status: 429, error: { type: 'es_rejected_execution_exception', reason: 'rejected execution' } } });
      } else {
        this.index.set(_id, doc);
        items.push({ create: { _index, _id, status: 201, result: 'created' } });
      }
    }
    if (mode === 'ack-lost') return this.reply(res, path, 503, { error: 'unavailable' });
    this.reply(res, path, 200, { took: 1, errors, items });
  }
}

interface OtlpBody {
  resourceLogs: { scopeLogs: { logRecords: { attributes: { key: string; value: { stringValue?: string } }[] }[] }[] }[];
}
