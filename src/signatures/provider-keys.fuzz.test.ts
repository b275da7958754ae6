import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearityRatio } from '../../test/fixtures/scanner-support/linearity.js';
import { KEY_SAMPLES } from './__fixtures__/key-samples.js';
import { findProviderKeys, isPlaceholderKey } from './provider-keys.js';

/** Adversarial building blocks: key prefixes, markers and near-misses repeated. */
const PIECES = ['sk-', 'sk-proj-', 'T3BlbkFJ', 'sk-ant-api03-', 'AA', 'AIza', 'hf_', 'gsk_', 'bedrock-api-key-', 'ABSK', 'a', '0', '-', '_', '=', ' ', '\n', 'mistral', 'cohere', 'azure_openai', 'deepseek'];


describe('findProviderKeys under random and adversarial input', () => {
  it('never throws and only returns spans that are really in the text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 40 })), { maxLength: 400 }), (parts) => {
        const text = parts.join('');
        for (const m of findProviderKeys(text)) {
          expect(text.slice(m.index, m.index + m.value.length)).toBe(m.value);
          expect(m.redacted.length).toBeLessThan(m.value.length);
        }
        isPlaceholderKey(text);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a planted key whatever surrounds it (separated by a space)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEY_SAMPLES), fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (s, pre, post) => {
        const text = `${pre}\n${s.line(s.key)} \n${post}`;
        expect(findProviderKeys(text).some((m) => m.value === s.key)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('real-looking random keys are never taken for placeholders (fixed seed)', () => {
    const body = (n: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'), minLength: n, maxLength: n });
    fc.assert(
      fc.property(body(74), body(74), (a, b) => {
        const key = `sk-proj-${a}T3BlbkFJ${b}`;
        expect(isPlaceholderKey(key, { path: 'src/app.ts' })).toBe(false);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('scales roughly linearly on 1 MB adversarial strings (loose 20x bound per byte)', () => {
    const adversarial = [
      (n: number) => 'sk-'.repeat(Math.ceil(n / 3)).slice(0, n),
      (n: number) => ('sk-proj-' + 'A'.repeat(90) + 'T3BlbkFJ').repeat(Math.ceil(n / 106)).slice(0, n),
      (n: number) => ('mistral ' + 'aB3'.repeat(11) + ' ').repeat(Math.ceil(n / 42)).slice(0, n),
      (n: number) => ('bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t' + 'A'.repeat(3000) + '_').repeat(Math.ceil(n / 3046)).slice(0, n),
      (n: number) => 'a1'.repeat(Math.ceil(n / 2)).slice(0, n),
    ];
    for (const [i, make] of adversarial.entries()) expect(linearityRatio((s) => findProviderKeys(s), make), `input ${i}`).toBeLessThan(20);
  });
});
