/**
 * `npm run bench:discover-infra`: throughput and memory of D's scanners in isolation
 * (no file system: inputs are generated in memory, so the figures are scanner CPU only).
 *   - keys: findProviderKeys + the key scanner over realistic source text (MB/s);
 *   - network: the log scanner streaming 1M and 5M proxy-log lines (lines/s, peak RSS growth):
 *     memory must stay flat as the log grows (aggregate counts only);
 *   - model-file: header sniffing of GGUF/safetensors/pickle heads (files/s).
 * Options: --quick (smaller inputs).
 */
import type { FileInput } from '../src/discover/model.js';
import { hardcodedKeyScanner } from '../src/discover/scanners/keys/hardcoded-key-scanner.js';
import { modelFileScanner } from '../src/discover/scanners/model-file/model-file-scanner.js';
import { networkLogScanner } from '../src/discover/scanners/network/network-log-scanner.js';

const quick = process.argv.includes('--quick');

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

const SOURCE_LINES = [
  "import { OpenAI } from 'openai';",
  'const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
  'export async function handler(task_id: string, mask_value: number): Promise<void> {',
  '  const res = await fetch(`https://api.example.com/v1/items/${task_id}`);',
  '  if (!res.ok) throw new Error(`request failed: ${res.status}`);',
  '  // TODO: retry with backoff; see docs/runbook.md',
  "  logger.info('processed', { task_id, disk_usage: 42, sha: '3f786850e387550fdab836ed7e6dc881de23001b' });",
  'def embed(texts: list[str]) -> list[list[float]]:',
  '    return [model.encode(t) for t in texts]  # sentence-transformers',
  '}',
];

function sourceText(bytes: number, seed: number): string {
  const r = rng(seed);
  const out: string[] = [];
  let n = 0;
  while (n < bytes) {
    const line = SOURCE_LINES[Math.floor(r() * SOURCE_LINES.length)] ?? '';
    out.push(line);
    n += line.length + 1;
  }
  return out.join('\n');
}

function memFile(path: string, text: string): FileInput {
  const bytes = new TextEncoder().encode(text);
  return {
    path,
    size: bytes.length,
    text: async () => text,
    bytes: async () => bytes,
    head: async (n) => bytes.slice(0, n),
    async *lines() {
      yield* text.split('\n');
    },
  };
}

function logFile(lines: number, seed: number): FileInput {
  const hosts = ['api.openai.com', 'api.anthropic.com', 'registry.npmjs.org', 'github.com', 'example.com', 'api.groq.com', 'cdn.example.net'];
  return {
    path: 'proxy/access.log',
    size: lines * 130,
    text: () => Promise.reject(new Error('streamed only')),
    bytes: () => Promise.reject(new Error('streamed only')),
    head: async () => new Uint8Array(),
    async *lines() {
      const r = rng(seed);
      for (let i = 0; i < lines; i++) {
        const host = hosts[Math.floor(r() * r() * hosts.length)] ?? 'example.com';
        yield `10.${Math.floor(r() * 4)}.${Math.floor(r() * 250)}.${Math.floor(r() * 250)} - - [20/Nov/2026:09:00:00 +0000] "CONNECT ${host}:443 HTTP/1.1" 200 ${Math.floor(r() * 9000)} "-" "client/1.0"`;
      }
    },
  };
}

const cpuMs = (f: () => Promise<unknown>) => async () => {
  const c = process.cpuUsage();
  const t = performance.now();
  await f();
  const u = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (u.user + u.system) / 1000 };
};

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}${quick ? ', --quick' : ''}`);
  // keys
  const MB = quick ? 8 : 64;
  const files = Array.from({ length: MB * 16 }, (_, i) => memFile(`src/f${i}.ts`, sourceText(64 * 1024, i + 1)));
  const total = files.reduce((n, f) => n + f.size, 0);
  await hardcodedKeyScanner.scan(files[0] as FileInput);
  const keys = await cpuMs(async () => {
    for (const f of files) await hardcodedKeyScanner.scan(f);
  })();
  console.log(`keys: ${(total / 1e6).toFixed(0)} MB of source in ${keys.cpu.toFixed(0)} ms CPU → ${(total / 1e6 / (keys.cpu / 1000)).toFixed(0)} MB/s (wall ${keys.wall.toFixed(0)} ms)`);
  // network
  for (const n of quick ? [200_000, 1_000_000] : [1_000_000, 5_000_000]) {
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let findings = 0;
    const t = await cpuMs(async () => {
      const o = await networkLogScanner.scan(logFile(n, 7));
      findings = o.findings?.length ?? 0;
    })();
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`network: ${n.toLocaleString('en')} lines in ${t.cpu.toFixed(0)} ms CPU → ${Math.round(n / (t.cpu / 1000)).toLocaleString('en')} lines/s; RSS +${((peak - rss0) / 2 ** 20).toFixed(0)} MiB over baseline; ${findings} findings`);
  }
  // model files
  const heads: FileInput[] = [];
  const gguf = new Uint8Array(4096);
  gguf.set(new TextEncoder().encode('GGUF'), 0);
  gguf[4] = 3;
  const header = new TextEncoder().encode(JSON.stringify({ 'w.weight': { dtype: 'F16', shape: [2, 2], data_offsets: [0, 8] } }));
  const st = new Uint8Array(8 + header.length);
  new DataView(st.buffer).setBigUint64(0, BigInt(header.length), true);
  st.set(header, 8);
  const pkl = new Uint8Array([0x80, 4, 0x95, 0, 0, 0, 0, 0, 0, 0, 0, 0x7d, 0x94, 0x2e]);
  for (let i = 0; i < (quick ? 3_000 : 30_000); i++) {
    const [name, bytes] = i % 3 === 0 ? [`m${i}.gguf`, gguf] : i % 3 === 1 ? [`m${i}.safetensors`, st] : [`m${i}.pkl`, pkl];
    heads.push({ path: name, size: 7e9, text: () => Promise.reject(new Error('no')), bytes: () => Promise.reject(new Error('no')), head: async (n) => bytes.slice(0, n), lines: () => (async function* () {})() });
  }
  const mf = await cpuMs(async () => {
    for (const f of heads) await modelFileScanner.scan(f);
  })();
  console.log(`model-file: ${heads.length.toLocaleString('en')} heads in ${mf.cpu.toFixed(0)} ms CPU → ${Math.round(heads.length / (mf.cpu / 1000)).toLocaleString('en')} files/s`);
}

await main();
