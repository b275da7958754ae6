/**
 * The embedded audit store: SQLite through better-sqlite3 in WAL mode, group commit above it
 * (one transaction and one fsync per batch). Durability (`durability` option):
 * - `pipelined` (default): `synchronous=NORMAL` plus an fdatasync of the WAL in the thread
 *   pool after each commit (see `_wal-syncer.ts`); a batch is acknowledged after its sync, and
 *   the next batch is built while it runs;
 * - `full`: `synchronous=FULL`, SQLite fsyncs the WAL inside every COMMIT.
 * Either way a resolved append survives power loss. Several processes may open the same file,
 * each as its own writer; `busy_timeout` queues their transactions.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AttestError } from '../../core/errors.js';
import type { AuditBackend } from '../audit-backend.js';
import type { Checkpoint, PruneRecord, SegmentLeaf } from '../checkpoint.js';
import { ChainedAuditStore, type ChainedStoreOptions } from '../chained-audit-store.js';
import type { ChainHead, SealedEvent } from '../hash-chain.js';
import { advanceMarker, parseMarker, type IngestMark, type IngestMarker } from '../ingest-marker.js';
import type { LegalHold } from '../retention.js';
import type { EventQuery } from '../store.js';
import type { RawRow } from '../verify.js';
import { WalSyncer } from './_wal-syncer.js';
import { EVENT_COLUMNS, eventValues, laterHead, parseCheckpoint, parseHold, parsePrune, queryWhere, SELECT_ROW, toRawRow, type DbRow } from './_sql-rows.js';

export const DEFAULT_SQLITE_PATH = '.attest/audit.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  writer TEXT NOT NULL,
  idx INTEGER NOT NULL,
  time TEXT NOT NULL,
  type TEXT NOT NULL,
  actor_id TEXT,
  session TEXT,
  request_id TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  doc TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS audit_events_writer_idx ON audit_events (writer, idx);
CREATE INDEX IF NOT EXISTS audit_events_time ON audit_events (time);
CREATE INDEX IF NOT EXISTS audit_events_actor ON audit_events (actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_events_session ON audit_events (session) WHERE session IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_events_request ON audit_events (request_id) WHERE request_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS audit_checkpoints (number INTEGER PRIMARY KEY, to_seq INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_prunes (checkpoint INTEGER PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_holds (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
`;

/** Schema version 2: exactly-once ingest markers (see `ingest-marker.ts`). */
const SCHEMA_V2 = 'CREATE TABLE IF NOT EXISTS audit_ingests (file TEXT PRIMARY KEY, doc TEXT NOT NULL);';

export interface SqliteStoreOptions extends ChainedStoreOptions {
  /** Database file. Default `.attest/audit.db`. */
  readonly path?: string;
  /** Milliseconds to wait for another process's write lock. Default 10000. */
  readonly busyTimeoutMs?: number;
  /** `pipelined` (default) or `full`; both acknowledge only after the WAL is fsynced. */
  readonly durability?: 'pipelined' | 'full';
}

const PAGE = 1000;

/** The SQLite `AuditBackend`. */
export class SqliteAuditBackend implements AuditBackend {
  readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly head: Database.Statement;

  private readonly syncer: WalSyncer | undefined;

