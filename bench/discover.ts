/**
 * `npm run bench:discover`: discover vs ripgrep on generated trees of two sizes.
 *
 * Generates (once, cached under bench/.work/discover/) a tree of ≥50,000 files / ≥500 MB of
 * realistic content (TS/Python/Go/Java source, some with AI SDK imports and model ids, package
 * manifests, docs, proxy logs, big text blobs) and a second tree twice as large. For each tree it
 * times, after one warm-up run each (page cache), three runs of:
 *   - discover: the engine with every built-in scanner, built with tsc into bench/.work/dist (as
 *     `npm run build` ships it), in a child process that reports its own
 *     scan time, CPU time (all threads) and peak RSS (process.resourceUsage().maxRSS), once with
 *     `jobs` = the available cores (the CLI's default: this thread plus jobs-1 scan workers) and once with `jobs` 1;
 *   - ripgrep: `rg --fixed-strings --file <signature strings> --count` over the same tree, timed
 *     with /usr/bin/time for its peak RSS.
 * and prints files/s, MB/s, peak RSS and the discover/rg ratio (median of three).
 *
 * Options: --projects N (small tree size, default 500 ≈ 50k files), --runs N (default 3), --regen,
 * --jobs N (scan threads for the first discover row, default: the available cores),
 * --profile (also time each scanner family alone on the small tree), --workers-only-row (also time N
 * worker threads taking every file, the engine thread only walking: the pool before commit 6ca1e41).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as DiscoverModule from '../src/discover/index.js';
import { mulberry32 } from '../src/core/seeded-random.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const WORK = join(HERE, '.work', 'discover');
/** The package as users run it: `tsc -p tsconfig.build.json` output (worker threads start from compiled JS, not via tsx). */
const DIST = join(HERE, '.work', 'dist');
const TREE_VERSION = 4;

// ── child mode: scan one tree and report ────────────────────────────────────
if (process.argv[2] === '--child') {
  const { discoverPaths, FILE_SCANNERS, WorkerScanPool } = (await import(pathToFileURL(join(DIST, 'discover', 'index.js')).href)) as typeof DiscoverModule;
  const root = process.argv[3] as string;
  const only = process.argv[4] === '-' ? undefined : process.argv[4]; // a scanner family (`keys`, `source` …), or `none`: for --profile
  const jobs = Number(process.argv[5] ?? '1'); // scan threads (discoverPaths' `jobs`)
  // `workers-only`: `jobs` worker threads that take every file (the engine thread only walks), as before 6ca1e41.
  const pool = process.argv[6] === 'workers-only' ? new WorkerScanPool(jobs, FILE_SCANNERS.map((s) => s.name)) : undefined;
  const family = (name: string) => name.split(/[-/]/)[0] as string;
  // Wall time inside each family's scan(); with concurrent files this over-counts (awaits overlap): see --profile.
  const perScanner: Record<string, number> = {};
  const selected = only === undefined ? FILE_SCANNERS : FILE_SCANNERS.filter((s) => family(s.name) === only);
  const scanners = selected.map((s) => ({
    name: s.name,
    wants: (p: string, size: number) => s.wants(p, size),
    scan: async (f: Parameters<typeof s.scan>[0]) => {
      const t = performance.now();
      try {
        return await s.scan(f);
      } finally {
        perScanner[family(s.name)] = (perScanner[family(s.name)] ?? 0) + performance.now() - t;
      }
    },
  }));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let problems = 0;
  // Whole runs use the built-in scanners as shipped (so worker threads can run them); --profile wraps them to time each family.
  const result = await discoverPaths([root], { ...(only === undefined ? {} : { scanners }), ...(pool ? { pool } : {}), jobs, onProblem: () => problems++ });
  await pool?.close();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const scannerMs = Object.fromEntries(Object.entries(perScanner).map(([k, v]) => [k, Math.round(v)]));
  process.stdout.write(
    `${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, files: result.stats.files, bytes: result.stats.bytes, components: result.components.length, findings: result.findings.length, problems, maxRssKb: process.resourceUsage().maxRSS, scannerMs })}\n`,
  );
  process.exit(0);
}

// ── deterministic content ───────────────────────────────────────────────────
const rng = mulberry32;

