/**
 * The audit store port. SQLite (embedded default) and PostgreSQL (scale-out) implement it;
 * one contract test suite runs against both. Exporters and incident rules read through it.
 */
import type { AuditEventInput, AuditEventType, StoredEvent } from './event.js';

export interface EventQuery {
  /** ISO 8601 lower bound (inclusive) on `time`. */
  readonly since?: string;
  /** ISO 8601 upper bound (exclusive) on `time`. */
  readonly until?: string;
  readonly actor?: string;
  readonly types?: readonly AuditEventType[];
  readonly session?: string;
  readonly requestId?: string;
  /** Only events with `seq` greater than this (export cursors). */
  readonly afterSeq?: number;
  readonly limit?: number;
}

export interface AuditStore {
  /** This writer's id; each writer appends to its own chain. */
  readonly writerId: string;
  /**
   * Append one event. Resolves only once the event is durable (committed and synced);
   * concurrent appends are group-committed.
   */
  append(event: AuditEventInput): Promise<StoredEvent>;
  /** Append many in one durable commit, in order. */
  appendBatch(events: readonly AuditEventInput[]): Promise<StoredEvent[]>;
  /** Events in `seq` order, streamed. */
  query(q?: EventQuery): AsyncIterable<StoredEvent>;
  get(id: string): Promise<StoredEvent | undefined>;
  /** Highest `seq` committed so far (0 when empty). */
  lastSeq(): Promise<number>;
  close(): Promise<void>;
}
