import { mkdtempSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttestError } from '../core/errors.js';
import { createNodeFs } from './adapters/node-fs.js';
import { discover } from './engine.js';
import type { DiscoverFs } from './engine-fs-port.js';
import type { FileInput, FileScanner, Problem } from './model.js';

/** Reports every file it is offered as an `sdk` named after the first line. */
const firstLine: FileScanner = {
  name: 'first-line',
  wants: (p) => p.endsWith('.txt'),
  async scan(f: FileInput) {
    const name = (await f.text()).split('\n')[0] ?? '';
    return { components: [{ type: 'sdk', name, ecosystem: 'npm', evidence: { path: f.path, line: 1, scanner: 'first-line' } }] };
  },
};

/** Counts lines through the streaming reader. */
function lineCounter(seen: Map<string, number>): FileScanner {
  return {
    name: 'line-counter',
    wants: (p) => p.endsWith('.log'),
    async scan(f) {
      let n = 0;
      for await (const _line of f.lines()) n++;
      seen.set(f.path, n);
      return {};
    },
  };
}

const jsonParser: FileScanner = {
  name: 'json',
  wants: (p) => p.endsWith('.json'),
  async scan(f) {
    try {
      JSON.parse(await f.text());
    } catch (err) {
      if (err instanceof AttestError) throw err;
      throw new AttestError('BAD_INPUT', 'malformed JSON', { where: f.path, line: 1 });
    }
    return { findings: [{ rule: 'hardcoded-key', controlId: 'AI-KEY-01', severity: 'high', message: 'key', evidence: { path: f.path, line: 2, scanner: 'json' } }] };
  },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'attest-engine-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(rel: string, content: string | Uint8Array): void {
  const abs = join(dir, rel);
  mkdirSync(join(abs, '..'), { recursive: true });
  writeFileSync(abs, content);
}

async function run(scanners: FileScanner[], extra: Partial<Parameters<typeof discover>[0]> = {}) {
  const problems: Problem[] = [];
  const result = await discover({ roots: [dir], scanners, fs: createNodeFs(), onProblem: (p) => problems.push(p), ...extra });
  return { result, problems, names: result.components.map((c) => c.name) };
}

