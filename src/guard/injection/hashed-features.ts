/**
 * Feature hashing shared by training and inference, so both see exactly the same features:
 * character 3–5-grams and word uni/bi/tri-grams of the folded text, hashed into 2^bits signed buckets.
 */

/**
 * Relative weight of the character n-gram group against the word group (both L2-ish normalised). 0.5 (was 1)
 * with word trigrams: chosen on source-grouped CV and LOSO of train (docs/guard-injection.md change log).
 */
export const CHAR_GROUP_SCALE = 0.5;
export const CHAR_NGRAM_MIN = 3;
export const CHAR_NGRAM_MAX = 5;
const CHAR_SEED = 0x811c9dc5;
const WORD_SEED = 0x9e3779b9;
const BIGRAM_SEED = 0x85ebca6b;
const TRIGRAM_SEED = 0xc2b2ae35;
/** Word trigrams in the word group (on in the shipped model; the model JSON records its feature set). */
export const WORD_TRIGRAMS = true;

/** MurmurHash3 finaliser: spreads FNV state over all bits. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Receives one hashed feature occurrence at a position of the folded text. */
export type FeatureSink = (bucket: number, sign: 1 | -1, group: 0 | 1, pos: number) => void;

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;

/**
 * Visit every hashed feature of `text` (already folded). Group 0 = character n-grams
 * (whitespace collapsed to one space), group 1 = word unigrams, bigrams and (WORD_TRIGRAMS) trigrams.
 */
export function visitFeatures(text: string, bits: number, sink: FeatureSink): void {
  const mask = (1 << bits) - 1;
  const n = text.length;
  for (let p = 0; p < n; p++) {
    let h = CHAR_SEED;
    for (let k = 0; k < CHAR_NGRAM_MAX && p + k < n; k++) {
      let c = text.charCodeAt(p + k);
      if (c === 10) c = 32;
      h = Math.imul(h ^ c, 0x01000193);
      if (k + 1 >= CHAR_NGRAM_MIN) {
        const f = fmix(h ^ (k + 1));
        sink(f & mask, f & 0x80000000 ? -1 : 1, 0, p);
      }
    }
  }
  let prev = 0;
  let hasPrev = false;
  let prev2 = 0;
  let hasPrev2 = false;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordCode(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 10) hasPrev = hasPrev2 = false;
      i++;
    }
    const s = i;
    let h = WORD_SEED;
    while (i < n && isWordCode(text.charCodeAt(i))) {
      if (i - s < 40) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      i++;
    }
    if (i === s) break;
    const uni = fmix(h);
    sink(uni & mask, uni & 0x80000000 ? -1 : 1, 1, s);
    if (hasPrev) {
      const bi = fmix(Math.imul(prev, 31) ^ uni ^ BIGRAM_SEED);
      sink(bi & mask, bi & 0x80000000 ? -1 : 1, 1, s);
      if (WORD_TRIGRAMS && hasPrev2) {
        const tri = fmix(Math.imul(prev2, 961) ^ Math.imul(prev, 31) ^ uni ^ TRIGRAM_SEED);
        sink(tri & mask, tri & 0x80000000 ? -1 : 1, 1, s);
      }
    }
    prev2 = prev;
    hasPrev2 = hasPrev;
    prev = uni;
    hasPrev = true;
  }
}

/** Sparse feature vector of a whole text: value = Σ signs / sqrt(occurrences in its group). */
export function sparseFeatures(text: string, bits: number): { index: Int32Array; value: Float32Array } {
  const acc = new Map<number, number>();
  const counts = [0, 0];
  const raw: [number, number, number][] = [];
  visitFeatures(text, bits, (bucket, sign, group) => {
    counts[group]!++;
    raw.push([bucket, sign, group]);
  });
  const norm = [CHAR_GROUP_SCALE / Math.sqrt(Math.max(1, counts[0]!)), 1 / Math.sqrt(Math.max(1, counts[1]!))];
  for (const [bucket, sign, group] of raw) acc.set(bucket, (acc.get(bucket) ?? 0) + sign * norm[group]!);
  const index = new Int32Array(acc.size);
  const value = new Float32Array(acc.size);
  let k = 0;
  for (const [b, v] of [...acc.entries()].sort((x, y) => x[0] - y[0])) {
    index[k] = b;
    value[k++] = v;
  }
  return { index, value };
}

/** Largest input whose prefix buffers are kept between calls (bigger ones are allocated and dropped). */
const SCRATCH_MAX = 1 << 16;
let scratch: Float64Array[] = [];

