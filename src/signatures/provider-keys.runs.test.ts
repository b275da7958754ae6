import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_SAMPLES } from './__fixtures__/key-samples.js';
import { findProviderKeys, hasKeyRun, keyRuns, MIN_KEY_LENGTH, PROVIDER_KEY_RULES, type ProviderKeyRule } from './provider-keys.js';

/**
 * The search as it was before the key-run prefilter: every rule's global regex over the whole
 * text, gated by its keywords. findProviderKeys must return exactly what this returns.
 */
function reference(text: string): Array<{ id: string; index: number; value: string }> {
  const out: Array<{ rule: ProviderKeyRule; index: number; value: string }> = [];
  const claimed = new Uint8Array(text.length);
  for (const rule of PROVIDER_KEY_RULES) {
    if (rule.keywords && !rule.keywords.some((k) => text.includes(k))) continue;
    const g = new RegExp(rule.pattern.source, 'g');
    for (let m = g.exec(text); m !== null; m = g.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (claimed.subarray(start, end).includes(1)) continue;
      if (rule.context) {
        const lineStart = text.lastIndexOf('\n', start) + 1;
        let to = text.indexOf('\n', end);
        if (to === -1 || to > end + 80) to = Math.min(text.length, end + 80);
        if (!rule.context.test(`${text.slice(Math.max(lineStart, start - 160), start)} ${text.slice(end, to)}`)) continue;
      }
      if (rule.validate && !rule.validate(m[0])) continue;
      claimed.fill(1, start, end);
      out.push({ rule, index: start, value: m[0] });
    }
  }
  return out.sort((a, b) => a.index - b.index).map((m) => ({ id: m.rule.id, index: m.index, value: m.value }));
}
const actual = (text: string) => findProviderKeys(text).map((m) => ({ id: m.rule.id, index: m.index, value: m.value }));

const SEPARATORS = [' ', '\n', '"', "'", ':', '.', ',', '(', ')', '{', '}', ';', '\t', '=', '/', '+', '-', '_', 'é', '\u2028'];
const WORDS = ['mistral', 'MISTRAL_API_KEY', 'cohere', 'CO_API_KEY', 'azure_openai', 'openai.azure.com', 'together', 'deepseek', 'api_key', 'token', 'sk-', 'hf_', 'key'];

describe('key-run prefilter', () => {
  it('every sample key is one run of key characters, at least MIN_KEY_LENGTH long', () => {
    for (const s of KEY_SAMPLES) expect(keyRuns(` ${s.key} `), s.id).toEqual([1, 1 + s.key.length]);
    expect(Math.min(...KEY_SAMPLES.map((s) => s.key.length))).toBeGreaterThanOrEqual(MIN_KEY_LENGTH);
  });

  it('keyRuns finds exactly the maximal runs of at least the minimum length', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...SEPARATORS), fc.stringMatching(/^[A-Za-z0-9_=+/-]{0,45}$/)), { maxLength: 60 }), fc.integer({ min: 1, max: 30 }), (parts, min) => {
        const text = parts.join('');
        const expected: number[] = [];
        for (const m of text.matchAll(/[A-Za-z0-9_=+/-]+/g)) if (m[0].length >= min) expected.push(m.index, m.index + m[0].length);
        expect(keyRuns(text, min)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('hasKeyRun over UTF-8 bytes agrees with keyRuns over the decoded text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...SEPARATORS, 'ü', '€', '😀', '\u00ff'), fc.stringMatching(/^[A-Za-z0-9_=+/-]{0,30}$/)), { maxLength: 60 }), fc.integer({ min: 1, max: 25 }), (parts, min) => {
        const text = parts.join('');
        expect(hasKeyRun(new TextEncoder().encode(text), min)).toBe(keyRuns(text, min).length > 0);
      }),
      { numRuns: 800 },
    );
  });

  it('findProviderKeys returns what a whole-text scan returns (keys, near-misses and context words mixed)', () => {
    const piece = fc.oneof(
      fc.constantFrom(...KEY_SAMPLES.map((s) => s.key)),
      fc.constantFrom(...KEY_SAMPLES.map((s) => s.line(s.key))),
      fc.constantFrom(...KEY_SAMPLES.map((s) => s.key.slice(0, s.key.length - 3))),
      fc.constantFrom(...WORDS),
      fc.constantFrom(...SEPARATORS),
      fc.stringMatching(/^[a-f0-9]{30,66}$/),
      fc.stringMatching(/^[A-Za-z0-9]{30,42}$/),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(actual(text)).toEqual(reference(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('finds each sample in a line of prose and in a large prose file', () => {
    const prose = 'the order customer invoice payment shipping refund account status update '.repeat(2000);
    for (const s of KEY_SAMPLES) {
      const text = `${prose}\n${s.line(s.key)}\n${prose}`;
      expect(actual(text), s.id).toEqual(reference(text));
      expect(actual(text).some((m) => m.value === s.key), s.id).toBe(true);
    }
  });
});