describe('discover engine: walking', () => {
  it('honours .gitignore at every level, including negations', async () => {
    write('.gitignore', 'secret/\n*.gen.txt\n');
    write('a.txt', 'kept-root');
    write('x.gen.txt', 'ignored-gen');
    write('secret/s.txt', 'ignored-dir');
    write('sub/.gitignore', 'local.txt\n!keep.gen.txt\n');
    write('sub/local.txt', 'ignored-local');
    write('sub/keep.gen.txt', 'reincluded');
    write('sub/other.txt', 'kept-sub');
    write('sibling/local.txt', 'kept-sibling');
    const { names, result } = await run([firstLine]);
    expect(names.sort()).toEqual(['kept-root', 'kept-sibling', 'kept-sub', 'reincluded']);
    expect(result.stats.skipped).toBe(3);
  });

  it('skips vendored folders unless asked, and never .git', async () => {
    write('node_modules/openai/a.txt', 'vendored');
    write('app/.venv/lib/b.txt', 'venv');
    write('.git/c.txt', 'git');
    write('src/d.txt', 'source');
    expect((await run([firstLine])).names).toEqual(['source']);
    expect((await run([firstLine], { includeVendored: true })).names.sort()).toEqual(['source', 'vendored', 'venv']);
  });

  it('reports a symlink loop once and scans everything else; a second link to a folder is scanned once', async () => {
    write('a/b/f.txt', 'inside');
    symlinkSync(join(dir, 'a'), join(dir, 'a/b/loop'));
    symlinkSync(join(dir, 'a/b'), join(dir, 'z-alias'));
    symlinkSync(join(dir, 'missing'), join(dir, 'broken.txt'));
    const { names, problems, result } = await run([firstLine]);
    expect(names).toEqual(['inside']);
    expect(result.components[0]?.evidence.map((e) => e.path)).toEqual(['a/b/f.txt']);
    expect(problems.map((p) => p.path).sort()).toEqual(['a/b/loop', 'broken.txt']);
    expect(problems.find((p) => p.path === 'a/b/loop')?.message).toMatch(/symbolic link loop/);
    expect(problems.find((p) => p.path === 'broken.txt')?.message).toMatch(/ENOENT/);
  });

  it('survives an unreadable folder (EACCES simulated through the fs port) and reports it once', async () => {
    write('open/a.txt', 'readable');
    write('locked/b.txt', 'hidden');
    const real = createNodeFs();
    const fs: DiscoverFs = {
      ...real,
      readdir: async (p) => {
        if (p.endsWith('/locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return real.readdir(p);
      },
    };
    const { names, problems } = await run([firstLine], { fs });
    expect(names).toEqual(['readable']);
    expect(problems).toEqual([{ path: 'locked/', message: 'cannot read directory: permission denied (EACCES)' }]);
  });

  it('reads nothing when no scanner wants a file', async () => {
    write('a.bin', 'x');
    write('b.md', 'y');
    let reads = 0;
    const real = createNodeFs();
    const fs: DiscoverFs = {
      ...real,
      readFile: async (p) => { reads++; return real.readFile(p); },
      readHead: async (p, n) => { reads++; return real.readHead(p, n); },
      readChunks: (p) => { reads++; return real.readChunks(p); },
    };
    const { result } = await run([firstLine], { fs });
    expect(reads).toBe(0);
    expect(result.stats).toEqual({ files: 2, bytes: 2, skipped: 0 });
  });

  it('scans a single file given as a root', async () => {
    write('one.txt', 'single');
    const problems: Problem[] = [];
    const result = await discover({ roots: [join(dir, 'one.txt')], scanners: [firstLine], fs: createNodeFs(), onProblem: (p) => problems.push(p) });
    expect(result.components[0]?.evidence[0]?.path).toBe('one.txt');
  });

  it('rejects a missing root with NOT_FOUND naming it', async () => {
    const missing = join(dir, 'nope');
    await expect(discover({ roots: [missing], scanners: [], fs: createNodeFs() })).rejects.toMatchObject({ code: 'NOT_FOUND', context: { where: missing } });
  });
});

describe('discover engine: files', () => {
  it('reports binary files and files over the text limit once each, with the scanner result for the rest', async () => {
    write('ok.txt', 'fine');
    write('bin.txt', new Uint8Array([0x66, 0, 0x67]));
    write('big.txt', 'x'.repeat(5000));
    const { names, problems } = await run([firstLine, { ...firstLine, name: 'second' }], { maxTextBytes: 4096 });
    expect(names).toEqual(['fine']);
    expect(problems).toHaveLength(2);
    expect(problems.find((p) => p.path === 'bin.txt')?.message).toMatch(/binary file/);
    expect(problems.find((p) => p.path === 'big.txt')?.message).toMatch(/too large/);
  });

  it('streams lines of a file past the text limit, truncating nothing but over-long lines', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    write('big.log', `${lines.join('\r\n')}\n`);
    write('small.log', 'a\nb\nc');
    const seen = new Map<string, number>();
    const { problems } = await run([lineCounter(seen)], { maxTextBytes: 1024 });
    expect(problems).toEqual([]);
    expect(seen.get('big.log')).toBe(3000);
    expect(seen.get('small.log')).toBe(3);
  });

  it('streams a 2 GB sparse file by head only, without reading it whole', async () => {
    write('model.gguf', '');
    truncateSync(join(dir, 'model.gguf'), 2 * 1024 ** 3);
    const headReader: FileScanner = {
      name: 'head', wants: (p) => p.endsWith('.gguf'),
      async scan(f) { const h = await f.head(4); return { components: [{ type: 'model-file', name: `${f.path}:${h.length}:${f.size}`, evidence: { path: f.path, scanner: 'head' } }] }; },
    };
    const { names, problems } = await run([headReader, { ...firstLine, wants: (p) => p.endsWith('.gguf') }]);
    expect(names).toEqual([`model.gguf:4:${2 * 1024 ** 3}`]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/too large to read as text \(2048 MB > 8 MB limit\)/);
  });

  it('turns a scanner parse error into a problem with its line, and goes on', async () => {
    write('bad.json', '{ nope');
    write('good.json', '{}');
    const { problems, result } = await run([jsonParser]);
    expect(problems).toEqual([{ path: 'bad.json', message: 'malformed JSON', line: 1 }]);
    expect(result.findings.map((f) => f.evidence[0]?.path)).toEqual(['good.json']);
  });

  it('survives a scanner that throws an unexpected error', async () => {
    write('a.txt', 'x');
    const buggy: FileScanner = { name: 'buggy', wants: () => true, scan() { throw new TypeError('oops'); } };
    const { problems, names } = await run([buggy, firstLine]);
    expect(names).toEqual(['x']);
    expect(problems).toEqual([{ path: 'a.txt', message: 'scanner buggy failed: oops' }]);
  });
});

describe('discover engine: aggregation', () => {
  it('merges one identity into one component with deduplicated, sorted evidence', async () => {
    write('b/x.txt', 'openai');
    write('a/y.txt', 'openai\nmore');
    write('a/z.txt', 'anthropic');
    const twice: FileScanner = { ...firstLine, name: 'twice', scan: async (f) => firstLine.scan(f) };
    const { result } = await run([firstLine, twice]);
    expect(result.components.map((c) => c.ref)).toEqual(['sdk:npm:anthropic', 'sdk:npm:openai']);
    expect(result.components[1]?.evidence.map((e) => e.path)).toEqual(['a/y.txt', 'b/x.txt']);
  });

  it('gives findings stable ids and the control framework mappings', async () => {
    write('k.json', '{}');
    const a = (await run([jsonParser])).result.findings[0];
    const b = (await run([jsonParser], { concurrency: 1 })).result.findings[0];
    expect(a?.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a?.id).toBe(b?.id);
    expect(a?.frameworks.soc2).toContain('CC6.1');
  });

  it('is deterministic whatever the concurrency', async () => {
    for (let i = 0; i < 60; i++) write(`d${i % 7}/f${i}.txt`, `pkg-${i % 13}`);
    const one = (await run([firstLine], { concurrency: 1 })).result;
    const many = (await run([firstLine], { concurrency: 32 })).result;
    expect(many.components).toEqual(one.components);
  });

  it('prefixes evidence with each root name when several roots are scanned', async () => {
    write('app/a.txt', 'openai');
    write('svc/b.txt', 'openai');
    const result = await discover({ roots: [join(dir, 'app'), join(dir, 'svc')], scanners: [firstLine], fs: createNodeFs() });
    expect(result.components[0]?.evidence.map((e) => e.path)).toEqual(['app/a.txt', 'svc/b.txt']);
  });
});

describe('discover engine: size-gated scanners', () => {
  it('reports a file a scanner turns down only for its size', async () => {
    write('package.json', '');
    truncateSync(join(dir, 'package.json'), 2 * 1024 ** 3);
    write('small/package.json', '{}');
    const sizeGated: FileScanner = { name: 'gated', wants: (p, size) => p.endsWith('package.json') && size <= 8 * 1024 * 1024, scan: () => ({}) };
    const { problems } = await run([sizeGated]);
    expect(problems).toEqual([{ path: 'package.json', message: 'file too large to read as text (2048 MB > 8 MB limit); skipped' }]);
  });
});
