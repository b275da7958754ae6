import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem } from './config-problem.js';
import { parseConfig } from './load-config.js';

const lines = (text: string): string[] => parseConfig(text).problems.map((p) => formatProblem('attest.yaml', p));

describe('parseConfig', () => {
  it('accepts a valid file, with numeric choices written as YAML numbers', () => {
    const { config, problems } = parseConfig(
      'answers:\n  ai_acceptable_use_policy: true\n  key_rotation_days: 90\nguard: {}\nvendors:\n  - name: openai\n    kind: model-provider\n    answers:\n      dpa_signed: true\n',
    );
    expect(problems).toEqual([]);
    expect(config?.answers).toEqual({ ai_acceptable_use_policy: true, key_rotation_days: 90 });
    expect(config?.vendors?.[0]).toEqual({ name: 'openai', kind: 'model-provider', answers: { dpa_signed: true } });
  });

  it('treats an empty file or empty sections as no answers', () => {
    expect(parseConfig('').config).toEqual({ answers: {} });
    expect(parseConfig('answers:\n').config).toEqual({ answers: {} });
  });

  it('reports one located line per problem: wrong type, unknown question, bad choice, unknown section', () => {
    const text = [
      '# comment',
      'answers:',
      '  ai_incident_response_procedure: "yes please"',
      '  ai_acceptible_use_policy: true',
      '  key_rotation_days: weekly',
      'vendors:',
      '  - name: openai',
      '    kind: model-vendor',
      '    answers:',
      '      trains_on_data: false',
      'colour: red',
    ].join('\n');
    expect(lines(text)).toEqual([
      'attest.yaml:3:35: answers.ai_incident_response_procedure: expected boolean, got "yes please"',
      'attest.yaml:4:3: answers.ai_acceptible_use_policy: unknown question (did you mean "ai_acceptable_use_policy"?)',
      'attest.yaml:5:22: answers.key_rotation_days: expected one of 30, 90, 180, 365, never, got "weekly"',
      'attest.yaml:8:11: vendors[0].kind: expected one of model-provider, data-provider, mcp-server, plugin, got "model-vendor"',
      'attest.yaml:10:7: vendors[0].answers.trains_on_data: unknown vendor question',
      'attest.yaml:11:1: colour: unknown section (expected one of answers, guard, audit, export, incidents, vendors)',
    ]);
    expect(parseConfig(text).config).toBeUndefined();
  });

  it('reports bad YAML and duplicate keys with their line', () => {
    expect(lines('answers:\n  ai_acceptable_use_policy: true\n  x: [1, 2\n')[0]).toMatch(/^attest\.yaml:\d+:\d+: bad YAML: /);
    expect(lines('answers:\n  ai_acceptable_use_policy: true\n  ai_acceptable_use_policy: false\n')).toEqual([
      'attest.yaml:3:3: bad YAML: Map keys must be unique',
    ]);
  });

  it('never echoes something that looks like a provider key', () => {
    const key = `sk-proj-${'A1b2C3d4E5'.repeat(4)}`;
    const out = lines(`answers:\n  ai_acceptable_use_policy: ${key}\n`).join('\n');
    expect(out).toContain('expected boolean, got a string of');
    expect(out).not.toContain(key.slice(0, 14));
  });

  it('fuzz: any text gives either a config or located problems, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parseConfig(text);
        expect(r.config !== undefined || r.problems.length > 0).toBe(true);
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.message).not.toContain('\n');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fuzz: yaml-ish answers maps are validated key by key', () => {
    const keyArb = fc.constantFrom('ai_acceptable_use_policy', 'key_rotation_days', 'nonsense', 'ai_pentest_last_12_months');
    const valArb = fc.constantFrom('true', 'false', '90', '"maybe"', 'never', '[1]', '{a: 1}', '');
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(keyArb, valArb), { selector: ([k]) => k, maxLength: 4 }), (pairs) => {
        const text = `answers:\n${pairs.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
        const r = parseConfig(text);
        const bad = r.problems.length > 0;
        expect(bad).toBe(r.config === undefined);
        for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseConfig: the guard and audit sections use their owners\' schemas', () => {
  it('reports guard and audit problems with lines, one per problem, never echoing URL credentials', () => {
    const text = [
      'guard:',
      '  detectors:',
      '    injection:',
      '      action: sometimes',
      '    bogus: {}',
      'audit:',
      '  store: mysql',
      '  url: mysql://admin:hunter2@db',
    ].join('\n');
    const out = lines(text);
    expect(out).toEqual([
      'attest.yaml:4:15: guard.detectors.injection.action: does not match any allowed form, got "sometimes"',
      'attest.yaml:5:5: guard.detectors.bogus: unknown key',
      'attest.yaml:7:10: audit.store: expected one of sqlite, postgres, got "mysql"',
      'attest.yaml:8:8: audit.url: has the wrong format, got a URL with credentials (not shown)',
    ]);
    expect(out.join('\n')).not.toContain('hunter2');
  });

  it('accepts valid sections and treats empty ones as absent', () => {
    const ok = parseConfig('guard:\n  detectors:\n    pii: {enabled: false}\naudit:\n  retentionDays: 400\n');
    expect(ok.problems).toEqual([]);
    expect(ok.config).toEqual({ answers: {}, guard: { detectors: { pii: { enabled: false } } }, audit: { retentionDays: 400 } });
    expect(parseConfig('guard:\naudit:\n').config).toEqual({ answers: {} });
  });
});

describe('parseConfig: empty values', () => {
  it('an uncommented template line with no value is unanswered, not an error', () => {
    const r = parseConfig('answers:\n  ai_acceptable_use_policy:\n  key_rotation_days:\n  ai_pentest_last_12_months: true\nvendors:\n  - name: x\n    kind: plugin\n    answers:\n      mcp_auth_required:\n');
    expect(r.problems).toEqual([]);
    expect(r.config?.answers).toEqual({ ai_pentest_last_12_months: true });
    expect(r.config?.vendors).toEqual([{ name: 'x', kind: 'plugin', answers: {} }]);
  });
});
