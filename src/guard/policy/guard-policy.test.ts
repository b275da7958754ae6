import { describe, expect, it } from 'vitest';
import { DETECTOR_NAMES } from '../detection.js';
import { SCHEMA_DETECTOR_KEYS } from '../policy-schema.js';
import { matchRoute, parseGuardConfig, resolveDetector, resolveLists, type GuardConfig } from './guard-policy.js';

const config: GuardConfig = {
  canaries: ['ACME-CONFIDENTIAL-*'],
  allow: { domains: ['acme.io'], tools: ['search'] },
  detectors: { pii: { action: 'alert' }, payload: { targets: ['markdown', 'html'] } },
  routes: {
    support: { detectors: { pii: { action: 'block', ip: 'off' } }, allow: { domains: ['help.acme.io'] }, canaries: ['tok_1'] },
    'internal/*': { detectors: { injection: { enabled: false } } },
    'internal/admin*': { detectors: { secrets: { stages: ['output', 'input'] } } },
  },
};

describe('guard policy', () => {
  it('schema and detector names agree', () => {
    expect([...SCHEMA_DETECTOR_KEYS].sort()).toEqual([...DETECTOR_NAMES].sort());
  });

  it('built-in defaults: injection blocks input, alerts on output; sensitive detectors redact output only', () => {
    expect(resolveDetector({}, 'injection', 'input')).toEqual({ action: 'block' });
    expect(resolveDetector({}, 'injection', 'output')).toEqual({ action: 'alert' });
    expect(resolveDetector({}, 'pii', 'output')).toMatchObject({ action: 'redact', ip: 'all' });
    expect(resolveDetector({}, 'pii', 'input')).toBeUndefined();
    expect(resolveDetector({}, 'secrets', 'tool-result')).toEqual({ action: 'redact' });
  });

  it('route overrides top level overrides defaults', () => {
    expect(resolveDetector(config, 'pii', 'output')).toMatchObject({ action: 'alert' });
    expect(resolveDetector(config, 'pii', 'output', 'support')).toMatchObject({ action: 'block', ip: 'off' });
    expect(resolveDetector(config, 'payload', 'output')).toMatchObject({ targets: ['markdown', 'html'] });
  });

  it('routes match exactly, else by the longest prefix*', () => {
    expect(matchRoute(config, 'support')).toBe(config.routes?.support);
    expect(matchRoute(config, 'support/x')).toBeUndefined();
    expect(resolveDetector(config, 'injection', 'input', 'internal/reports')).toBeUndefined();
    expect(resolveDetector(config, 'secrets', 'input', 'internal/admin/users')).toEqual({ action: 'redact' });
    // the longer prefix wins, so internal/admin* does not inherit internal/*'s injection switch-off
    expect(resolveDetector(config, 'injection', 'input', 'internal/admin/users')).toEqual({ action: 'block' });
  });

  it('per-stage action maps', () => {
    const c: GuardConfig = { detectors: { injection: { action: { retrieved: 'alert' } } } };
    expect(resolveDetector(c, 'injection', 'retrieved')?.action).toBe('alert');
    expect(resolveDetector(c, 'injection', 'input')?.action).toBe('block');
  });

  it('route lists add to the top-level lists', () => {
    expect(resolveLists(config, 'support')).toEqual({ domains: ['acme.io', 'help.acme.io'], tools: ['search'], canaries: ['ACME-CONFIDENTIAL-*', 'tok_1'] });
    expect(resolveLists({})).toEqual({ canaries: [] });
  });

  it('parseGuardConfig accepts the documented example and undefined', () => {
    expect(parseGuardConfig(config)).toEqual({ ok: true, config });
    expect(parseGuardConfig(undefined)).toEqual({ ok: true, config: {} });
  });

  it('parseGuardConfig names the path of each problem', () => {
    const r = parseGuardConfig({ detectors: { pii: { action: 'blok' }, secretz: {} }, routes: { a: { detectors: { payload: { targets: ['xml'] } } } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
    expect(byPath['/detectors']).toMatch(/unknown key "secretz"/);
    expect(byPath['/detectors/pii/action']).toMatch(/allow, alert, redact, block/);
    expect(byPath['/routes/a/detectors/payload/targets/0']).toMatch(/html/);
  });

  it('parseGuardConfig rejects allow-list domains a URL parser cannot read', () => {
    const r = parseGuardConfig({ allow: { domains: ['ok.example', 'exa mple.com'] }, routes: { 'v1/chat': { allow: { domains: ['a b'] } } } });
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: '/allow/domains/1', message: 'invalid allow-list domain "exa mple.com"' },
        { path: '/routes/v1~1chat/allow/domains/0', message: 'invalid allow-list domain "a b"' },
      ],
    });
  });
});
