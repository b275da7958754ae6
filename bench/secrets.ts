/**
 * npm run bench:secrets — sensitive-output detection quality and speed.
 *  1. Recall per type on a seeded corpus generated from each documented format (bench/secrets-corpus.ts).
 *  2. False positives per MB on real code and prose: this repo's node_modules (.js/.ts/.md, capped) and docs.
 *  3. Throughput (µs per KB) of findSensitive and of scan() at the output stage, p50/p99 at 2 KB,
 *     and secretlint's recommended preset (the "thorough" mode) on the same inputs.
 * Options: --per-type N (default 1000), --max-files N (default 3000), --max-mb N (default 40).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findSecretlintCredentials } from '../src/guard/adapters/secretlint-scanner.js';
import { scan } from '../src/guard/scan.js';
import { findSensitive } from '../src/guard/sensitive/sensitive-scanner.js';
import { generateSamples, SAMPLE_TYPES } from './secrets-corpus.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const PER_TYPE = opt('per-type', 1000);
const MAX_FILES = opt('max-files', 3000);
const MAX_BYTES = opt('max-mb', 40) * 1024 * 1024;
const ROOT = new URL('..', import.meta.url).pathname;

function recall(): { type: string; n: number; recall: number }[] {
  return SAMPLE_TYPES.map((type) => {
    const samples = generateSamples(type, PER_TYPE, 20261122);
    let hit = 0;
    for (const s of samples) if (findSensitive(s.text).some((m) => m.type === type && m.start < s.end && m.end > s.start)) hit++;
    return { type, n: samples.length, recall: hit / samples.length };
  });
}

/** Deterministic file list: sorted walk, every k-th file so packages are spread, capped. */
function corpusFiles(): string[] {
  const all: string[] = [];
  const walk = (dir: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (/\.(?:js|mjs|cjs|ts|md)$/.test(e) && st.size > 0 && st.size < 512 * 1024) all.push(p);
    }
  };
  walk(join(ROOT, 'node_modules'));
  const step = Math.max(1, Math.floor(all.length / MAX_FILES));
  const picked = all.filter((_, i) => i % step === 0).slice(0, MAX_FILES);
  const docs: string[] = [];
  try {
    for (const e of readdirSync(join(ROOT, 'docs'))) if (e.endsWith('.md')) docs.push(join(ROOT, 'docs', e));
  } catch {
    // no docs folder
  }
  return [...picked, ...docs];
}

function falsePositives(): { files: number; mb: number; byType: Map<string, number>; examples: Map<string, string> } {
  const byType = new Map<string, number>();
  const examples = new Map<string, string>();
  let bytes = 0;
  let files = 0;
  for (const f of corpusFiles()) {
    if (bytes > MAX_BYTES) break;
    const text = readFileSync(f, 'utf8');
    bytes += Buffer.byteLength(text);
    files++;
    for (const m of findSensitive(text)) {
      byType.set(m.type, (byType.get(m.type) ?? 0) + 1);
      if (!examples.has(m.type)) examples.set(m.type, relative(ROOT, f));
    }
  }
  return { files, mb: bytes / 1024 / 1024, byType, examples };
}

function sampleText(kb: number): string {
  // Realistic output-like text: prose and code from a README, repeated to size.
  const base = readFileSync(join(ROOT, 'node_modules/typescript/README.md'), 'utf8') + readFileSync(join(ROOT, 'node_modules/yaml/README.md'), 'utf8');
  let s = '';
  while (s.length < kb * 1024) s += base;
  return s.slice(0, kb * 1024);
}

function timeIt(f: () => void, iterations: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}
const pct = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function main(): Promise<void> {
  console.log(`# bench:secrets  node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(`\n## Recall (generated corpus, ${PER_TYPE} samples per type, seed 20261122)\n`);
  console.log('| type | samples | recall |\n|---|---:|---:|');
  const rec = recall();
  for (const r of rec) console.log(`| ${r.type} | ${r.n} | ${r.recall.toFixed(3)} |`);
  const minRec = Math.min(...rec.map((r) => r.recall));
  console.log(`\nmin recall over ${rec.length} types: ${minRec.toFixed(3)}`);

  const fp = falsePositives();
  const total = [...fp.byType.values()].reduce((a, b) => a + b, 0);
  console.log(`\n## Detections on real code and prose (${fp.files} files, ${fp.mb.toFixed(1)} MB: node_modules .js/.ts/.md sample + docs/)\n`);
  console.log(`all detections: ${total} = ${(total / fp.mb).toFixed(2)} per MB`);
  console.log('| type | count | per MB | first file |\n|---|---:|---:|---|');
  for (const [type, n] of [...fp.byType].sort((a, b) => b[1] - a[1])) console.log(`| ${type} | ${n} | ${(n / fp.mb).toFixed(3)} | ${fp.examples.get(type) ?? ''} |`);

  console.log('\n## Speed (one core; µs/KB from the fastest run, the least disturbed by other load; p50/p99 over all runs)\n');
  console.log(
    '| input | findSensitive µs/KB | scan(output), injection off µs/KB | scan(output) µs/KB | secretlint µs/KB | findSensitive p50 / p99 ms | scan(output) p50 / p99 ms |\n|---|---:|---:|---:|---:|---:|---:|',
  );
  const noInjection = { detectors: { injection: { enabled: false } } };
  for (const kb of [2, 20, 200]) {
    const text = sampleText(kb);
    const iters = kb === 2 ? 2000 : kb === 20 ? 200 : 20;
    timeIt(() => findSensitive(text), Math.min(iters, 50));
    const fs = timeIt(() => findSensitive(text), iters);
    const sc = timeIt(() => scan({ text, stage: 'output' }), iters);
    const own = timeIt(() => scan({ text, stage: 'output' }, { policy: noInjection }), iters);
    const sl: number[] = [];
    for (let i = 0; i < Math.min(iters, 200); i++) {
      const t0 = performance.now();
      await findSecretlintCredentials(text);
      sl.push(performance.now() - t0);
    }
    sl.sort((a, b) => a - b);
    const perKb = (xs: number[]): string => (((xs[0] ?? NaN) * 1000) / kb).toFixed(1);
    console.log(
      `| ${kb} KB | ${perKb(fs)} | ${perKb(own)} | ${perKb(sc)} | ${perKb(sl)} | ${pct(fs, 50).toFixed(3)} / ${pct(fs, 99).toFixed(3)} | ${pct(sc, 50).toFixed(3)} / ${pct(sc, 99).toFixed(3)} |`,
    );
  }

  console.log('\n## secretlint recommended preset on the same generated corpus (cross-check, 100 per type)\n');
  console.log('| type | secretlint recall | ours |\n|---|---:|---:|');
  for (const type of SAMPLE_TYPES) {
    const samples = generateSamples(type, 100, 7);
    let hit = 0;
    for (const s of samples) if ((await findSecretlintCredentials(s.text)).some((m) => m.start < s.end && m.end > s.start)) hit++;
    if (hit > 0) console.log(`| ${type} | ${(hit / samples.length).toFixed(2)} | ${rec.find((r) => r.type === type)?.recall.toFixed(3)} |`);
  }
  console.log('(types where secretlint found nothing are omitted: they are outside its preset)');
}

await main();
// secretlint's global profiler (@secretlint/profiler) keeps every performance mark and processes the
// backlog with an O(n) search per entry after thousands of lintSource calls; exit instead of waiting.
process.exit(0);
