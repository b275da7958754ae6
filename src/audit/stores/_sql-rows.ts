/** Row mapping shared by the SQL backends. */
import type { Checkpoint, PruneRecord, WriterHead } from '../checkpoint.js';
import { EMPTY_HEAD, type ChainHead, type SealedEvent } from '../hash-chain.js';
import type { LegalHold } from '../retention.js';
import type { EventQuery } from '../store.js';
import type { RawRow } from '../verify.js';

/** Columns in insert order (seq is assigned by the database). */
export const EVENT_COLUMNS = ['id', 'writer', 'idx', 'time', 'type', 'actor_id', 'session', 'request_id', 'prev_hash', 'hash', 'doc'] as const;

/** The column values of a sealed event, in EVENT_COLUMNS order. */
export function eventValues(s: SealedEvent): (string | number | null)[] {
  const e = s.event;
  return [e.id, e.writer, e.index, e.time, e.type, e.actor?.id ?? null, e.session ?? null, e.requestId ?? null, e.prevHash, s.hash, s.doc];
}

export const SELECT_ROW = 'seq, id, writer, idx, time, type, actor_id, session, request_id, prev_hash, hash, doc';

export interface DbRow {
  seq: number | string;
  id: string;
  writer: string;
  idx: number | string;
  time: string;
  type: string;
  actor_id: string | null;
  session: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
  doc: string;
}

export function toRawRow(r: DbRow): RawRow {
  return {
    seq: Number(r.seq),
    id: r.id,
    writer: r.writer,
    idx: Number(r.idx),
    time: r.time,
    type: r.type,
    actorId: r.actor_id,
    session: r.session,
    requestId: r.request_id,
    prevHash: r.prev_hash,
    hash: r.hash,
    doc: r.doc,
  };
}

/** WHERE clause and parameters for a query page; `ph(n)` renders the n-th placeholder (1-based). */
export function queryWhere(q: EventQuery, afterSeq: number, ph: (n: number) => string): { where: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, v: unknown): void => {
    params.push(v);
    conds.push(sql(ph(params.length)));
  };
  add((p) => `seq > ${p}`, afterSeq);
  if (q.since !== undefined) add((p) => `time >= ${p}`, new Date(q.since).toISOString());
  if (q.until !== undefined) add((p) => `time < ${p}`, new Date(q.until).toISOString());
  if (q.actor !== undefined) add((p) => `actor_id = ${p}`, q.actor);
  if (q.session !== undefined) add((p) => `session = ${p}`, q.session);
  if (q.requestId !== undefined) add((p) => `request_id = ${p}`, q.requestId);
  if (q.types !== undefined) {
    if (q.types.length === 0) conds.push('1 = 0');
    else {
      const ps = q.types.map((t) => {
        params.push(t);
        return ph(params.length);
      });
      conds.push(`type IN (${ps.join(', ')})`);
    }
  }
  return { where: conds.join(' AND '), params };
}

export const parseCheckpoint = (doc: string): Checkpoint => JSON.parse(doc) as Checkpoint;
export const parsePrune = (doc: string): PruneRecord => JSON.parse(doc) as PruneRecord;
export const parseHold = (doc: string): LegalHold => JSON.parse(doc) as LegalHold;

/** The further of a writer's stored head and its head in the latest checkpoint, as a ChainHead. */
export function laterHead(stored: WriterHead | undefined, signed: WriterHead | undefined): ChainHead {
  const h = stored && signed ? (stored.index >= signed.index ? stored : signed) : (stored ?? signed);
  return h ? { nextIndex: h.index + 1, prevHash: h.hash } : EMPTY_HEAD;
}
