import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from './redact.js';

describe('redact', () => {
  it('replaces spans and leaves the rest intact', () => {
    expect(redact('key AAAA and BBBB end', [{ start: 4, end: 8, type: 'openai_key' }, { start: 13, end: 17, type: 'email' }])).toBe(
      'key [REDACTED:openai_key] and [REDACTED:email] end',
    );
  });
  it('merges overlapping and touching spans, keeping the longest part’s type', () => {
    expect(redact('0123456789', [{ start: 2, end: 5, type: 'a' }, { start: 4, end: 9, type: 'b' }, { start: 9, end: 10, type: 'c' }])).toBe('01[REDACTED:b]');
  });
  it('ignores empty and out-of-range spans', () => {
    expect(redact('abc', [{ start: 1, end: 1, type: 'x' }, { start: 5, end: 9, type: 'y' }])).toBe('abc');
  });
  it('property: no character inside a span survives, every character outside does', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), fc.array(fc.tuple(fc.nat(200), fc.nat(50)), { maxLength: 8 }), (raw, pairs) => {
        const text = raw.replace(/[[\]]/g, '_');
        const spans = pairs.map(([s, l]) => ({ start: s % text.length, end: Math.min(text.length, (s % text.length) + l), type: 't' }));
        const out = redact(text, spans);
        const covered = new Set<number>();
        for (const s of spans) for (let i = s.start; i < s.end; i++) covered.add(i);
        const kept = [...text].filter((_, i) => !covered.has(i)).join('');
        expect(out.replace(/\[REDACTED:t\]/g, '')).toBe(kept);
      }),
    );
  });
});
