import { windowInstances } from './analyze-text.js';
import { DENSE_FEATURE_NAMES } from './dense-features.js';
import { sparseFeatures } from './hashed-features.js';
import type { InjectionModel } from './injection-model.js';
import { mulberry32 } from '../../core/seeded-random.js';

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

/** Deterministic PRNG so shuffles, splits and weights reproduce exactly. */
export { mulberry32 };

/** Fisher–Yates shuffle with a seeded PRNG. */
export function shuffleInPlace<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** A text's instances: index 0 is the whole text, the rest are its sliding windows (long texts only). */
export interface PreparedText {
  readonly label: 0 | 1;
  readonly instances: readonly PreparedRow[];
}

/** Extract hashed and dense features for each text and each of its windows. */
export function prepareTexts(rows: readonly LabelledText[], bits: number): PreparedText[] {
  return rows.map((row) => {
    const instances = windowInstances(row.text).map((w) => {
      const { index, value } = sparseFeatures(w.folded, bits);
      return { index, value, dense: w.dense, label: row.label };
    });
    return { label: row.label, instances };
  });
}

function linearScore(model: InjectionModel, row: PreparedRow): number {
  let z = model.bias;
  for (let k = 0; k < row.index.length; k++) z += (model.weights[row.index[k] as number] as number) * model.scale * (row.value[k] as number);
  for (let k = 0; k < row.dense.length; k++) z += (model.dense[k] ?? 0) * (row.dense[k] as number);
  return z;
}

/**
 * Multiple-instance training, matching inference (max over windows): negatives contribute every
 * window (all must score low); a long positive contributes only its highest-scoring window under
 * the previous round's model (the payload, not the benign carrier around it). Round 0 uses whole texts.
 */
export function trainMultiInstance(texts: readonly PreparedText[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS, rounds = 2): InjectionModel {
  let model = trainLogistic(texts.map((t) => t.instances[0] as PreparedRow), options);
  for (let round = 0; round < rounds; round++) {
    const batch: PreparedRow[] = [];
    for (const t of texts) {
      if (t.label === 0 || t.instances.length === 1) {
        batch.push(...t.instances);
        continue;
      }
      let best = t.instances[0] as PreparedRow;
      let bestZ = -Infinity;
      for (const inst of t.instances.slice(1)) {
        const z = linearScore(model, inst);
        if (z > bestZ) {
          bestZ = z;
          best = inst;
        }
      }
      // A payload the previous model cannot find anywhere (p < 0.2) would only teach carrier text as positive.
      if (round === 0 || bestZ > -1.4) batch.push(best);
    }
    model = trainLogistic(batch, options);
  }
  return model;
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
  return { bits: options.bits, bias, weights: Float32Array.from(w), scale: 1, dense: [...dw], threshold: 0.5 };
}
