import { augmentIndirect, payloadPool } from '../../src/guard/injection/payload-augment.js';
import { mulberry32 } from '../../src/core/seeded-random.js';
import { extraOrigin, sourceRepo, type GuardRow } from './guard-jsonl.js';

/**
 * Split the extra benign corpus into clean negatives and injection carriers: every third row of each
 * origin is a carrier (it appears only with a payload planted in it), the rest stay clean. Carriers and
 * clean rows are disjoint, as in the shared data.
 */
export function splitCarriers(extra: readonly GuardRow[]): { negatives: GuardRow[]; carriers: GuardRow[] } {
  const negatives: GuardRow[] = [];
  const carriers: GuardRow[] = [];
  const seen = new Map<string, number>();
  for (const r of extra) {
    const origin = extraOrigin(r.source);
    const k = seen.get(origin) ?? 0;
    seen.set(origin, k + 1);
    (k % 3 === 2 ? carriers : negatives).push(r);
  }
  return { negatives, carriers };
}

/**
 * The CV / LOSO group of a row. Shared-data benign and indirect rows group by source repo (a document
 * source is held out whole, with the pages used as carriers); extra rows group by origin (all npm
 * READMEs together, all Debian docs together), so a fold measures FPR on a document style it has not seen.
 */
export function groupKey(row: GuardRow, extra: boolean): string {
  if (extra) return extraOrigin(row.source);
  return row.label === 0 || row.kind === 'indirect' ? sourceRepo(row.source) : `${sourceRepo(row.source)}|${row.kind}`;
}

/**
 * Indirect positives for one training run: payloads from `trainRows` (training rows of the fold only:
 * the caller must never pass dev or held-out rows) planted into `carriers` (seeded).
 */
export function augmentedPositives(trainRows: readonly GuardRow[], carriers: readonly GuardRow[], seed: number): GuardRow[] {
  return augmentIndirect(carriers, payloadPool(trainRows), mulberry32(seed)).map((r) => ({ ...r, line: 0 }));
}
