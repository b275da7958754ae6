// The `incidents:` section: validated by the real attest.yaml loader (located problems), and
// applied to the built-in rules so a changed threshold, window or severity changes what fires.
import { describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../event.js';
import { formatProblem } from '../../config/config-problem.js';
import { parseConfig } from '../../config/load-config.js';
import { applyIncidentsConfig, blastRadiusDefaults, durationMs, type IncidentsConfig } from './config-schema.js';
import { DEFAULT_RULES } from './default-rules.js';
import { RuleEngine } from './rule-engine.js';
import { at, seal, user } from './__fixtures__/trail.js';

const lines = (text: string): string[] => parseConfig(text).problems.map((p) => formatProblem('attest.yaml', p));
const section = (text: string): IncidentsConfig => {
  const r = parseConfig(text);
  expect(r.problems).toEqual([]);
  return r.config?.incidents as IncidentsConfig;
};
const fired = (cfg: IncidentsConfig | undefined, inputs: AuditEventInput[]): string[] => {
  const engine = new RuleEngine(applyIncidentsConfig(DEFAULT_RULES, cfg));
  return seal(inputs).flatMap((e) => engine.feed(e)).map((c) => `${c.ruleId}:${c.severity}`);
};

const bob = user('bob');
// 3 x 60k input tokens in 20 minutes: under the built-in 500k/h, over a 150k/30m override.
const burst: AuditEventInput[] = [0, 10, 20].map((min) => ({ time: at(min), actor: bob, requestId: `r${min}`, type: 'model.request', data: { provider: 'openai', model: 'gpt-4o', inputTokens: 60_000 } }));
// A jailbreak alert answered 3 minutes later: fires with the built-in 10 min, not with `within: 2m`.
const jailbreak: AuditEventInput[] = [
  { time: at(0), actor: bob, requestId: 'j1', type: 'guard.verdict', data: { detector: 'injection', action: 'alert', stage: 'input', categories: ['jailbreak'] } },
  { time: at(3), actor: bob, requestId: 'j1', type: 'model.response', data: { provider: 'openai', model: 'gpt-4o' } },
];
const revoked: AuditEventInput[] = [{ time: at(1), actor: bob, type: 'key.use', data: { keyId: 'k9', outcome: 'revoked' } }];

describe('attest.yaml incidents:', () => {
  it('a lower threshold and a shorter window change what the token-burst rule opens', () => {
    expect(fired(undefined, burst)).toEqual([]);
    const cfg = section('incidents:\n  rules:\n    token-burst:\n      atLeast: 150000\n      window: 30m\n      severity: high\n');
    expect(fired(cfg, burst)).toEqual(['token-burst:high']);
    // Same threshold, but a 5-minute window never holds more than one 60k request.
    expect(fired(section('incidents:\n  rules:\n    token-burst: {atLeast: 150000, window: 5m}\n'), burst)).toEqual([]);
  });

  it('a sequence window override and disabling rules by id (list or enabled: false)', () => {
    expect(fired(undefined, jailbreak)).toEqual(['jailbreak-answered:high']);
    expect(fired(section('incidents:\n  rules:\n    jailbreak-answered: {within: 2m}\n'), jailbreak)).toEqual([]);
    expect(fired(undefined, revoked)).toEqual(['revoked-key-used:high']);
    expect(fired(section('incidents:\n  disable: [revoked-key-used]\n'), revoked)).toEqual([]);
    expect(fired(section('incidents:\n  rules:\n    revoked-key-used: {enabled: false}\n'), [...revoked, ...jailbreak])).toEqual(['jailbreak-answered:high']);
    expect(fired(section('incidents:\n  rules:\n    revoked-key-used: {severity: critical}\n'), revoked)).toEqual(['revoked-key-used:critical']);
  });

  it('blast-radius defaults and durations', () => {
    expect(blastRadiusDefaults(section('incidents:\n  blastRadius: {window: 12h, hops: 3, via: [session, actor]}\n'))).toEqual({ windowMs: 12 * 3_600_000, hops: 3, via: ['session', 'actor'] });
    expect(blastRadiusDefaults(undefined)).toEqual({});
    expect(durationMs(90_000, 'x')).toBe(90_000);
    expect(durationMs('2d', 'x')).toBe(172_800_000);
    expect(() => durationMs('0m', 'incidents.rules.x.within')).toThrow(/not a positive duration/);
  });

  it('rejects unknown rule ids, settings the rule kind lacks and wrong types, each on its line', () => {
    const text = [
      'incidents:',
      '  disable: [token-brust]',
      '  rules:',
      '    token-burst:',
      '      atLeast: lots',
      '      within: 5m',
      '    jailbreak-answerd: {within: 5m}',
      '    revoked-key-used: {severity: urgent}',
      '  blastRadius:',
      '    window: a day',
      '    via: [session, tenant]',
      '  colour: red',
    ].join('\n');
    const out = lines(text);
    expect(out[0]).toMatch(/^attest\.yaml:2:13: incidents\.disable\[0\]: expected one of jailbreak-answered, .*token-burst, rate-limit-storm, got "token-brust"$/);
    expect(out.slice(1)).toEqual([
      'attest.yaml:5:16: incidents.rules.token-burst.atLeast: expected number, got "lots"',
      'attest.yaml:6:7: incidents.rules.token-burst.within: unknown key',
      'attest.yaml:7:5: incidents.rules.jailbreak-answerd: unknown incident rule id (did you mean "jailbreak-answered"?)',
      'attest.yaml:8:34: incidents.rules.revoked-key-used.severity: expected one of critical, high, medium, low, got "urgent"',
      'attest.yaml:10:13: incidents.blastRadius.window: has the wrong format, got "a day"',
      'attest.yaml:11:20: incidents.blastRadius.via[1]: expected one of session, request, actor, key, got "tenant"',
      'attest.yaml:12:3: incidents.colour: unknown key',
    ]);
    expect(() => applyIncidentsConfig(DEFAULT_RULES, { disable: ['nope'] })).toThrow(/unknown incident rule "nope"/);
    // A zero duration is caught by the loader, with its line, not later.
    expect(lines('incidents:\n  rules:\n    jailbreak-answered: {within: 0m}\n')).toEqual(['attest.yaml:3:34: incidents.rules.jailbreak-answered.within: has the wrong format, got "0m"']);
  });
});
