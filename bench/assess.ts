/**
 * `npm run bench:assess`: how long assess() and the report renderers take, on the example app
 * (scan + assess) and on synthetic inventories up to a large monorepo (50k findings).
 * Single-threaded; median of 5 runs after one warm-up.
 */
import { performance } from 'node:perf_hooks';
import { assess } from '../src/assess/assess.js';
import { CONTROLS } from '../src/catalog/controls.js';
import type { Component, DiscoverResult, Finding, FindingRule } from '../src/discover/model.js';
import { discoverPaths } from '../src/discover/index.js';
import { renderAssessHtml } from '../src/report/assess-html.js';
import { renderAssessJson } from '../src/report/assess-json.js';
import { renderAssessMarkdown } from '../src/report/assess-markdown.js';
import type { ControlId } from '../src/catalog/control-ids.js';

const log = (line = ''): void => void process.stdout.write(`${line}\n`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function time<T>(fn: () => T, runs = 5): { ms: number; value: T } {
  let value = fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), value };
}

const RULES: [FindingRule, ControlId][] = [
  ['hardcoded-key', 'AI-KEY-01'],
  ['unguarded-llm-call', 'AI-GW-01'],
  ['floating-model-alias', 'AI-CHG-01'],
  ['risky-tool-no-approval', 'AI-AGT-02'],
  ['mcp-no-auth', 'AI-AGT-03'],
  ['runtime-exposed', 'AI-RUN-01'],
];

function synthetic(components: number, findings: number): DiscoverResult {
  const types = ['sdk', 'model', 'agent', 'tool', 'vectorstore', 'mcp-server', 'runtime'] as const;
  const comps: Component[] = Array.from({ length: components }, (_, i) => ({
    ref: `x:${i}`,
    type: types[i % types.length] as Component['type'],
    name: `c${i}`,
    provider: `p${i % 40}`,
    evidence: [{ path: `svc${i % 500}/file${i}.py`, line: (i % 300) + 1, scanner: 'bench' }],
  }));
  const finds: Finding[] = Array.from({ length: findings }, (_, i) => {
    const [rule, controlId] = RULES[i % RULES.length] as [FindingRule, ControlId];
    return { id: `f${i}`, rule, controlId, severity: 'high', message: 'bench finding', evidence: [{ path: `svc${i % 500}/f${i}.ts`, line: (i % 900) + 1, scanner: 'bench' }], frameworks: {} };
  });
  return { tool: { name: 'attest', version: 'bench' }, roots: ['/bench'], startedAt: '', finishedAt: '', components: comps, findings: finds, problems: [], stats: { files: components * 3, bytes: 0, skipped: 0 } };
}

async function main(): Promise<void> {
  const answers = Object.fromEntries(CONTROLS.flatMap((c) => c.questions ?? []).map((q, i) => [q.key, q.type === 'boolean' ? i % 2 === 0 : (q.choices?.[1] ?? 'x')]));
  const meta = { generatedAt: '2026-11-22T00:00:00.000Z', toolVersion: 'bench', subjectName: 'bench' };

  log('## assess');
  log('');
  log('| Input | assess() | HTML | Markdown | JSON | HTML size | JSON size |');
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const t0 = performance.now();
  const example = await discoverPaths(['examples/acme-assistant']);
  const scanMs = performance.now() - t0;
  const inputs: [string, DiscoverResult][] = [
    ['examples/acme-assistant', example],
    ['synthetic 1k components, 2k findings', synthetic(1_000, 2_000)],
    ['synthetic 20k components, 50k findings', synthetic(20_000, 50_000)],
  ];
  for (const [label, discover] of inputs) {
    const a = time(() => assess({ ...meta, discover, answers }));
    const html = time(() => renderAssessHtml(a.value));
    const md = time(() => renderAssessMarkdown(a.value));
    const json = time(() => renderAssessJson(a.value));
    const kb = (s: string): string => `${(Buffer.byteLength(s) / 1024).toFixed(0)} KiB`;
    log(`| ${label} | ${a.ms.toFixed(1)} ms | ${html.ms.toFixed(1)} ms | ${md.ms.toFixed(1)} ms | ${json.ms.toFixed(1)} ms | ${kb(html.value)} | ${kb(json.value)} |`);
  }
  log('');
  log(`Scan of examples/acme-assistant before assessing it: ${scanMs.toFixed(0)} ms (first run, includes module warm-up).`);
}

await main();
