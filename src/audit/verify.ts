/**
 * Log verification: recomputes every writer's hash chain and every checkpoint, streaming
 * the log in `seq` order one segment (checkpoint) at a time, and stops at the first break.
 * One implementation for every store: stores provide a `VerifySource`.
 */
import type { StoredEvent } from './event.js';
import { sha256Hex } from './_sha256.js';
import { GENESIS_HASH } from './hash-chain.js';
import { leafHash, MerkleAccumulator } from './merkle.js';
import type { Checkpoint, PruneRecord, WriterHead } from './checkpoint.js';
import { checkStatement } from './signed-statement.js';

/** A stored row as the store keeps it: indexed columns plus the hashed document. */
export interface RawRow {
  readonly seq: number;
  readonly id: string;
  readonly writer: string;
  readonly idx: number;
  readonly time: string;
  readonly type: string;
  readonly actorId: string | null;
  readonly session: string | null;
  readonly requestId: string | null;
  readonly prevHash: string;
  readonly hash: string;
  /** Canonical JSON of the event without `hash` and `seq`. */
  readonly doc: string;
}

/** What verification reads from a store. */
export interface VerifySource {
  checkpoints(): Promise<Checkpoint[]>;
  prunes(): Promise<PruneRecord[]>;
  /** Rows with afterSeq < seq (<= toSeq when given), in seq order, streamed. */
  scan(afterSeq: number, toSeq?: number): AsyncIterable<RawRow>;
  /** Where a writer's event with this index is, if anywhere. */
  locate(writer: string, index: number): Promise<{ seq: number; id: string } | undefined>;
  /** First seq with time >= since, last seq with time < until. */
  seqBounds(since?: string, until?: string): Promise<{ first?: number; last?: number }>;
}

export type BreakKind =
  | 'altered'
  | 'column-mismatch'
  | 'chain-break'
  | 'missing'
  | 'reordered'
  | 'inserted'
  | 'checkpoint-signature'
  | 'checkpoint-untrusted-key'
  | 'checkpoint-chain'
  | 'checkpoint-root'
  | 'checkpoint-heads'
  | 'prune-record'
  | 'pruned-segment-not-empty';

export interface EventPosition {
  readonly id: string;
  readonly writer: string;
  readonly index: number;
  readonly seq: number;
}

export interface ChainBreak {
  readonly kind: BreakKind;
  readonly message: string;
  /** The first bad event (for checkpoint-level breaks: the first event of that segment, when any). */
  readonly event?: EventPosition;
  readonly checkpoint?: number;
}

export interface VerifyOptions {
  /** Base64 SPKI public keys trusted to sign checkpoints; empty = self-consistency only. */
  readonly trustedKeys?: readonly string[];
  readonly since?: string;
  readonly until?: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly events: number;
  readonly checkpoints: number;
  readonly prunedSegments: number;
  readonly writers: number;
  /** The seq range covered: (fromSeq, toSeq]. */
  readonly fromSeq: number;
  readonly toSeq: number;
  /** True when checkpoint keys were checked against a trust list. */
  readonly keysTrusted: boolean;
  readonly firstBreak?: ChainBreak;
}

interface WriterState {
  nextIndex: number;
  prevHash: string;
  last?: EventPosition;
}

class Broken extends Error {
  constructor(readonly brk: ChainBreak) {
    super(brk.message);
  }
}

const pos = (r: RawRow): EventPosition => ({ id: r.id, writer: r.writer, index: r.idx, seq: r.seq });
const where = (p: EventPosition): string => `writer ${p.writer} index ${p.index} seq ${p.seq} (id ${p.id})`;

function checkColumns(r: RawRow, e: StoredEvent): string | undefined {
  const actorId = e.actor?.id ?? null;
  const cols: [string, unknown, unknown][] = [
    ['id', r.id, e.id],
    ['writer', r.writer, e.writer],
    ['index', r.idx, e.index],
    ['prevHash', r.prevHash, e.prevHash],
    ['type', r.type, e.type],
    ['time', r.time, e.time],
    ['actor', r.actorId, actorId],
    ['session', r.session, e.session ?? null],
    ['requestId', r.requestId, e.requestId ?? null],
  ];
  const bad = cols.find(([, a, b]) => a !== b);
  return bad?.[0];
}

