import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildSarif, renderSarif } from './sarif-findings.js';
import { sampleResult } from './__fixtures__/discover-result.js';

// The SARIF 2.1.0 JSON schema (draft-04, 2.1.0-rtm.5), as vendored by Microsoft's @microsoft/jest-sarif (MIT).
// unicodeRegExp off: the schema's `language` pattern is not valid under the u flag (a stray bracket).
const require = createRequire(import.meta.url);
// Both are CommonJS; under NodeNext the default import is the module object.
type AjvLike = { compile(schema: object): ValidateFunction };
const Ajv = ((AjvDraft04Module as unknown as { default?: unknown }).default ?? AjvDraft04Module) as new (opts: object) => AjvLike;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: AjvLike) => AjvLike;
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
}

describe('SARIF findings', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const validate = validator();
    const ok = validate(JSON.parse(renderSarif(sampleResult())));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is real: a result with a bad level is rejected', () => {
    const validate = validator();
    const log = buildSarif(sampleResult()) as unknown as { runs: { results: { level: string }[] }[] };
    (log.runs[0]?.results[0] as { level: string }).level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('has one rule per finding rule with control and framework ids, and results with physical locations', () => {
    const result = sampleResult();
    const log = buildSarif(result);
    const run = log.runs[0];
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id).sort()).toEqual([...new Set(result.findings.map((f) => f.rule))].sort());
    const key = rules.find((r) => r.id === 'hardcoded-key');
    expect(key?.properties?.controlId).toBe('AI-KEY-01');
    expect(key?.properties?.tags).toEqual(expect.arrayContaining(['AI-KEY-01', 'soc2:CC6.1']));
    expect(key?.defaultConfiguration?.level).toBe('error');
    const res = run?.results?.find((r) => r.ruleId === 'hardcoded-key');
    expect(res?.level).toBe('error');
    expect(res?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'src/config.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 7 } });
    expect(run?.results?.find((r) => r.ruleId === 'floating-model-alias')?.level).toBe('warning');
    expect(run?.results?.find((r) => r.ruleId === 'shadow-ai-traffic')?.level).toBe('note');
    const pickle = run?.results?.find((r) => r.ruleId === 'unsafe-model-format');
    expect(pickle?.locations?.[0]?.physicalLocation?.region).toBeUndefined();
    for (const r of run?.results ?? []) expect(rules[r.ruleIndex as number]?.id).toBe(r.ruleId);
  });
});