const WORDS = 'the order customer invoice payment shipping refund account status update request response handler service cache queue retry timeout config value record table index query result error message user session token report batch export import schedule worker event stream buffer'.split(' ');

const SNIPPETS: Record<string, { plain: string[]; ai: string[]; header: string }> = {
  ts: {
    header: "import { readFile } from 'node:fs/promises';\nimport express from 'express';\n",
    plain: [
      'export async function handle{N}(req: Request): Promise<Response> {\n  const body = await req.json();\n  if (!body.id) return new Response("missing id", { status: 400 });\n  return Response.json({ ok: true, id: body.id, at: Date.now() });\n}\n',
      'export class Repo{N} {\n  private cache = new Map<string, number>();\n  get(key: string): number | undefined {\n    return this.cache.get(key);\n  }\n  set(key: string, value: number): void {\n    this.cache.set(key, value);\n  }\n}\n',
      'const limits{N} = { perMinute: 60, burst: 10 };\nexport function allow{N}(count: number): boolean {\n  return count < limits{N}.perMinute + limits{N}.burst;\n}\n',
    ],
    ai: [
      "import OpenAI from 'openai';\nconst client{N} = new OpenAI();\nexport async function ask{N}(q: string) {\n  const r = await client{N}.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\n  return r.choices[0]?.message.content;\n}\n",
      "import Anthropic from '@anthropic-ai/sdk';\nconst claude{N} = new Anthropic();\nexport const summarise{N} = (t: string) => claude{N}.messages.create({ model: 'claude-3-5-sonnet-20241022', max_tokens: 512, messages: [{ role: 'user', content: t }] });\n",
    ],
  },
  py: {
    header: 'import os\nimport json\nfrom datetime import datetime\n',
    plain: [
      'def load_{N}(path):\n    with open(path) as fh:\n        return json.load(fh)\n\n\ndef save_{N}(path, data):\n    with open(path, "w") as fh:\n        json.dump(data, fh, indent=2)\n',
      'class Worker{N}:\n    def __init__(self, queue):\n        self.queue = queue\n        self.started = datetime.utcnow()\n\n    def run(self):\n        for item in self.queue:\n            self.process(item)\n\n    def process(self, item):\n        return item\n',
    ],
    ai: [
      'from langchain_openai import ChatOpenAI\n\nllm_{N} = ChatOpenAI(model="gpt-4o", temperature=0)\n\n\ndef answer_{N}(q):\n    return llm_{N}.invoke(q).content\n',
      'import anthropic\n\nclient_{N} = anthropic.Anthropic()\n\n\ndef classify_{N}(text):\n    return client_{N}.messages.create(model="claude-3-haiku-20240307", max_tokens=64, messages=[{"role": "user", "content": text}])\n',
    ],
  },
  go: {
    header: 'package service\n\nimport (\n\t"context"\n\t"fmt"\n)\n',
    plain: [
      'func Handle{N}(ctx context.Context, id string) (string, error) {\n\tif id == "" {\n\t\treturn "", fmt.Errorf("empty id")\n\t}\n\treturn fmt.Sprintf("order-%s", id), nil\n}\n',
      'type Store{N} struct {\n\titems map[string]int\n}\n\nfunc (s *Store{N}) Get(k string) int {\n\treturn s.items[k]\n}\n',
    ],
    ai: ['// uses github.com/sashabaranov/go-openai\nfunc Ask{N}(ctx context.Context, q string) string {\n\t_ = "gpt-4o-2024-08-06"\n\treturn q\n}\n'],
  },
  java: {
    header: 'package com.acme.service;\n\nimport java.util.List;\nimport java.util.Map;\n',
    plain: [
      'class Handler{N} {\n  private final Map<String, Integer> counts = new java.util.HashMap<>();\n  int increment(String key) {\n    return counts.merge(key, 1, Integer::sum);\n  }\n}\n',
      'record Order{N}(String id, List<String> items, long total) {\n  boolean isEmpty() { return items.isEmpty(); }\n}\n',
    ],
    ai: ['// import dev.langchain4j.model.openai.OpenAiChatModel;\nclass Chat{N} {\n  String model = "gpt-4o-mini";\n}\n'],
  },
};

