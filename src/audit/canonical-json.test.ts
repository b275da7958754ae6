import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops whitespace and undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null, true], c: undefined, b: 'é\n' } })).toBe('{"a":{"b":"é\\n","d":[1,"x",null,true]},"b":1}');
  });

  it('is independent of key insertion order and round-trips through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = canonicalJson(v);
        expect(canonicalJson(JSON.parse(c))).toBe(c);
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          const reversed = Object.fromEntries(Object.entries(v).reverse());
          expect(canonicalJson(reversed)).toBe(c);
        }
      }),
    );
  });

  it('rejects values two implementations could encode differently', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson([undefined])).toThrow(/undefined/);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
  });
});
