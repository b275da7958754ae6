import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSamples, SAMPLE_TYPES } from '../../../bench/secrets-corpus.js';
import { CanaryMatcher } from './canary-matcher.js';
import { findSensitive } from './sensitive-scanner.js';

const prose = readFileSync(new URL('./__fixtures__/prose-sample.md', import.meta.url), 'utf8');

describe('findSensitive recall on generated documented formats', () => {
  it.each(SAMPLE_TYPES.map((t) => [t]))('%s: recall >= 0.98 on 60 samples', (type) => {
    const samples = generateSamples(type, 60, 1234);
    const missed = samples.filter((s) => !findSensitive(s.text).some((m) => m.type === type && m.start < s.end && m.end > s.start));
    expect(1 - missed.length / samples.length).toBeGreaterThanOrEqual(0.98);
  });

  it('spans cover the generated value', () => {
    for (const type of ['openai_key', 'credit_card', 'iban', 'email', 'private_key']) {
      for (const s of generateSamples(type, 10, 99)) {
        const m = findSensitive(s.text).find((x) => x.type === type);
        expect(m, `${type} in ${s.text.slice(0, 40)}`).toBeDefined();
        expect(m!.start).toBeLessThanOrEqual(s.start);
        expect(m!.end).toBeGreaterThanOrEqual(s.end);
      }
    }
  });
});

describe('findSensitive precision', () => {
  it('finds nothing in a fixed prose and code sample full of near-misses', () => {
    expect(findSensitive(prose).map((m) => `${m.type}@${m.start}`)).toEqual([]);
  });

  it('rejects checksum-invalid cards, IBANs and SSNs', () => {
    expect(findSensitive('card 4111 1111 1111 1112 here').filter((m) => m.type === 'credit_card')).toEqual([]);
    expect(findSensitive('IBAN DE89 3704 0044 0532 0130 01').filter((m) => m.type === 'iban')).toEqual([]);
    expect(findSensitive('ssn 000-12-3456, 666-12-3456, 912-12-3456, 123-00-4567').filter((m) => m.type === 'us_ssn')).toEqual([]);
    expect(findSensitive('NINO QQ 12 34 56 A and GB123456A').filter((m) => m.type === 'uk_nino')).toEqual([]);
  });

  it('accepts valid ones', () => {
    const types = (t: string): string[] => findSensitive(t).map((m) => m.type);
    expect(types('pay with 4539 1488 0343 6467 today')).toContain('credit_card');
    expect(types('IBAN: GB33 BUKB 2020 1555 5555 55.')).toContain('iban');
    expect(types('SSN 536-22-8765')).toContain('us_ssn');
    expect(types('NI number AB 12 34 56 C')).toContain('uk_nino');
    expect(types('DNI 12345678Z')).toContain('es_dni');
    expect(types('call +44 20 7946 0958 or (415) 555-2671')).toEqual(['phone', 'phone']);
    expect(types('server at 8.8.4.4 and 2001:4860:4860::8888.')).toEqual(['ipv4', 'ipv6']);
    expect(types('ship to 1600 Amphitheatre Parkway, Mountain View, CA 94043 please')).toContain('street_address');
  });

  it('JWTs need a header that decodes to JSON with alg', () => {
    const b = (o: unknown): string => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    const good = `${b({ alg: 'HS256', typ: 'JWT' })}.${b({ sub: '42' })}.c2lnbmF0dXJlLWJ5dGVz`;
    const noAlg = `${b({ typ: 'JWT' })}.${b({ sub: '42' })}.c2lnbmF0dXJlLWJ5dGVz`;
    expect(findSensitive(`token ${good}`).map((m) => m.type)).toEqual(['jwt']);
    expect(findSensitive(`token ${noAlg}`)).toEqual([]);
  });

  it('connection strings: the password is the span, placeholders are not secrets', () => {
    const text = 'use postgres://app:S3cr3tPw9x@db.internal:5432/prod now';
    const [m] = findSensitive(text);
    expect(m?.type).toBe('connection_string');
    expect(text.slice(m!.start, m!.end)).toBe('S3cr3tPw9x');
    expect(findSensitive('redis://:${REDIS_PASSWORD}@cache:6379 and mongodb://user:password@localhost')).toEqual([]);
    expect(findSensitive('redis://:Zq81nB7rTx@cache:6379').map((m) => m.type)).toEqual(['connection_string']);
  });

  it('IP modes: off, public, all', () => {
    const t = 'hosts 10.1.2.3 and 34.117.59.81';
    expect(findSensitive(t, { ip: 'off' })).toEqual([]);
    expect(findSensitive(t, { ip: 'public' }).map((m) => m.type)).toEqual(['ipv4']);
    expect(findSensitive(t, { ip: 'all' }).map((m) => m.type)).toEqual(['ipv4', 'ipv4']);
  });

  it('piiTypes limits what is reported', () => {
    const t = 'mail a.b@acme.io or call +1 415 555 2671';
    expect(findSensitive(t, { piiTypes: ['email'] }).map((m) => m.type)).toEqual(['email']);
  });
});

describe('canaries', () => {
  it('matches exact tokens and prefixes (document signatures) with AI-OUT-02', () => {
    const m = new CanaryMatcher(['tok_9f8e7d', 'ACME-CONFIDENTIAL-*', { value: 'Project Nightjar', label: 'codename' }]);
    const text = 'x tok_9f8e7d y ACME-CONFIDENTIAL-Q3-PLAN. Project Nightjar launches';
    const found = m.find(text);
    expect(found.map((f) => [f.type, text.slice(f.start, f.end), f.controlId])).toEqual([
      ['canary_token', 'tok_9f8e7d', 'AI-OUT-02'],
      ['document_signature', 'ACME-CONFIDENTIAL-Q3-PLAN.', 'AI-OUT-02'],
      ['canary_token', 'Project Nightjar', 'AI-OUT-02'],
    ]);
  });

  it('finds overlapping and nested patterns in one pass (Aho–Corasick fail links)', () => {
    const m = new CanaryMatcher(['he', 'she', 'hers', 'his']);
    const text = 'ushers';
    expect(m.find(text).map((f) => text.slice(f.start, f.end)).sort()).toEqual(['he', 'hers', 'she']);
  });

  it('is found through findSensitive and never reports the value in the match', () => {
    const out = findSensitive('leak: cnry-000111', { canaries: ['cnry-000111'], pii: false, credentials: false });
    expect(out).toHaveLength(1);
    expect(JSON.stringify(out)).not.toContain('cnry-000111');
  });
});
