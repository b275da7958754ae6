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

/** Seal a run of inputs onto a chain head, in order. Returns the sealed events and the new head. */
export function sealEvents(inputs: readonly AuditEventInput[], ctx: SealContext): { sealed: SealedEvent[]; head: ChainHead } {
  let { nextIndex, prevHash } = ctx.head;
  const sealed: SealedEvent[] = [];
  for (const input of inputs) {
    const body = {
      ...input,
      v: EVENT_SCHEMA_VERSION,
      id: ctx.newId(),
      time: input.time ?? ctx.now,
      writer: ctx.writer,
      index: nextIndex,
      prevHash,
    };
    const doc = canonicalJson(body);
    const hash = sha256Hex(doc);
    // `body` is ours (fresh above): add the hash in place rather than copying it again.
    sealed.push({ event: Object.assign(body, { hash }) as Omit<StoredEvent, 'seq'>, doc, hash });
    prevHash = hash;
    nextIndex++;
  }
  return { sealed, head: { nextIndex, prevHash } };
}
