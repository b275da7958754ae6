import { trainingFeatures } from './analyze-text.js';
import { DENSE_FEATURE_NAMES } from './dense-features.js';
import { sparseFeatures } from './hashed-features.js';
import type { InjectionModel } from './injection-model.js';

/** A labelled text, as in the shared guard data (`label` 1 = injection/jailbreak). */
export interface LabelledText {
  readonly text: string;
  readonly label: 0 | 1;
}

/** A text turned into features once, reused across folds. */
export interface PreparedRow {
  readonly index: Int32Array;
  readonly value: Float32Array;
  readonly dense: Float64Array;
  readonly label: 0 | 1;
}

/** Hyper-parameters; the defaults are what `npm run train:guard` ships. */
export interface TrainOptions {
  readonly bits: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { bits: 18, epochs: 12, learningRate: 0.3, l2: 1e-6, seed: 20260401 };

/** Deterministic PRNG (mulberry32) so shuffles, splits and weights reproduce exactly. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle with a seeded PRNG. */
export function shuffleInPlace<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Extract hashed and dense features for each row. */
export function prepareRows(rows: readonly LabelledText[], bits: number): PreparedRow[] {
  return rows.map((row) => {
    const { folded, dense } = trainingFeatures(row.text, bits);
    const { index, value } = sparseFeatures(folded, bits);
    return { index, value, dense, label: row.label };
  });
}

/**
 * Logistic regression by AdaGrad SGD with L2, over hashed + dense features.
 * Deterministic for a given seed and row order.
 */
export function trainLogistic(rows: readonly PreparedRow[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS): InjectionModel {
  const size = 1 << options.bits;
  const nd = DENSE_FEATURE_NAMES.length;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size);
  const dw = new Float64Array(nd);
  const dg2 = new Float64Array(nd);
  let bias = 0;
  let bg2 = 0;
  const rand = mulberry32(options.seed);
  const order = rows.map((_, i) => i);
  const { learningRate: lr, l2 } = options;
  const eps = 1e-8;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const r of order) {
      const row = rows[r] as PreparedRow;
      let z = bias;
      for (let k = 0; k < row.index.length; k++) z += (w[row.index[k] as number] as number) * (row.value[k] as number);
      for (let k = 0; k < nd; k++) z += (dw[k] as number) * (row.dense[k] as number);
      const p = 1 / (1 + Math.exp(-z));
      const g = p - row.label;
      for (let k = 0; k < row.index.length; k++) {
        const j = row.index[k] as number;
        const gj = g * (row.value[k] as number) + l2 * (w[j] as number);
        g2[j]! += gj * gj;
        w[j]! -= (lr * gj) / Math.sqrt((g2[j] as number) + eps);
      }
      for (let k = 0; k < nd; k++) {
        const x = row.dense[k] as number;
        if (x === 0) continue;
        const gj = g * x + l2 * (dw[k] as number);
        dg2[k]! += gj * gj;
        dw[k]! -= (lr * gj) / Math.sqrt((dg2[k] as number) + eps);
      }
      bg2 += g * g;
      bias -= (lr * g) / Math.sqrt(bg2 + eps);
    }
  }
  return { bits: options.bits, bias, weights: Float32Array.from(w), dense: [...dw], threshold: 0.5 };
}
