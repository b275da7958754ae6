import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { discoverPaths, type DiscoverResult } from '../../src/discover/index.js';
import { validateAiBom } from '../../src/report/cyclonedx-ai-bom.js';

const APP = 'examples/acme-assistant';

interface Truth {
  components: { type: string; name: string; ecosystem?: string }[];
  findings: { rule: string; path: string; line?: number }[];
  mustNotReport: { names: string[] };
}

const truth = JSON.parse(readFileSync(join(APP, 'attest-truth.json'), 'utf8')) as Truth;
const componentKey = (c: { type: string; name: string; ecosystem?: string }) => `${c.type}:${c.ecosystem ?? ''}:${c.name}`;
const findingKey = (f: { rule: string; path: string; line?: number }) => `${f.rule} ${f.path}:${f.line ?? ''}`;

let result: DiscoverResult;
beforeAll(async () => {
  result = await discoverPaths([APP]);
});

describe('discover on the example app (examples/acme-assistant)', () => {
  it('finds exactly the components in attest-truth.json', () => {
    const found = result.components.map(componentKey).sort();
    const expected = truth.components.map(componentKey).sort();
    expect({ missing: expected.filter((k) => !found.includes(k)), extra: found.filter((k) => !expected.includes(k)) }).toEqual({ missing: [], extra: [] });
  });

  it('finds exactly the findings in attest-truth.json', () => {
    const found = result.findings.flatMap((f) => f.evidence.map((e) => findingKey({ rule: f.rule, path: e.path, ...(e.line !== undefined ? { line: e.line } : {}) }))).sort();
    const expected = truth.findings.map(findingKey).sort();
    expect({ missing: expected.filter((k) => !found.includes(k)), extra: found.filter((k) => !expected.includes(k)) }).toEqual({ missing: [], extra: [] });
  });

  it('does not turn prose, comments, placeholders or non-AI traffic into components', () => {
    const names = new Set(result.components.map((c) => c.name));
    for (const n of truth.mustNotReport.names) expect(names.has(n), n).toBe(false);
  });

  it('has no problems, and never prints the planted key', () => {
    expect(result.problems).toEqual([]);
    const key = readFileSync(join(APP, 'src/config.ts'), 'utf8').match(/sk-ant-api03-[A-Za-z0-9_-]{93}AA/)?.[0];
    expect(key).toBeDefined();
    expect(JSON.stringify(result)).not.toContain(key);
    expect(JSON.stringify(result)).not.toContain((key as string).slice(20, 60));
  });

  it('gives every finding its control and framework ids', () => {
    for (const f of result.findings) {
      expect(f.controlId).toMatch(/^AI-[A-Z]+-\d\d$/);
      expect(Object.keys(f.frameworks).length, f.rule).toBeGreaterThan(0);
    }
  });
});

describe('attest discover CLI on the example app', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'attest-example-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes the three reports the README promises, each valid, and matching the in-process result', async () => {
    const code = await runCli(['discover', APP, '--quiet', '--out-dir', out]);
    expect(code).toBe(0);
    const bom = readFileSync(join(out, 'ai-bom.cdx.json'), 'utf8');
    expect(await validateAiBom(bom)).toBeNull();
    const refs = [...(JSON.parse(bom).components ?? []), ...(JSON.parse(bom).services ?? [])].map((c: { 'bom-ref': string }) => c['bom-ref']).sort();
    expect(refs).toEqual(result.components.map((c) => c.ref).sort());
    const sarif = JSON.parse(readFileSync(join(out, 'findings.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]?.results).toHaveLength(result.findings.length);
    const json = JSON.parse(readFileSync(join(out, 'discover.json'), 'utf8')) as DiscoverResult;
    expect(json.components).toEqual(result.components);
    expect(json.findings).toEqual(result.findings);
  });

  it('--fail-on high exits 1 on this app; --fail-on critical too (the planted key)', async () => {
    expect(await runCli(['discover', APP, '--quiet', '--out-dir', out, '--fail-on', 'high'])).toBe(1);
    expect(await runCli(['discover', APP, '--quiet', '--out-dir', out, '--fail-on', 'critical'])).toBe(1);
  });
});