  constructor(
    readonly path: string,
    busyTimeoutMs = 10_000,
    durability: 'pipelined' | 'full' = 'pipelined',
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path);
      this.db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
      this.db.pragma('journal_mode = WAL');
      // FULL: SQLite fsyncs the WAL in every COMMIT. NORMAL + WalSyncer: we fsync it after COMMIT,
      // off the main thread, and acknowledge only then. In-memory databases have nothing to sync.
      const pipelined = durability === 'pipelined' && path !== ':memory:';
      this.db.pragma(`synchronous = ${pipelined ? 'NORMAL' : 'FULL'}`);
      this.syncer = pipelined ? new WalSyncer(path) : undefined;
      // Create the schema once (user_version 0 -> 1); never re-run DDL on an existing, possibly
      // tampered database, so `verify` can always open it and report what is wrong.
      const version = this.db.pragma('user_version', { simple: true }) as number;
      const migrate = this.db.transaction(() => {
        if (version === 0) this.db.exec(SCHEMA);
        this.db.exec(SCHEMA_V2);
        this.db.pragma('user_version = 2');
      });
      if (version === 0) migrate.immediate();
      else if (version === 1) {
        // 1 -> 2 only adds the ingest-marker table. On a read-only file it is skipped: reading
        // and verifying still work; only ingest (which writes anyway) needs the table.
        try {
          migrate.immediate();
        } catch (err) {
          if ((err as { code?: string }).code !== 'SQLITE_READONLY') throw err;
        }
      }
    } catch (err) {
      throw new AttestError('STORE', `cannot open audit database: ${(err as Error).message}`, { where: path }, { cause: err });
    }
    this.insert = this.db.prepare(`INSERT INTO audit_events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`);
    this.head = this.db.prepare('SELECT idx, hash FROM audit_events WHERE writer = ? ORDER BY idx DESC LIMIT 1');
  }

  /**
   * The writer's chain head: its highest stored event, or the head the latest checkpoint
   * signed for it when that is further on (its newest events were pruned by retention).
   */
  private readHead(writer: string): ChainHead {
    const r = this.head.get(writer) as { idx: number; hash: string } | undefined;
    const cp = this.db.prepare('SELECT doc FROM audit_checkpoints ORDER BY number DESC LIMIT 1').get() as { doc: string } | undefined;
    return laterHead(r ? { index: r.idx, hash: r.hash } : undefined, cp ? parseCheckpoint(cp.doc).heads[writer] : undefined);
  }

  commitEvents(writer: string, seal: (head: ChainHead) => SealedEvent[], ingest?: { readonly mark: IngestMark; readonly now: string }): Promise<number[]> {
    try {
      const tx = this.db.transaction(() => {
        const seqs = seal(this.readHead(writer)).map((s) => Number(this.insert.run(...eventValues(s)).lastInsertRowid));
        if (ingest) {
          const next = advanceMarker(this.markerSync(ingest.mark.file), ingest.mark, seqs.length, seqs.at(-1), ingest.now);
          this.db.prepare('INSERT INTO audit_ingests (file, doc) VALUES (?, ?) ON CONFLICT (file) DO UPDATE SET doc = excluded.doc').run(next.file, JSON.stringify(next));
        }
        return seqs;
      });
      return Promise.resolve(tx.immediate());
    } catch (err) {
      return Promise.reject(storeError(err, this.path));
    }
  }

  private markerSync(file: string): IngestMarker | undefined {
    const r = this.db.prepare('SELECT doc FROM audit_ingests WHERE file = ?').get(file) as { doc: string } | undefined;
    return r ? parseMarker(r.doc) : undefined;
  }

  ingestMarker(file: string): Promise<IngestMarker | undefined> {
    try {
      return Promise.resolve(this.markerSync(file));
    } catch (err) {
      return Promise.reject(storeError(err, this.path));
    }
  }

  commitCheckpoint(build: (prev: Checkpoint | undefined, leaves: SegmentLeaf[]) => Checkpoint | undefined): Promise<Checkpoint | undefined> {
    try {
      const tx = this.db.transaction(() => {
        const last = this.db.prepare('SELECT doc FROM audit_checkpoints ORDER BY number DESC LIMIT 1').get() as { doc: string } | undefined;
        const prev = last ? parseCheckpoint(last.doc) : undefined;
        const leaves = this.leavesSync(prev?.toSeq ?? 0, Number.MAX_SAFE_INTEGER);
        const cp = build(prev, leaves);
        if (cp) this.db.prepare('INSERT INTO audit_checkpoints (number, to_seq, doc) VALUES (?, ?, ?)').run(cp.number, cp.toSeq, JSON.stringify(cp));
        return cp;
      });
      return Promise.resolve(tx.immediate());
    } catch (err) {
      return Promise.reject(storeError(err, this.path));
    }
  }

  private leavesSync(fromSeq: number, toSeq: number): SegmentLeaf[] {
    const rows = this.db.prepare('SELECT seq, writer, idx, hash FROM audit_events WHERE seq > ? AND seq <= ? ORDER BY seq').all(fromSeq, toSeq) as { seq: number; writer: string; idx: number; hash: string }[];
    return rows.map((r) => ({ seq: r.seq, writer: r.writer, index: r.idx, hash: r.hash }));
  }

  segmentLeaves(fromSeq: number, toSeq: number): Promise<SegmentLeaf[]> {
    return Promise.resolve(this.leavesSync(fromSeq, toSeq));
  }

  queryPage(q: EventQuery, afterSeq: number, limit: number): Promise<RawRow[]> {
    const { where, params } = queryWhere(q, afterSeq, () => '?');
    const rows = this.db.prepare(`SELECT ${SELECT_ROW} FROM audit_events WHERE ${where} ORDER BY seq LIMIT ?`).all(...params, limit) as DbRow[];
    return Promise.resolve(rows.map(toRawRow));
  }

  getRow(id: string): Promise<RawRow | undefined> {
    const r = this.db.prepare(`SELECT ${SELECT_ROW} FROM audit_events WHERE id = ?`).get(id) as DbRow | undefined;
    return Promise.resolve(r && toRawRow(r));
  }

  lastSeq(): Promise<number> {
    const r = this.db.prepare('SELECT MAX(seq) AS m FROM audit_events').get() as { m: number | null };
    return Promise.resolve(r.m ?? 0);
  }

  checkpoints(): Promise<Checkpoint[]> {
    const rows = this.db.prepare('SELECT doc FROM audit_checkpoints ORDER BY number').all() as { doc: string }[];
    return Promise.resolve(rows.map((r) => parseCheckpoint(r.doc)));
  }

  prunes(): Promise<PruneRecord[]> {
    const rows = this.db.prepare('SELECT doc FROM audit_prunes ORDER BY checkpoint').all() as { doc: string }[];
    return Promise.resolve(rows.map((r) => parsePrune(r.doc)));
  }

  async *scan(afterSeq: number, toSeq: number = Number.MAX_SAFE_INTEGER): AsyncIterable<RawRow> {
    const stmt = this.db.prepare(`SELECT ${SELECT_ROW} FROM audit_events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ${PAGE}`);
    let after = afterSeq;
    for (;;) {
      const rows = stmt.all(after, toSeq) as DbRow[];
      for (const r of rows) yield toRawRow(r);
      if (rows.length < PAGE) return;
      after = Number(rows[rows.length - 1]!.seq);
    }
  }

  locate(writer: string, index: number): Promise<{ seq: number; id: string } | undefined> {
    const r = this.db.prepare('SELECT seq, id FROM audit_events WHERE writer = ? AND idx = ? ORDER BY seq LIMIT 1').get(writer, index) as { seq: number; id: string } | undefined;
    return Promise.resolve(r);
  }

  seqBounds(since?: string, until?: string): Promise<{ first?: number; last?: number }> {
    const out: { first?: number; last?: number } = {};
    if (since !== undefined) {
      const r = this.db.prepare('SELECT MIN(seq) AS s FROM audit_events WHERE time >= ?').get(new Date(since).toISOString()) as { s: number | null };
      if (r.s !== null) out.first = r.s;
    }
    if (until !== undefined) {
      const r = this.db.prepare('SELECT MAX(seq) AS s FROM audit_events WHERE time < ?').get(new Date(until).toISOString()) as { s: number | null };
      if (r.s !== null) out.last = r.s;
    }
    return Promise.resolve(out);
  }

  pruneSegment(record: PruneRecord): Promise<number> {
    try {
      const tx = this.db.transaction(() => {
        const n = this.db.prepare('DELETE FROM audit_events WHERE seq > ? AND seq <= ?').run(record.fromSeq, record.toSeq).changes;
        this.db.prepare('INSERT INTO audit_prunes (checkpoint, doc) VALUES (?, ?)').run(record.checkpoint, JSON.stringify(record));
        return n;
      });
      return Promise.resolve(tx.immediate());
    } catch (err) {
      return Promise.reject(storeError(err, this.path));
    }
  }

  addHold(hold: LegalHold): Promise<void> {
    this.db.prepare('INSERT INTO audit_holds (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc').run(hold.id, JSON.stringify(hold));
    return Promise.resolve();
  }

  removeHold(id: string): Promise<boolean> {
    return Promise.resolve(this.db.prepare('DELETE FROM audit_holds WHERE id = ?').run(id).changes > 0);
  }

  holds(): Promise<LegalHold[]> {
    const rows = this.db.prepare('SELECT doc FROM audit_holds ORDER BY id').all() as { doc: string }[];
    return Promise.resolve(rows.map((r) => parseHold(r.doc)));
  }

  durable(): Promise<void> {
    return this.syncer ? this.syncer.sync().catch((err: unknown) => Promise.reject(storeError(err, `${this.path}-wal`))) : Promise.resolve();
  }

  async close(): Promise<void> {
    await this.syncer?.close();
    if (this.db.open) this.db.close();
  }
}

function storeError(err: unknown, where: string): AttestError {
  if (err instanceof AttestError) return err;
  return new AttestError('STORE', `audit database: ${(err as Error).message}`, { where }, { cause: err });
}

/**
 * The SQLite audit store.
 * @example
 * const store = new SqliteAuditStore({ path: '.attest/audit.db', signer });
 * await store.append({ type: 'key.use', data: { keyId: 'k1', outcome: 'ok' } });
 * await store.close();
 */
export class SqliteAuditStore extends ChainedAuditStore {
  readonly sqlite: SqliteAuditBackend;

  constructor(opts: SqliteStoreOptions = {}) {
    const backend = new SqliteAuditBackend(opts.path ?? DEFAULT_SQLITE_PATH, opts.busyTimeoutMs, opts.durability);
    super(backend, opts);
    this.sqlite = backend;
  }
}
