import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectInjection, normalizeForDetection } from './index.js';
import type { InjectionResult } from './types.js';

function checkInvariants(text: string, r: InjectionResult): void {
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(1);
  expect(r.flagged).toBe(r.score >= 0.5);
  for (const s of r.spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.start).toBeLessThanOrEqual(s.end);
  }
  if (!r.flagged) expect(r.spans).toEqual([]);
}

const TAG = String.fromCodePoint(0xe0069);
const SNIPPETS = ['ignore ', 'previous ', 'instructions', '![a](http://x/?q=', '](', '&#105;', '%69', '\\x69', '\u200b', TAG, 'i g n o r e ', 'aGVsbG8gd29y', 'dan ', '({[', 'Sure,].[', '\n', ' ', 'vtaber ', '<|im_start|>', 'ｉ', 'а', '1gn0r3'];

describe('fuzz: detectInjection never throws and keeps its invariants', () => {
  it('random strings (full Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        checkInvariants(text, detectInjection(text));
        normalizeForDetection(text);
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('adversarial mixes of attack fragments, encodings and invisible characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SNIPPETS), { maxLength: 200 }), fc.constantFrom<'direct' | 'indirect'>('direct', 'indirect'), (parts, source) => {
        const text = parts.join('');
        checkInvariants(text, detectInjection(text, { source }));
      }),
      { numRuns: 150, seed: 43 },
    );
  });
});

/** Best of `runs` runs, in ms. */
function timeIt(fn: () => void, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('fuzz: time per byte stays linear up to 1 MB (no catastrophic backtracking)', () => {
  // Each pattern targets one scanner: plain text, the phrase matcher, markdown/link exfil, entity and
  // percent decoders, hex lists, base64 runs, invisible/tag stripping, spacing joins, token soup, leet.
  const PATTERNS = [
    'a',
    'ignore previous instructions ',
    '![x](',
    '](http://e/?q=',
    '&#105;&',
    '%4',
    '\\x4',
    'QUJD',
    '\u200b',
    TAG,
    'i ',
    '({[x ',
    '1gn0r3 ',
    'DAN do anything now ',
  ];
  it.each(PATTERNS)('pattern %j', (pattern) => {
    const small = pattern.repeat(Math.ceil(100_000 / pattern.length));
    const large = pattern.repeat(Math.ceil(1_000_000 / pattern.length));
    let r: InjectionResult | undefined;
    const tSmall = timeIt(() => void detectInjection(small), 3);
    const tLarge = timeIt(() => void (r = detectInjection(large)), 2);
    checkInvariants(large, r as InjectionResult);
    // 10x the input: linear work gives ~10x the time, a quadratic scanner ~100x (and minutes at 1 MB).
    // Generous bounds for a shared, noisy machine: ratio under 60 (5 ms floor), under 5 µs per byte.
    expect(tLarge / Math.max(tSmall, 5)).toBeLessThan(60);
    expect(tLarge / large.length).toBeLessThan(0.005);
  });
});
