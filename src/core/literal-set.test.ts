import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLiteralSet } from './literal-set.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
/** Terms over a small alphabet so that overlaps, shared prefixes and suffix-of-other cases are common. */
const term = fc.stringMatching(/^[abcAB_.-]{1,6}$/);
const text = fc.stringMatching(/^[abcAB_.\- é]{0,80}$/);

describe('compileLiteralSet', () => {
  it('test and testString agree with a naive includes() search (random overlapping terms)', () => {
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 12 }), text, (terms, t) => {
        const set = compileLiteralSet(terms);
        const expected = terms.filter((x) => t.includes(x));
        expect(set.testString(t)).toBe(expected.length > 0);
        expect(set.test(enc(t))).toBe(expected.length > 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('firstEnd is the end of the leftmost-ending occurrence', () => {
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 8 }), text, (terms, t) => {
        const bytes = enc(t);
        const ends = terms.flatMap((x) => {
          const b = enc(x);
          const out: number[] = [];
          for (let i = 0; i + b.length <= bytes.length; i++) if (b.every((v, j) => bytes[i + j] === v)) out.push(i + b.length);
          return out;
        });
        expect(compileLiteralSet(terms).firstEnd(bytes)).toBe(ends.length === 0 ? -1 : Math.min(...ends));
      }),
      { numRuns: 1000 },
    );
  });

  it('folds ASCII case when asked, and only then', () => {
    const ci = compileLiteralSet(['api.OpenAI.com', 'x-ai'], { caseInsensitive: true });
    expect(ci.testString('GET https://API.openai.COM/v1')).toBe(true);
    expect(ci.test(enc('host=X-AI'))).toBe(true);
    expect(ci.testString('api.openai.co')).toBe(false);
    const cs = compileLiteralSet(['OpenAI']);
    expect(cs.testString('openai')).toBe(false);
    expect(cs.testString('an OpenAI client')).toBe(true);
  });

  it('respects from/to bounds and never matches non-ASCII code units', () => {
    const set = compileLiteralSet(['abc']);
    const b = enc('xxabcxx');
    expect(set.test(b, 0, 4)).toBe(false);
    expect(set.test(b, 2, 5)).toBe(true);
    expect(set.test(b, 3)).toBe(false);
    expect(compileLiteralSet(['a']).testString('\u0161\u0261')).toBe(false); // low byte 0x61 must not alias 'a'
  });

  it('rejects empty and non-ASCII literals', () => {
    expect(() => compileLiteralSet([''])).toThrow(/empty/);
    expect(() => compileLiteralSet(['café'])).toThrow(/non-ASCII/);
  });
});
