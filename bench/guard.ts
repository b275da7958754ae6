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
import { latencySample, synthesizeInputs } from './lib/latency.js';
import { detectInjection } from '../src/guard/injection/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: join(repoRoot, '..', 'shared', 'data', 'guard') },
    'no-peers': { type: 'boolean', default: false },
    'latency-budget-ms': { type: 'string', default: '8000' },
  },
});
const log = (line = ''): void => void process.stdout.write(`${line}\n`);

const attest: GuardPeer = { name: 'attest (this repo)', note: 'detectInjection(text) default options', detect: (t) => detectInjection(t).flagged };

async function evaluate(peer: GuardPeer, rows: readonly GuardRow[]): Promise<string> {
  const scored = [];
  for (const r of rows) scored.push({ label: r.label, kind: r.kind, flagged: await peer.detect(r.text) });
  const m = binaryMetrics(scored);
  const k = (kind: string): string => pct(m.recallByKind[kind] ?? Number.NaN);
  return `| ${peer.name} | ${dec(m.precision)} | ${dec(m.recall)} | **${dec(m.f1)}** | ${pct(m.fprBenign)} | ${pct(m.fprHard)} | ${k('direct')} | ${k('indirect')} | ${k('jailbreak')} |`;
}

async function main(): Promise<void> {
  const datasets: [string, GuardRow[]][] = [['dev.jsonl (shared data, never trained on)', readGuardJsonl(join(args.data, 'dev.jsonl'))]];
  for (const p of positionals) datasets.push([p, readGuardJsonl(p)]);
  const { peers, failures } = args['no-peers'] ? { peers: [], failures: [] } : await loadPeers();
  const all = [attest, ...peers];
  log(`node ${process.version}, ${process.platform}/${process.arch}; single process, one call at a time\n`);
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
  log('### Latency per input (ms), inputs synthesised from dev texts\n');
  log(`| detector | ${sizes.map((s) => `p50 @${s / 1000} KB | p99 @${s / 1000} KB`).join(' | ')} |`);
  log(`|---|${sizes.map(() => '---|---').join('|')}|`);
  for (const peer of all) {
    const cells: string[] = [];
    for (const size of sizes) {
      const s = await latencySample(peer.detect, synthesizeInputs(pool, size, 400), budget);
      cells.push(`${s.p50.toFixed(3)} | ${s.p99.toFixed(3)}${s.n < 400 ? ` (n=${s.n})` : ''}`);
    }
    log(`| ${peer.name} | ${cells.join(' | ')} |`);
  }
  log('\nHow each detector was run:\n');
  for (const peer of all) log(`- ${peer.name}: ${peer.note}`);
  for (const f of failures) log(`- ${f.name}: not runnable — ${f.reason}`);
}

await main();