function prose(r: () => number, bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < bytes) {
    const w = WORDS[Math.floor(r() * WORDS.length)] as string;
    parts.push(w);
    n += w.length + 1;
    if (r() < 0.08) {
      parts.push('\n');
      n++;
    }
  }
  return parts.join(' ');
}

function sourceFile(r: () => number, lang: string, ai: boolean, targetBytes: number): string {
  const s = SNIPPETS[lang] as (typeof SNIPPETS)[string];
  let out = s.header;
  let i = 0;
  if (ai) out += (s.ai[Math.floor(r() * s.ai.length)] as string).replaceAll('{N}', String(i++));
  while (out.length < targetBytes) out += (s.plain[Math.floor(r() * s.plain.length)] as string).replaceAll('{N}', String(i++));
  return out;
}

const HOSTS = ['api.openai.com', 'api.anthropic.com', 'registry.npmjs.org', 'github.com', 'pypi.org', 'cdn.acme.internal'];

function accessLog(r: () => number, lines: number): string {
  const out: string[] = [];
  const seedClient = Math.floor(r() * 250);
  for (let i = 0; i < lines; i++) {
    const host = HOSTS[Math.floor(r() * r() * HOSTS.length * 1.2) % HOSTS.length] as string;
    // A handful of clients per log, as behind a real egress proxy (the network scanner groups by client).
    out.push(`10.1.${seedClient}.${1 + Math.floor(r() * 6)} - - [20/Nov/2026:09:${String(i % 60).padStart(2, '0')}:00 +0000] "POST https://${host}/v1/items/${i} HTTP/1.1" 200 ${Math.floor(r() * 9000)} "-" "client/1.0"`);
  }
  return `${out.join('\n')}\n`;
}

