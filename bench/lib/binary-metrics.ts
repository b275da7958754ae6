/** A prediction for one labelled row. */
export interface Scored {
  readonly label: 0 | 1;
  readonly kind: string;
  readonly flagged: boolean;
}

/** Precision, recall, F1, FPR on benign and benign-hard, recall per positive kind. */
export interface BinaryMetrics {
  readonly n: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly fprBenign: number;
  readonly fprHard: number;
  readonly recallByKind: Record<string, number>;
}

const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);

/** Compute binary metrics; `benign-hard` rows count in FPR-hard, every other negative in FPR-benign. */
export function binaryMetrics(rows: readonly Scored[]): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const neg = { benign: [0, 0], hard: [0, 0] };
  const byKind = new Map<string, [number, number]>();
  for (const r of rows) {
    if (r.label === 1) {
      if (r.flagged) tp++;
      else fn++;
      const k = byKind.get(r.kind) ?? [0, 0];
      k[0] += r.flagged ? 1 : 0;
      k[1] += 1;
      byKind.set(r.kind, k);
    } else {
      if (r.flagged) fp++;
      const bucket = r.kind === 'benign-hard' ? neg.hard : neg.benign;
      bucket[0]! += r.flagged ? 1 : 0;
      bucket[1]! += 1;
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = tp === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const recallByKind: Record<string, number> = {};
  for (const [k, [hit, n]] of [...byKind.entries()].sort()) recallByKind[k] = ratio(hit, n);
  return { n: rows.length, precision, recall, f1, fprBenign: ratio(neg.benign[0]!, neg.benign[1]!), fprHard: ratio(neg.hard[0]!, neg.hard[1]!), recallByKind };
}

/** Format a ratio as a percentage with one decimal, or `n/a`. */
export const pct = (x: number): string => (Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)}%`);
/** Format a ratio with three decimals, or `n/a`. */
export const dec = (x: number): string => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
