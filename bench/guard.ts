/**
 * `npm run bench:guard [-- extra.jsonl ...]`: quality and latency of the prompt-injection detector
 * and of offline npm peers, on the shared dev split and on any extra JSONL files (same format).
 * Single-threaded: every detector runs in this one process, one call at a time.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { binaryMetrics, dec, pct } from './lib/binary-metrics.js';
import { readGuardJsonl, type GuardRow } from './lib/guard-jsonl.js';
import { loadPeers, type GuardPeer } from './lib/guard-peers.js';
import { latencySample, synthesizeInputs, type LatencyStats } from './lib/latency.js';
import { detectInjection } from '../src/guard/injection/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: join(repoRoot, '..', 'shared', 'data', 'guard') },
    'no-peers': { type: 'boolean', default: false },
    'latency-budget-ms': { type: 'string', default: '8000' },
    // Warm-up calls per detector and size before timing (same for every detector): 100 by default; a
    // long-running gateway is measured better with more (steady state after V8 has optimised the code).
    warmup: { type: 'string', default: '100' },
  },
});
const log = (line = ''): void => void process.stdout.write(`${line}\n`);

const attest: GuardPeer = { name: 'attest (this repo)', note: 'detectInjection(text) default options', detect: (t) => detectInjection(t).flagged };

async function evaluate(peer: GuardPeer, allRows: readonly GuardRow[]): Promise<string> {
  const stride = peer.evalStride ?? 1;
  const rows = allRows.filter((_, i) => i % stride === 0);
  const scored = [];
  for (const r of rows) scored.push({ label: r.label, kind: r.kind, flagged: await peer.detect(r.text) });
  const m = binaryMetrics(scored);
  const k = (kind: string): string => pct(m.recallByKind[kind] ?? Number.NaN);
  const name = stride > 1 ? `${peer.name} (every ${stride}th row, n=${rows.length})` : peer.name;
  return `| ${name} | ${dec(m.precision)} | ${dec(m.recall)} | **${dec(m.f1)}** | ${pct(m.fprBenign)} | ${pct(m.fprHard)} | ${k('direct')} | ${k('indirect')} | ${k('jailbreak')} |`;
}

async function main(): Promise<void> {
  const datasets: [string, GuardRow[]][] = [['dev.jsonl (shared data, never trained on)', readGuardJsonl(join(args.data, 'dev.jsonl'))]];
  for (const p of positionals) datasets.push([p, readGuardJsonl(p)]);
  const { peers, failures } = args['no-peers'] ? { peers: [], failures: [] } : await loadPeers();
  const all = [attest, ...peers];
  const gcNote = typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'heap collected before each latency sample' : 'run without --expose-gc: no GC between samples';
  log(`node ${process.version}, ${process.platform}/${process.arch}; single process, one call at a time; ${gcNote}\n`);
  for (const [name, rows] of datasets) {
    const pos = rows.filter((r) => r.label === 1).length;
    log(`### ${name}: ${rows.length} rows (${pos} injection/jailbreak, ${rows.length - pos} benign)\n`);
    log('| detector | precision | recall | F1 | FPR benign | FPR hard-benign | recall direct | recall indirect | recall jailbreak |');
    log('|---|---|---|---|---|---|---|---|---|');
    for (const peer of all) log(await evaluate(peer, rows));
    log();
  }
  const sizes = [200, 2_000, 20_000];
  const pool = datasets[0]![1].map((r) => r.text);
  const budget = Number(args['latency-budget-ms']);
  const stats = new Map<string, (LatencyStats | undefined)[]>();
  for (const peer of all) {
    const row: (LatencyStats | undefined)[] = [];
    for (const size of sizes) {
      // Start each sample from a collected heap (run with --expose-gc), so one detector's garbage is not
      // collected on another's clock.
      (globalThis as { gc?: () => void }).gc?.();
      row.push(peer.maxLatencySize !== undefined && size > peer.maxLatencySize ? undefined : await latencySample(peer.detect, synthesizeInputs(pool, size, 400), budget, Number(args.warmup)));
    }
    stats.set(peer.name, row);
  }
  const table = (title: string, pick: (s: LatencyStats) => [number, number]): void => {
    log(`### ${title}\n`);
    log(`| detector | ${sizes.map((s) => `p50 @${s / 1000} KB | p99 @${s / 1000} KB`).join(' | ')} |`);
    log(`|---|${sizes.map(() => '---|---').join('|')}|`);
    for (const peer of all) {
      const cells = (stats.get(peer.name) ?? []).map((s) => {
        if (!s) return '— | —';
        const [a, b] = pick(s);
        return `${a.toFixed(3)} | ${b.toFixed(3)}${s.n < 400 ? ` (n=${s.n})` : ''}`;
      });
      log(`| ${peer.name} | ${cells.join(' | ')} |`);
    }
    log();
  };
  table('Latency per input, wall clock (ms); inputs synthesised from dev texts', (s) => [s.p50, s.p99]);
  table('CPU time per input (ms, process.cpuUsage: excludes time preempted by other processes)', (s) => [s.cpuP50, s.cpuP99]);
  log('\nHow each detector was run:\n');
  for (const peer of all) log(`- ${peer.name}: ${peer.note}`);
  for (const f of failures) log(`- ${f.name}: not runnable — ${f.reason}`);
}

await main();