/** One project: ~100 files, ~1.1 MB. */
function writeProject(dir: string, seed: number): { files: number; bytes: number } {
  const r = rng(seed);
  let files = 0;
  let bytes = 0;
  const put = (rel: string, text: string) => {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  const aiProject = r() < 0.25;
  const langs = ['ts', 'ts', 'py', 'go', 'java'];
  for (let i = 0; i < 60; i++) {
    const lang = langs[i % langs.length] as string;
    const ext = lang === 'py' ? 'py' : lang;
    put(`src/${lang}/mod${Math.floor(i / 12)}/file${i}.${ext}`, sourceFile(r, lang, aiProject && r() < 0.1, 2000 + Math.floor(r() * 4000)));
  }
  for (let i = 0; i < 20; i++) put(`tests/test_${i}.${i % 2 ? 'ts' : 'py'}`, sourceFile(r, i % 2 ? 'ts' : 'py', false, 1500));
  const deps: Record<string, string> = { express: '^4.21.1', zod: '^3.23.8' };
  if (aiProject) deps.openai = '^4.67.3';
  put('package.json', `${JSON.stringify({ name: `project-${seed}`, version: '1.0.0', dependencies: deps }, null, 2)}\n`);
  put('requirements.txt', aiProject ? 'langchain-openai==0.2.6\nrequests==2.32.3\n' : 'requests==2.32.3\nflask==3.0.3\n');
  for (let i = 0; i < 10; i++) put(`docs/page${i}.md`, `# Page ${i}\n\nWe evaluated OpenAI and Anthropic models last year.\n\n${prose(r, 3000)}\n`);
  for (let i = 0; i < 5; i++) put(`config/settings${i}.yaml`, `service: project-${seed}\nreplicas: ${1 + (i % 3)}\nlog_level: info\n`);
  put('logs/proxy-a.log', accessLog(r, 900));
  put('logs/proxy-b.log', accessLog(r, 900));
  put('data/corpus.txt', prose(r, 600_000));
  return { files, bytes };
}

function ensureTree(projects: number, regen: boolean): { root: string; files: number; bytes: number } {
  const root = join(WORK, `tree-${projects}`);
  const marker = join(root, '.bench-tree.json');
  if (!regen && existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8')) as { version: number; files: number; bytes: number };
    if (m.version === TREE_VERSION) return { root, files: m.files, bytes: m.bytes };
  }
  rmSync(root, { recursive: true, force: true });
  process.stderr.write(`generating ${projects} projects under ${root} …\n`);
  let files = 0;
  let bytes = 0;
  for (let p = 0; p < projects; p++) {
    const s = writeProject(join(root, `org-${p % 25}`, `project-${p}`), 1000 + p);
    files += s.files;
    bytes += s.bytes;
  }
  writeFileSync(marker, JSON.stringify({ version: TREE_VERSION, files, bytes }));
  return { root, files, bytes };
}

// ── the signature strings ripgrep searches for ──────────────────────────────
async function signatureStrings(): Promise<string[]> {
  const [{ PACKAGE_SIGNATURES }, { PROVIDER_HOSTS }, { PROVIDER_KEY_RULES }, { RUNTIME_SIGNATURES }, { VECTORSTORE_SIGNATURES }] = await Promise.all([
    import('../src/signatures/packages.js'),
    import('../src/signatures/provider-hosts.js'),
    import('../src/signatures/provider-keys.js'),
    import('../src/signatures/runtimes.js'),
    import('../src/signatures/vectorstores.js'),
  ]);
  const set = new Set<string>();
  for (const p of PACKAGE_SIGNATURES) {
    set.add(p.name);
    for (const i of p.imports ?? []) set.add(i);
  }
  for (const h of PROVIDER_HOSTS) set.add(h.host);
  for (const k of PROVIDER_KEY_RULES) for (const w of k.keywords ?? []) set.add(w);
  for (const s of [...RUNTIME_SIGNATURES, ...VECTORSTORE_SIGNATURES]) for (const i of s.images) set.add(i);
  for (const m of ['gpt-3.5', 'gpt-4', 'gpt-5', 'claude-', 'gemini-', 'llama', 'mistral', 'mixtral', 'text-embedding-', 'mcpServers', 'fine_tuning', 'fine-tune']) set.add(m);
  // Shorter than 3 characters matches nearly every line and measures nothing useful.
  return [...set].filter((s) => s.length >= 3).sort();
}

// ── runs ────────────────────────────────────────────────────────────────────
interface Run {
  ms: number;
  /** user + system CPU time: steadier than wall time on a shared machine. */
  cpuMs: number;
  rssKb: number;
  extra?: Record<string, unknown>;
}

function runDiscover(root: string, only?: string, jobs = 1, mode = 'shared'): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(HERE, 'discover.ts'), '--child', root, only ?? '-', String(jobs), mode], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`discover child failed: ${r.stderr}`);
  const j = JSON.parse(r.stdout.trim().split('\n').pop() as string) as Record<string, number>;
  return { ms: j.ms as number, cpuMs: j.cpuMs as number, rssKb: j.maxRssKb as number, extra: { ...j, processWallMs: Math.round(wall) } };
}

function runRipgrep(root: string, patternsFile: string): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', 'rg', '--fixed-strings', '--file', patternsFile, '--count', '--no-messages', '--hidden', root], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed (${r.status}): ${r.stderr}`);
  const [secs, kb, user, sys] = (r.stderr.trim().split('\n').pop() as string).split(' ').map(Number);
  return { ms: (secs as number) * 1000, cpuMs: ((user as number) + (sys as number)) * 1000, rssKb: kb as number, extra: { matchingFiles: r.stdout.split('\n').filter(Boolean).length } };
}

function median(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)] as Run;
}

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
}

