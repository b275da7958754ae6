/** An in-memory `VerifySource` over rows built with the real sealing code (fast property tests). */
import { buildCheckpoint, type Checkpoint, type PruneRecord } from '../checkpoint.js';
import type { AuditEventInput } from '../event.js';
import { EMPTY_HEAD, sealEvents, type ChainHead } from '../hash-chain.js';
import type { Signer } from '../signed-statement.js';
import type { RawRow, VerifySource } from '../verify.js';

export class MemorySource implements VerifySource {
  rows: RawRow[] = [];
  cps: Checkpoint[] = [];
  prunesList: PruneRecord[] = [];
  private heads = new Map<string, ChainHead>();
  private n = 0;

  append(writer: string, inputs: AuditEventInput[], time = '2026-01-01T00:00:00.000Z'): void {
    const { sealed, head } = sealEvents(inputs, { writer, head: this.heads.get(writer) ?? EMPTY_HEAD, now: time, newId: () => `id-${++this.n}` });
    this.heads.set(writer, head);
    for (const s of sealed) {
      const e = s.event;
      const seq = (this.rows.at(-1)?.seq ?? 0) + 1;
      this.rows.push({ seq, id: e.id, writer, idx: e.index, time: e.time, type: e.type, actorId: e.actor?.id ?? null, session: e.session ?? null, requestId: e.requestId ?? null, prevHash: e.prevHash, hash: s.hash, doc: s.doc });
    }
  }

  checkpoint(signer: Signer): void {
    const prev = this.cps.at(-1);
    const leaves = this.rows.filter((r) => r.seq > (prev?.toSeq ?? 0)).map((r) => ({ seq: r.seq, writer: r.writer, index: r.idx, hash: r.hash }));
    this.cps.push(buildCheckpoint(prev, leaves, signer, '2026-01-01T00:00:00.000Z'));
  }

  checkpoints(): Promise<Checkpoint[]> {
    return Promise.resolve(this.cps.map((c) => structuredClone(c)));
  }
  prunes(): Promise<PruneRecord[]> {
    return Promise.resolve(this.prunesList);
  }
  async *scan(afterSeq: number, toSeq = Number.MAX_SAFE_INTEGER): AsyncIterable<RawRow> {
    for (const r of [...this.rows].sort((a, b) => a.seq - b.seq)) if (r.seq > afterSeq && r.seq <= toSeq) yield r;
  }
  locate(writer: string, index: number): Promise<{ seq: number; id: string } | undefined> {
    const r = this.rows.filter((x) => x.writer === writer && x.idx === index).sort((a, b) => a.seq - b.seq)[0];
    return Promise.resolve(r && { seq: r.seq, id: r.id });
  }
  seqBounds(since?: string, until?: string): Promise<{ first?: number; last?: number }> {
    const out: { first?: number; last?: number } = {};
    const a = since === undefined ? [] : this.rows.filter((r) => r.time >= since);
    const b = until === undefined ? [] : this.rows.filter((r) => r.time < until);
    if (a.length) out.first = Math.min(...a.map((r) => r.seq));
    if (b.length) out.last = Math.max(...b.map((r) => r.seq));
    return Promise.resolve(out);
  }
}
