// Test-only in-memory AuditStore with the same contract as the real stores (no chain verification).
import { createHash, randomUUID } from 'node:crypto';
import type { AuditEventInput, StoredEvent } from '../../event.js';
import type { AuditStore, EventQuery } from '../../store.js';

/** In-memory AuditStore for unit tests: seq order, afterSeq/limit/types/time filters. */
export class MemoryAuditStore implements AuditStore {
  readonly writerId = 'memory';
  readonly events: StoredEvent[] = [];
  private prev = '0'.repeat(64);

  async append(event: AuditEventInput): Promise<StoredEvent> {
    const [stored] = await this.appendBatch([event]);
    return stored as StoredEvent;
  }

  async appendBatch(events: readonly AuditEventInput[]): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    for (const e of events) {
      const seq = this.events.length + 1;
      const body = { ...e, v: 1 as const, id: randomUUID(), time: e.time ?? new Date().toISOString(), writer: this.writerId, index: seq - 1, prevHash: this.prev };
      const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      const stored = { ...body, seq, hash } as StoredEvent;
      this.prev = hash;
      this.events.push(stored);
      out.push(stored);
    }
    return out;
  }

  async *query(q: EventQuery = {}): AsyncIterable<StoredEvent> {
    let n = 0;
    for (const e of [...this.events]) {
      if (q.afterSeq !== undefined && e.seq <= q.afterSeq) continue;
      if (q.since !== undefined && e.time < q.since) continue;
      if (q.until !== undefined && e.time >= q.until) continue;
      if (q.actor !== undefined && e.actor?.id !== q.actor) continue;
      if (q.types !== undefined && !q.types.includes(e.type)) continue;
      if (q.session !== undefined && e.session !== q.session) continue;
      if (q.requestId !== undefined && e.requestId !== q.requestId) continue;
      if (q.limit !== undefined && n >= q.limit) return;
      n += 1;
      yield e;
    }
  }

  async get(id: string): Promise<StoredEvent | undefined> {
    return this.events.find((e) => e.id === id);
  }

  async lastSeq(): Promise<number> {
    return this.events.length;
  }

  async close(): Promise<void> {}
}