if (spawnSync('rg', ['--version']).status !== 0) {
  process.stderr.write('bench:discover needs ripgrep: apt-get install -y ripgrep\n');
  process.exit(2);
}
const LOAD_AT_START = (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ');
const projects = arg('--projects', 500);
const cores = arg('--jobs', (await import('node:os')).availableParallelism());
const runs = arg('--runs', 3);
const regen = process.argv.includes('--regen');
/** Also time the pool as it was before 6ca1e41 (N workers take every file, the engine thread only walks). */
const workersOnlyRow = process.argv.includes('--workers-only-row');
mkdirSync(WORK, { recursive: true });
// Build the package once per run, so the timed code is the current source as `npm run build` ships it.
rmSync(DIST, { recursive: true, force: true });
spawnSync(process.execPath, [join(HERE, '..', 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(HERE, '..', 'tsconfig.build.json'), '--outDir', DIST], { stdio: 'inherit' });
if (!existsSync(join(DIST, 'discover', 'engine-worker.js'))) {
  process.stderr.write('bench:discover: the tsc build failed\n');
  process.exit(2);
}
const patterns = await signatureStrings();
const patternsFile = join(WORK, 'signatures.txt');
writeFileSync(patternsFile, `${patterns.join('\n')}\n`);

const rows: string[] = [];
for (const size of [projects, projects * 2]) {
  const tree = ensureTree(size, regen);
  const mb = tree.bytes / 1048576;
  runDiscover(tree.root, undefined, cores);
  runRipgrep(tree.root, patternsFile);
  // Interleaved, so a change in the machine's load hits every tool alike.
  const dr: Run[] = [];
  const d1r: Run[] = [];
  const gr: Run[] = [];
  const wr: Run[] = [];
  for (let i = 0; i < runs; i++) {
    dr.push(runDiscover(tree.root, undefined, cores));
    d1r.push(runDiscover(tree.root, undefined, 1));
    gr.push(runRipgrep(tree.root, patternsFile));
    if (workersOnlyRow) wr.push(runDiscover(tree.root, undefined, cores, 'workers-only'));
  }
  const [d, d1, g] = [median(dr), median(d1r), median(gr)];
  const line = (name: string, r: Run) =>
    `| ${name} | ${tree.files.toLocaleString('en-US')} | ${mb.toFixed(0)} | ${(r.ms / 1000).toFixed(2)} | ${(r.cpuMs / 1000).toFixed(2)} | ${Math.round(tree.files / (r.ms / 1000)).toLocaleString('en-US')} | ${(mb / (r.ms / 1000)).toFixed(0)} | ${(r.rssKb / 1024).toFixed(0)} |`;
  rows.push(line(`discover --jobs ${cores}, ${size} projects`, d), line(`discover --jobs 1, ${size} projects`, d1), line(`rg, ${size} projects`, g));
  rows.push(`| ratio discover --jobs ${cores} / rg | | | ${(d.ms / g.ms).toFixed(2)}x | ${(d.cpuMs / g.cpuMs).toFixed(2)}x | | | |`);
  rows.push(`| ratio discover --jobs 1 / rg | | | ${(d1.ms / g.ms).toFixed(2)}x | ${(d1.cpuMs / g.cpuMs).toFixed(2)}x | | | |`);
  if (workersOnlyRow) {
    const w = median(wr);
    rows.push(line(`discover, ${cores} workers taking every file, ${size} projects`, w), `| ratio ${cores} workers only / rg | | | ${(w.ms / g.ms).toFixed(2)}x | ${(w.cpuMs / g.cpuMs).toFixed(2)}x | | | |`);
  }
  process.stderr.write(`${size} projects: discover ${JSON.stringify(d.extra)}; --jobs 1 ${JSON.stringify(d1.extra)}; rg ${JSON.stringify(g.extra)}\n`);
}
if (process.argv.includes('--profile')) {
  // Where discover's time goes: the small tree with one scanner family at a time (CPU seconds).
  const tree = ensureTree(projects, false);
  const families = ['none', 'manifest', 'source', 'deploy', 'mcp', 'model', 'network', 'keys'];
  rows.push('', '| scanners | wall s | CPU s |', '| --- | ---: | ---: |');
  for (const f of families) {
    const r = median(Array.from({ length: runs }, () => runDiscover(tree.root, f)));
    rows.push(`| ${f === 'none' ? 'none (walk + stat only)' : `${f} only`} | ${(r.ms / 1000).toFixed(2)} | ${(r.cpuMs / 1000).toFixed(2)} |`);
  }
}
process.stdout.write(`signature strings: ${patterns.length}; runs: median of ${runs} after one warm-up each\n\n`);
process.stdout.write(`load average at start: ${LOAD_AT_START}; at end: ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}\n\n`);
process.stdout.write('| run | files | MB | wall s | CPU s | files/s | MB/s | peak RSS MB |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n');
process.stdout.write(`${rows.join('\n')}\n`);
