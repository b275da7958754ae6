/**
 * The per-writer hash chain. Each event's `hash` is SHA-256 over the canonical JSON of the
 * event without `hash` and `seq` — which includes `prevHash`, `writer` and `index`, so an
 * event cannot be edited, moved to another position or another chain without breaking it.
 */
import { sha256Hex } from './_sha256.js';
import { canonicalJson } from './canonical-json.js';
import { EVENT_SCHEMA_VERSION, type AuditEventInput, type StoredEvent } from './event.js';

/** `prevHash` of the first event in every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** A writer's chain head: the next index to use and the hash to link to. */
export interface ChainHead {
  readonly nextIndex: number;
  readonly prevHash: string;
}

export const EMPTY_HEAD: ChainHead = { nextIndex: 0, prevHash: GENESIS_HASH };

/** An event sealed into a chain, before the store assigns `seq`. */
export interface SealedEvent {
  /** The event without `seq` (it has `hash`). */
  readonly event: Omit<StoredEvent, 'seq'>;
  /** Canonical JSON the hash was computed over (the event without `hash` and `seq`). */
  readonly doc: string;
  readonly hash: string;
}

export interface SealContext {
  readonly writer: string;
  readonly head: ChainHead;
  /** ISO time used when the input carries none. */
  readonly now: string;
  readonly newId: () => string;
}

/** The hashed body of a stored event: everything but `hash` and `seq`. */
export function hashedBody(e: Omit<StoredEvent, 'seq' | 'hash'> | StoredEvent): Record<string, unknown> {
  const { seq: _seq, hash: _hash, ...rest } = e as StoredEvent;
  return rest;
}

/** Recompute an event's hash from its fields. */
export function computeEventHash(e: Omit<StoredEvent, 'seq' | 'hash'> | StoredEvent): string {
  return sha256Hex(canonicalJson(hashedBody(e)));
}

/** Keys of the hashed body, in canonical (sorted) order; all plain identifiers. */
const BODY_KEYS = ['actor', 'data', 'id', 'index', 'prevHash', 'requestId', 'session', 'source', 'time', 'type', 'v', 'writer'] as const;

/**
 * Canonical JSON of a hashed body: the same bytes as `canonicalJson(body)` for a body with
 * only BODY_KEYS (tested), without sorting the top-level keys for every event.
 */
function canonicalBody(b: Readonly<Record<(typeof BODY_KEYS)[number], unknown>>): string {
  let out = '{';
  for (const k of BODY_KEYS) {
    const v = b[k];
    if (v === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}"${k}":${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/**
 * Seal a run of inputs onto a chain head, in order. Returns the sealed events and the new head.
 * Only the fields of `AuditEventInput` are kept; unknown extra properties are dropped.
 */
export function sealEvents(inputs: readonly AuditEventInput[], ctx: SealContext): { sealed: SealedEvent[]; head: ChainHead } {
  let { nextIndex, prevHash } = ctx.head;
  const sealed: SealedEvent[] = [];
  for (const input of inputs) {
    const body = {
      actor: input.actor,
      data: input.data,
      id: ctx.newId(),
      index: nextIndex,
      prevHash,
      requestId: input.requestId,
      session: input.session,
      source: input.source,
      time: input.time ?? ctx.now,
      type: input.type,
      v: EVENT_SCHEMA_VERSION,
      writer: ctx.writer,
    };
    const doc = canonicalBody(body);
    const hash = sha256Hex(doc);
    const event: Record<string, unknown> = { v: body.v, id: body.id, time: body.time, writer: body.writer, index: body.index, prevHash, type: body.type, data: body.data, hash };
    if (body.actor !== undefined) event.actor = body.actor;
    if (body.session !== undefined) event.session = body.session;
    if (body.requestId !== undefined) event.requestId = body.requestId;
    if (body.source !== undefined) event.source = body.source;
    sealed.push({ event: event as Omit<StoredEvent, 'seq'>, doc, hash });
    prevHash = hash;
    nextIndex++;
  }
  return { sealed, head: { nextIndex, prevHash } };
}