/** Verify the log (or a time range of it). Never throws for tampering; returns the first break. */
export async function verifyLog(src: VerifySource, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const trusted = opts.trustedKeys ?? [];
  const cps = (await src.checkpoints()).sort((a, b) => a.number - b.number);
  const prunes = new Map((await src.prunes()).map((p) => [p.checkpoint, p]));
  const state = new Map<string, WriterState>();
  let events = 0;
  let cpCount = 0;
  let prunedCount = 0;

  // Range: anchor on the last checkpoint wholly before `since`; stop after the checkpoint covering `until`.
  let startCp = 0;
  let endCp = cps.length;
  let scanTail = true;
  if (opts.since !== undefined || opts.until !== undefined) {
    const { first, last } = await src.seqBounds(opts.since, opts.until);
    if (first !== undefined) while (startCp < cps.length && cps[startCp]!.toSeq < first) startCp++;
    if (opts.since !== undefined && first === undefined) startCp = cps.length;
    if (last !== undefined) {
      const covering = cps.findIndex((c) => c.toSeq >= last);
      if (covering >= 0) {
        endCp = covering + 1;
        scanTail = false;
      }
    } else if (opts.until !== undefined) {
      endCp = startCp;
      scanTail = false;
    }
  }
  const anchor = startCp > 0 ? cps[startCp - 1] : undefined;
  const fromSeq = anchor?.toSeq ?? 0;
  let toSeq = fromSeq;

  const statementBreak = (cp: Checkpoint, prev: Checkpoint | undefined, isAnchor = false): ChainBreak | undefined => {
    const seg = `checkpoint ${cp.number} (seq ${cp.fromSeq + 1}..${cp.toSeq})`;
    const check = checkStatement(cp, trusted);
    if (check === 'untrusted-key') return { kind: 'checkpoint-untrusted-key', message: `${seg} is signed by key ${cp.keyId}, which is not trusted`, checkpoint: cp.number };
    if (check !== 'ok') return { kind: 'checkpoint-signature', message: `${seg}: ${check === 'bad-hash' ? 'its hash does not match its content' : 'signature does not verify'}`, checkpoint: cp.number };
    if (prev && (cp.prevHash !== prev.hash || cp.number !== prev.number + 1 || cp.fromSeq !== prev.toSeq)) {
      return { kind: 'checkpoint-chain', message: `${seg} does not follow checkpoint ${prev.number} (missing or replaced checkpoint)`, checkpoint: cp.number };
    }
    if (!prev && !isAnchor && (cp.prevHash !== GENESIS_HASH || cp.number !== 1 || cp.fromSeq !== 0)) {
      return { kind: 'checkpoint-chain', message: `${seg} is the first checkpoint found but does not start the checkpoint chain (missing checkpoint)`, checkpoint: cp.number };
    }
    return undefined;
  };

  const adoptHeads = (heads: Readonly<Record<string, WriterHead>>): void => {
    state.clear();
    for (const [w, h] of Object.entries(heads)) state.set(w, { nextIndex: h.index + 1, prevHash: h.hash });
  };

  const checkRow = async (r: RawRow): Promise<void> => {
    const p = pos(r);
    if (sha256Hex(r.doc) !== r.hash) throw new Broken({ kind: 'altered', message: `event content does not match its hash at ${where(p)}`, event: p });
    let e: StoredEvent;
    try {
      e = JSON.parse(r.doc) as StoredEvent;
    } catch {
      throw new Broken({ kind: 'altered', message: `event document is not JSON at ${where(p)}`, event: p });
    }
    const col = checkColumns(r, e);
    if (col) throw new Broken({ kind: 'column-mismatch', message: `column ${col} differs from the hashed event at ${where(p)}`, event: p });
    let st = state.get(r.writer);
    if (!st) {
      st = { nextIndex: 0, prevHash: GENESIS_HASH };
      state.set(r.writer, st);
    }
    if (r.idx > st.nextIndex) {
      const missing = await src.locate(r.writer, st.nextIndex);
      if (missing && missing.seq > r.seq) throw new Broken({ kind: 'reordered', message: `out of order: ${where(p)} comes before index ${st.nextIndex} (seq ${missing.seq})`, event: p });
      throw new Broken({ kind: 'missing', message: `event(s) missing: writer ${r.writer} index ${st.nextIndex}${r.idx - 1 > st.nextIndex ? `..${r.idx - 1}` : ''} absent before ${where(p)}`, event: p });
    }
    if (r.idx < st.nextIndex) throw new Broken({ kind: 'inserted', message: `index already used: ${where(p)} repeats a position earlier in the chain`, event: p });
    if (r.prevHash !== st.prevHash) {
      const prevTxt = st.last ? ` (previous: ${where(st.last)})` : '';
      throw new Broken({ kind: 'chain-break', message: `prevHash does not link to the previous event at ${where(p)}${prevTxt}`, event: p });
    }
    st.nextIndex = r.idx + 1;
    st.prevHash = r.hash;
    st.last = p;
  };

  try {
    if (anchor) {
      const b = statementBreak(anchor, undefined, true);
      if (b) throw new Broken(b);
      adoptHeads(anchor.heads);
    }
    let prev = anchor;
    for (let i = startCp; i < endCp; i++) {
      const cp = cps[i]!;
      const prune = prunes.get(cp.number);
      let first: EventPosition | undefined;
      // The statement and its link to the previous checkpoint are checked before its segment's events.
      const sb = statementBreak(cp, prev);
      if (sb) throw new Broken(sb);
      if (prune) {
        for await (const r of src.scan(cp.fromSeq, cp.toSeq)) {
          throw new Broken({ kind: 'pruned-segment-not-empty', message: `segment of checkpoint ${cp.number} was pruned but still holds ${where(pos(r))}`, event: pos(r), checkpoint: cp.number });
        }
        const pc = checkStatement(prune, trusted);
        if (pc !== 'ok' || prune.checkpointHash !== cp.hash || prune.merkleRoot !== cp.merkleRoot || prune.fromSeq !== cp.fromSeq || prune.toSeq !== cp.toSeq) {
          throw new Broken({ kind: 'prune-record', message: `prune record for checkpoint ${cp.number} is invalid (${pc === 'ok' ? 'does not match the checkpoint' : pc})`, checkpoint: cp.number });
        }
        adoptHeads(cp.heads);
        prunedCount++;
      } else {
        const acc = new MerkleAccumulator();
        for await (const r of src.scan(cp.fromSeq, cp.toSeq)) {
          first ??= pos(r);
          await checkRow(r);
          acc.push(leafHash(r.hash, r.seq));
          events++;
        }
        const at = first ? { event: first } : {};
        if (acc.root() !== cp.merkleRoot || acc.size !== cp.treeSize) {
          throw new Broken({ kind: 'checkpoint-root', message: `checkpoint ${cp.number}: the ${acc.size} events in seq ${cp.fromSeq + 1}..${cp.toSeq} do not match its Merkle root (${cp.treeSize} events signed)`, checkpoint: cp.number, ...at });
        }
        const bad = headsDiffer(state, cp.heads);
        if (bad) throw new Broken({ kind: 'checkpoint-heads', message: `checkpoint ${cp.number}: writer ${bad} chain head differs from the signed head`, checkpoint: cp.number, ...at });
      }
      cpCount++;
      prev = cp;
      toSeq = cp.toSeq;
    }
    if (scanTail) {
      const after = endCp > 0 ? cps[endCp - 1]!.toSeq : 0;
      for await (const r of src.scan(Math.max(after, fromSeq))) {
        await checkRow(r);
        events++;
        toSeq = r.seq;
      }
    }
  } catch (err) {
    if (!(err instanceof Broken)) throw err;
    return { ok: false, events, checkpoints: cpCount, prunedSegments: prunedCount, writers: state.size, fromSeq, toSeq, keysTrusted: trusted.length > 0, firstBreak: err.brk };
  }
  return { ok: true, events, checkpoints: cpCount, prunedSegments: prunedCount, writers: state.size, fromSeq, toSeq, keysTrusted: trusted.length > 0 };
}

function headsDiffer(state: Map<string, WriterState>, heads: Readonly<Record<string, WriterHead>>): string | undefined {
  const seen = new Set<string>();
  for (const [w, st] of state) {
    if (st.nextIndex === 0) continue;
    seen.add(w);
    const h = heads[w];
    if (!h || h.index !== st.nextIndex - 1 || h.hash !== st.prevHash) return w;
  }
  return Object.keys(heads).find((w) => !seen.has(w));
}
