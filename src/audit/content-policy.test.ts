import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyContentPolicy, contentBody, defaultRedactor } from './content-policy.js';

describe('content policy', () => {
  it('redacts e-mails, key-like tokens and long digit runs, and leaves the rest', () => {
    expect(defaultRedactor('mail bob@corp.example now')).toBe('mail [EMAIL] now');
    expect(defaultRedactor('key sk-proj-abcdefghijklmnop1234 ok')).toBe('key [SECRET] ok');
    expect(defaultRedactor('card 4111-1111-1111-1111, ssn 123 45 6789; order 12345')).toBe('card [NUMBER], ssn [NUMBER]; order 12345');
    expect(defaultRedactor('  spaced\ttext\n')).toBe('  spaced\ttext\n');
  });

  it('never upgrades a body and keeps the original sha256', () => {
    const body = contentBody('secret 123456789');
    const e = { type: 'model.response' as const, data: { provider: 'p', model: 'm', output: body } };
    expect(applyContentPolicy(e, { mode: 'store' })).toBe(e);
    const hashed = applyContentPolicy(e, { mode: 'hash' });
    expect(hashed.type === 'model.response' && hashed.data.output).toEqual({ mode: 'hash', sha256: body.sha256 });
    const onlyHash = { ...e, data: { ...e.data, output: contentBody('x', 'hash') } };
    const r = applyContentPolicy(onlyHash, { mode: 'redact' });
    expect(r.type === 'model.response' && r.data.output).toEqual({ mode: 'hash', sha256: contentBody('x').sha256 });
  });

  it('redacts in linear time on adversarial input (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', ' ', '-', '@', '.', 'a', 's', 'k') , maxLength: 2000 }), (s) => {
        const out = defaultRedactor(s);
        expect(typeof out).toBe('string');
      }),
      { numRuns: 300 },
    );
    const big = '1 '.repeat(200_000) + '@.'.repeat(100_000);
    // A super-linear scan would not finish this within the test timeout; no timing assertion.
    expect(defaultRedactor(big)).toContain('[NUMBER]');
  });
});
