/**
 * Feature hashing shared by training and inference, so both see exactly the same features:
 * character 3–5-grams and word uni/bi-grams of the folded text, hashed into 2^bits signed buckets.
 */

export const CHAR_NGRAM_MIN = 3;
export const CHAR_NGRAM_MAX = 5;
const CHAR_SEED = 0x811c9dc5;
const WORD_SEED = 0x9e3779b9;
const BIGRAM_SEED = 0x85ebca6b;

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
 * (whitespace collapsed to one space), group 1 = word unigrams and bigrams.
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
  let i = 0;
  while (i < n) {
    while (i < n && !isWordCode(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 10) hasPrev = false;
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
    }
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
  const norm = [1 / Math.sqrt(Math.max(1, counts[0]!)), 1 / Math.sqrt(Math.max(1, counts[1]!))];
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
