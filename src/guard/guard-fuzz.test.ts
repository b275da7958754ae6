import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOutputFollowedUntrusted } from './integrity/canary-instruction.js';
import { spotlight } from './integrity/spotlight.js';
import type { GuardConfig } from './policy/guard-policy.js';
import { scan } from './scan.js';
import { CanaryMatcher } from './sensitive/canary-matcher.js';
import { redact } from './sensitive/redact.js';
import { findSensitive } from './sensitive/sensitive-scanner.js';
import { findExfiltration } from './validate/exfiltration-finder.js';
import { validateStructuredOutput } from './validate/json-schema-validator.js';
import { findPayloads, PAYLOAD_TARGETS } from './validate/payload-rules.js';
import { compileDomainAllowList } from './validate/url-allowlist.js';

/** Fragments that start many rules' matches, so repeated they stress backtracking. */
const ADVERSARIAL = [
  'a', '0', ' ', 'sk-', 'sk-ant-api03-', 'AKIA', 'eyJ', 'eyJhbGciOiJIUzI1NiJ9.', '@a.', 'a@', 'a.b@c', '+1 ', '1 ', '1-', '4111 ',
  'GB00', 'AB 12 ', '-----BEGIN RSA PRIVATE KEY-----\nAAAA', 'postgres://a:', '://a:b', '![a](https://e/?q=', '[a]: ', '<img src=',
  '<a ', '<x on', '<a href="&#', 'UNION ', '; ', 'DELETE FROM t ', '$(', '`', ':', '::1:', '1.1.', 'f:', '1 Main Street, ', 'ACME-',
  'ignore previous instructions ', 'aws secret = ', 'AccountKey=', 'xoxb-1', '"private_key_id": "', '](', ']:', '\u200b', 'é',
];

const allow = compileDomainAllowList(['acme.io', '*.cdn.acme.io']);
const canaries = new CanaryMatcher(['ACME-CONFIDENTIAL-*', 'tok_1234', 'aaaa', 'a']);
const policy: GuardConfig = {
  canaries: ['ACME-*', 'aaa'],
  allow: { domains: ['acme.io'], tools: ['search'] },
  detectors: { payload: { targets: [...PAYLOAD_TARGETS] }, secrets: { stages: ['input', 'retrieved', 'tool-result', 'output'] } },
};

/** Every detector on one text; returns nothing, must not throw. */
function runAll(text: string): void {
  const s = findSensitive(text, { canaries });
  redact(text, s);
  findSensitive(text, { ip: 'public', piiTypes: ['email', 'phone'] });
  findExfiltration(text, allow);
  findExfiltration(text, undefined);
  findPayloads(text, PAYLOAD_TARGETS);
  validateStructuredOutput(text, { type: 'object' });
  checkOutputFollowedUntrusted(text, 'CNRY-ABCDEF');
  spotlight(text, { mode: 'datamark', marker: '^' });
}

const fragment = fc.oneof(fc.constantFrom(...ADVERSARIAL), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }));
const adversarialText = fc.array(fragment, { maxLength: 300 }).map((xs) => xs.join(''));

describe('fuzz: detectors never throw', () => {
  it('random and adversarial strings through every detector and scan()', () => {
    fc.assert(
      fc.property(fc.oneof(adversarialText, fc.string({ unit: 'binary', maxLength: 2000 })), fc.constantFrom('input', 'retrieved', 'tool-result', 'output' as const), (text, stage) => {
        runAll(text);
        const v = scan({ text, stage }, { policy, schema: { type: 'object' }, toolCalls: ['x'], integrityCanary: 'CNRY-1' });
        expect(v.score).toBeGreaterThanOrEqual(0);
        expect(v.score).toBeLessThanOrEqual(1);
        for (const d of v.detections) for (const sp of d.spans) expect(sp.start >= 0 && sp.end <= text.length && sp.start <= sp.end).toBe(true);
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });
});

function bestOf(runs: number, f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const fill = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/**
 * Per-byte time at `large` over per-byte time at `small`. Re-measured (up to 3 tries, lowest kept)
 * when over the limit, so a load spike on a shared CI core does not read as backtracking.
 */
function linearRatio(f: (text: string) => void, unit: string, small: number, large: number, limit: number): number {
  const s = fill(unit, small);
  const l = fill(unit, large);
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best >= limit; attempt++) {
    const tSmall = Math.max(bestOf(5, () => f(s)), 0.05);
    const tLarge = bestOf(1, () => f(l));
    best = Math.min(best, tLarge / large / (tSmall / small));
  }
  return best;
}

describe('fuzz: time per byte stays linear up to 1 MB', () => {
  // Generous on purpose (no tight timings): quadratic behaviour would be ~100x at 1 MB vs 10 KB.
  const FACTOR = 20;
  const SMALL = 10 * 1024;
  const LARGE = 1024 * 1024;

  it.each(ADVERSARIAL.map((a) => [JSON.stringify(a), a]))('detectors on %s repeated', (_name, unit) => {
    expect(linearRatio(runAll, unit, SMALL, LARGE, FACTOR)).toBeLessThan(FACTOR);
  });

  it.each(['ignore previous instructions ', 'a', 'sk-', '![a](https://e/?q=', '1 ', '<script>', 'a@b.io '].map((a) => [JSON.stringify(a), a]))('scan(output) on %s repeated', (_name, unit) => {
    const run = (text: string): void => void scan({ text, stage: 'output' }, { policy });
    expect(linearRatio(run, unit, SMALL, LARGE, FACTOR)).toBeLessThan(FACTOR);
  });
}, 120_000);
