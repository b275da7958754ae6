import { MAX_MATCHES, type SensitiveMatch } from './sensitive-match.js';

/**
 * A customer-registered canary token or internal document signature.
 * `prefix: true` matches the value followed by a token (`ACME-CONFIDENTIAL-` matches `ACME-CONFIDENTIAL-Q3-PLAN`).
 */
export interface CanarySpec {
  readonly value: string;
  readonly prefix?: boolean;
  /** Shown in detections instead of the value (canaries are secrets too). */
  readonly label?: string;
}

/** Accepts `"tok_123"` (exact) or `"ACME-CONFIDENTIAL-*"` (prefix) strings as well as specs. */
export function toCanarySpec(entry: string | CanarySpec): CanarySpec {
  if (typeof entry !== 'string') return entry;
  return entry.endsWith('*') && entry.length > 1 ? { value: entry.slice(0, -1), prefix: true } : { value: entry };
}

interface Node {
  readonly next: Map<number, number>;
  fail: number;
  /** Indexes of specs ending here (own and via fail links). */
  out: number[];
}

const TOKEN_TAIL_MAX = 128;

function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95 || c === 46;
}

/**
 * Aho–Corasick over the registered canaries: one pass over the text whatever the number of
 * canaries, so registering hundreds of document signatures costs nothing per extra entry.
 * @example
 * new CanaryMatcher(['ACME-CONFIDENTIAL-*', 'tok_9f8e']).find('see ACME-CONFIDENTIAL-Q3')
 */
export class CanaryMatcher {
  readonly specs: readonly CanarySpec[];
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];

  constructor(entries: readonly (string | CanarySpec)[]) {
    this.specs = entries.map(toCanarySpec).filter((s) => s.value.length > 0);
    this.specs.forEach((spec, idx) => {
      let cur = 0;
      for (let i = 0; i < spec.value.length; i++) {
        const c = spec.value.charCodeAt(i);
        let nxt = this.nodes[cur]?.next.get(c);
        if (nxt === undefined) {
          nxt = this.nodes.length;
          this.nodes.push({ next: new Map(), fail: 0, out: [] });
          this.nodes[cur]?.next.set(c, nxt);
        }
        cur = nxt;
      }
      this.nodes[cur]?.out.push(idx);
    });
    this.buildFailLinks();
  }

  private buildFailLinks(): void {
    const queue: number[] = [];
    for (const child of this.nodes[0]?.next.values() ?? []) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi] ?? 0;
      const node = this.nodes[u];
      if (!node) continue;
      for (const [c, v] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]?.next.has(c)) f = this.nodes[f]?.fail ?? 0;
        const target = this.nodes[f]?.next.get(c);
        const vNode = this.nodes[v];
        if (!vNode) continue;
        vNode.fail = target !== undefined && target !== v ? target : 0;
        vNode.out = [...vNode.out, ...(this.nodes[vNode.fail]?.out ?? [])];
        queue.push(v);
      }
    }
  }

  /** Every occurrence, as sensitive matches of type `canary_token` or `document_signature`. */
  find(text: string, out: SensitiveMatch[] = []): SensitiveMatch[] {
    if (this.specs.length === 0) return out;
    let state = 0;
    for (let i = 0; i < text.length && out.length < MAX_MATCHES; i++) {
      const c = text.charCodeAt(i);
      while (state !== 0 && !this.nodes[state]?.next.has(c)) state = this.nodes[state]?.fail ?? 0;
      state = this.nodes[state]?.next.get(c) ?? 0;
      const hits = this.nodes[state]?.out;
      if (!hits || hits.length === 0) continue;
      for (const idx of hits) {
        const spec = this.specs[idx];
        if (!spec) continue;
        const start = i + 1 - spec.value.length;
        let end = i + 1;
        if (spec.prefix) {
          while (end < text.length && end - i <= TOKEN_TAIL_MAX && isTokenChar(text.charCodeAt(end))) end++;
        }
        const type = spec.prefix ? 'document_signature' : 'canary_token';
        out.push({ type, kind: 'canary', start, end, confidence: 1, controlId: 'AI-OUT-02' });
      }
    }
    return out;
  }
}