/**
 * Four prefix buffers of at least `size` entries. Reused across calls for ordinary inputs to keep
 * garbage (and so GC pauses in the latency tail) down; every entry read is written first.
 * Callers must finish with the buffers before the next call (analyzeText does: recursion into decoded
 * segments happens before its own prefix pass).
 */
function scratchArrays(size: number): [Float64Array, Float64Array, Float64Array, Float64Array] {
  if (size > SCRATCH_MAX) return [new Float64Array(size), new Float64Array(size), new Float64Array(size), new Float64Array(size)];
  if ((scratch[0]?.length ?? 0) < size) {
    const cap = Math.min(SCRATCH_MAX, Math.max(size, 4096));
    scratch = [new Float64Array(cap), new Float64Array(cap), new Float64Array(cap), new Float64Array(cap)];
  }
  return scratch as [Float64Array, Float64Array, Float64Array, Float64Array];
}

/** Prefix sums of signed weight contributions per position: what inference needs to score any window in O(1). */
export interface ContributionPrefix {
  /** charSum[i] = Σ contributions of char n-grams starting before i. */
  readonly charSum: Float64Array;
  readonly charCnt: Float64Array;
  readonly wordSum: Float64Array;
  readonly wordCnt: Float64Array;
}

/**
 * Same features as `visitFeatures`, accumulated straight into prefix arrays (no callback, no
 * allocation per feature). `hashed-features.test.ts` checks the two agree.
 */
export function contributionPrefix(text: string, bits: number, weights: Float32Array | Int8Array): ContributionPrefix {
  const mask = (1 << bits) - 1;
  const n = text.length;
  const [charSum, charCnt, wordSum, wordCnt] = scratchArrays(n + 1);
  charSum[0] = 0;
  charCnt[0] = 0;
  wordSum[0] = 0;
  wordCnt[0] = 0;
  for (let p = 0; p < n; p++) {
    let h = CHAR_SEED;
    let s = 0;
    let c = 0;
    for (let k = 0; k < CHAR_NGRAM_MAX && p + k < n; k++) {
      let code = text.charCodeAt(p + k);
      if (code === 10) code = 32;
      h = Math.imul(h ^ code, 0x01000193);
      if (k + 1 >= CHAR_NGRAM_MIN) {
        const f = fmix(h ^ (k + 1));
        const w = weights[f & mask] as number;
        s += f & 0x80000000 ? -w : w;
        c++;
      }
    }
    charSum[p + 1] = (charSum[p] as number) + s;
    charCnt[p + 1] = (charCnt[p] as number) + c;
  }
  let prev = 0;
  let hasPrev = false;
  let prev2 = 0;
  let hasPrev2 = false;
  let i = 0;
  let filled = 0;
  while (i < n) {
    while (i < n && !isWordCode(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 10) hasPrev = hasPrev2 = false;
      i++;
    }
    const s = i;
    let h = WORD_SEED;
    while (i < n && isWordCode(text.charCodeAt(i))) {
      if (i - s < 40) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      i++;
    }
    if (i === s) break;
    for (; filled < s; filled++) {
      wordSum[filled + 1] = wordSum[filled] as number;
      wordCnt[filled + 1] = wordCnt[filled] as number;
    }
    const uni = fmix(h);
    const wu = weights[uni & mask] as number;
    let sum = uni & 0x80000000 ? -wu : wu;
    let cnt = 1;
    if (hasPrev) {
      const bi = fmix(Math.imul(prev, 31) ^ uni ^ BIGRAM_SEED);
      const wb = weights[bi & mask] as number;
      sum += bi & 0x80000000 ? -wb : wb;
      cnt++;
      if (WORD_TRIGRAMS && hasPrev2) {
        const tri = fmix(Math.imul(prev2, 961) ^ Math.imul(prev, 31) ^ uni ^ TRIGRAM_SEED);
        const wt = weights[tri & mask] as number;
        sum += tri & 0x80000000 ? -wt : wt;
        cnt++;
      }
    }
    wordSum[s + 1] = (wordSum[s] as number) + sum;
    wordCnt[s + 1] = (wordCnt[s] as number) + cnt;
    filled = s + 1;
    prev2 = prev;
    hasPrev2 = hasPrev;
    prev = uni;
    hasPrev = true;
  }
  for (; filled < n; filled++) {
    wordSum[filled + 1] = wordSum[filled] as number;
    wordCnt[filled + 1] = wordCnt[filled] as number;
  }
  return { charSum, charCnt, wordSum, wordCnt };
}
