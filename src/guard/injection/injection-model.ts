import { AttestError } from '../../core/errors.js';

/** A linear model over hashed n-gram features plus a few dense features. */
export interface InjectionModel {
  readonly bits: number;
  readonly bias: number;
  /**
   * Hashed weights in units of `scale` (real weight = weights[i] * scale). The shipped model keeps
   * its int8 quantised weights as they are (256 KiB instead of 1 MiB of float32: fewer cache misses
   * in the per-character lookups); a freshly trained model has float weights and scale 1.
   */
  readonly weights: Float32Array | Int8Array;
  readonly scale: number;
  readonly dense: readonly number[];
  /** Raw probability that maps to the calibrated score 0.5. */
  readonly threshold: number;
}

/** On-disk form: hashed weights quantised to int8 and base64-encoded. */
export interface InjectionModelJson {
  readonly format: 'attest-injection-lr/1';
  readonly bits: number;
  readonly bias: number;
  readonly scale: number;
  readonly weights: string;
  readonly dense: readonly number[];
  readonly denseNames: readonly string[];
  readonly threshold: number;
  readonly training?: Record<string, unknown>;
}

/** Decode the shipped JSON (no I/O: the JSON module is imported by the caller). */
export function decodeModel(json: InjectionModelJson): InjectionModel {
  if (json.format !== 'attest-injection-lr/1') throw new AttestError('BAD_INPUT', `unknown injection model format "${String(json.format)}"`, { where: 'injection model' });
  const bin = atob(json.weights);
  const size = 1 << json.bits;
  if (bin.length !== size) throw new AttestError('BAD_INPUT', `injection model has ${bin.length} weights, expected ${size}`, { where: 'injection model' });
  const weights = new Int8Array(size);
  for (let i = 0; i < size; i++) weights[i] = bin.charCodeAt(i);
  return { bits: json.bits, bias: json.bias, weights, scale: json.scale, dense: json.dense, threshold: json.threshold };
}

/** Quantise trained weights to the on-disk form. */
export function encodeModel(model: InjectionModel, denseNames: readonly string[], training: Record<string, unknown>): InjectionModelJson {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w * model.scale));
  const scale = max > 0 ? max / 127 : 1;
  const chars: string[] = new Array<string>(model.weights.length);
  for (let i = 0; i < model.weights.length; i++) {
    const q = Math.max(-127, Math.min(127, Math.round(((model.weights[i] as number) * model.scale) / scale)));
    chars[i] = String.fromCharCode(q < 0 ? q + 256 : q);
  }
  return {
    format: 'attest-injection-lr/1',
    bits: model.bits,
    bias: model.bias,
    scale,
    weights: btoa(chars.join('')),
    dense: [...model.dense],
    denseNames: [...denseNames],
    threshold: model.threshold,
    training,
  };
}

/** Map a raw probability to the calibrated score: `threshold` → 0.5, monotone, 0..1. */
export function calibrate(p: number, threshold: number): number {
  if (p <= threshold) return threshold > 0 ? (0.5 * p) / threshold : 0.5;
  return threshold < 1 ? 0.5 + (0.5 * (p - threshold)) / (1 - threshold) : 1;
}

/** Logistic function. */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
