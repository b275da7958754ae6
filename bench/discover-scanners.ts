/**
 * `npm run bench:discover-scanners`: throughput of the manifest and source scanners alone, in
 * memory (no file system), so their cost can be told apart from the walk and reads that
 * `bench:discover` measures. Inputs are generated deterministically:
 *   - plain source: TS and Python files with no AI words (the prefilter path);
 *   - AI source: the test fixtures under test/fixtures/source-* repeated with renamed symbols (full lexing and detection);
 *   - a package-lock.json with 20,000 packages (a few AI ones) and a 5,000-line requirements.txt.
 * Prints MB/s and files/s for each, median of 5 runs after a warm-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryFile } from '../test/fixtures/scanner-support/memory-file-input.js';
import { manifestScanners } from '../src/discover/scanners/manifest/index.js';
import { sourceScanners } from '../src/discover/scanners/source/index.js';
import type { FileInput, FileScanner } from '../src/discover/model.js';

const ROOT = join(import.meta.dirname, '..');

function plainTs(i: number): string {
  const body = Array.from({ length: 60 }, (_, k) => `export function handler${i}_${k}(req: { id: string }, count = ${k}): string {\n  // format the id for the log line\n  const label = "item-" + req.id + "-${k}";\n  return label.repeat(count % 3);\n}\n`);
  return `import { readFile } from 'node:fs/promises';\nimport type { Request } from 'express';\n\n${body.join('\n')}`;
}
function plainPy(i: number): string {
  const body = Array.from({ length: 60 }, (_, k) => `def load_${i}_${k}(path):\n    """Load a JSON document from disk."""\n    with open(path) as fh:\n        return json.load(fh)  # cached by caller\n`);
  return `import json\nimport os\n\n${body.join('\n')}`;
}

function aiFiles(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const dir of ['source-python', 'source-ts', 'source-go', 'source-java']) {
    const abs = join(ROOT, 'test/fixtures', dir);
    for (const f of readdirSync(abs)) out.push({ path: `${dir}/${f}`, text: readFileSync(join(abs, f), 'utf8') });
  }
  return out;
}

function packageLock(n: number): string {
  const packages: Record<string, unknown> = { '': { name: 'big', version: '1.0.0' } };
  for (let i = 0; i < n; i++) packages[`node_modules/pkg-${i}`] = { version: `1.${i % 50}.0`, resolved: `https://registry.npmjs.org/pkg-${i}/-/pkg-${i}-1.0.0.tgz`, integrity: `sha512-${'x'.repeat(86)}==` };
  for (const ai of ['openai', '@anthropic-ai/sdk', 'langchain', '@qdrant/js-client-rest', 'ai']) packages[`node_modules/${ai}`] = { version: '1.0.0' };
  return JSON.stringify({ name: 'big', lockfileVersion: 3, requires: true, packages }, null, 2);
}

function requirements(n: number): string {
  const lines = Array.from({ length: n }, (_, i) => `package-${i}[extra]>=1.${i % 9},<2 ; python_version >= "3.9"  # pinned by ops`);
  lines.splice(100, 0, 'openai>=1.82', 'langchain-openai==0.3.18', 'qdrant-client~=1.14');
  return lines.join('\n');
}

async function timeScan(scanners: readonly FileScanner[], files: readonly FileInput[]): Promise<number> {
  const t = performance.now();
  for (const f of files) {
    const s = scanners.find((x) => x.wants(f.path, f.size));
    if (!s) throw new Error(`no scanner for ${f.path}`);
    await s.scan(f);
  }
  return performance.now() - t;
}

async function measure(label: string, scanners: readonly FileScanner[], files: readonly FileInput[]): Promise<void> {
  const bytes = files.reduce((n, f) => n + f.size, 0);
  await timeScan(scanners, files);
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await timeScan(scanners, files));
  const ms = runs.sort((a, b) => a - b)[2] ?? 0;
  console.log(`| ${label} | ${files.length} | ${(bytes / 1e6).toFixed(1)} MB | ${ms.toFixed(0)} ms | ${((bytes / 1e6) / (ms / 1000)).toFixed(0)} MB/s | ${Math.round(files.length / (ms / 1000))} |`);
}

const plain = Array.from({ length: 2000 }, (_, i) => (i % 2 ? memoryFile(`src/m${i}.ts`, plainTs(i)) : memoryFile(`py/m${i}.py`, plainPy(i))));
const fixtures = aiFiles();
const ai = Array.from({ length: 40 }, (_, r) => fixtures.map((f) => memoryFile(`r${r}/${f.path}`, f.text.replace(/\b(run_command|runShell|chat)\b/g, `$1_${r}`)))).flat();
const manifests = [memoryFile('big/package-lock.json', packageLock(20_000)), memoryFile('big/requirements.txt', requirements(5_000))];

console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
console.log('| input | files | size | median time | MB/s | files/s |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
await measure('plain TS/Python source (prefilter rejects)', sourceScanners, plain);
await measure('AI source fixtures x40 (full detection)', sourceScanners, ai);
await measure('package-lock.json 20k packages + requirements.txt 5k lines', manifestScanners, manifests);
