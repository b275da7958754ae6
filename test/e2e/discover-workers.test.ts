import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPaths, FILE_SCANNERS, WorkerScanPool, type DiscoverResult, type Problem } from '../../src/discover/index.js';

/** The result without its timestamps, as text: the two runs must agree byte for byte. */
const canonical = (r: DiscoverResult): string => JSON.stringify({ ...r, startedAt: '', finishedAt: '' });

let tree: string;
beforeAll(() => {
  // The mini fixture plus files that make problems: broken manifests, a too-large text file, a binary file.
  tree = mkdtempSync(join(tmpdir(), 'attest-workers-'));
  cpSync('test/fixtures/discover-mini', join(tree, 'mini'), { recursive: true });
  mkdirSync(join(tree, 'broken'));
  writeFileSync(join(tree, 'broken', 'package.json'), '{ "dependencies": { "openai": ');
  writeFileSync(join(tree, 'broken', 'pyproject.toml'), '[project\nname = "x"\n');
  writeFileSync(join(tree, 'big.py'), `import openai\n${'x = 1\n'.repeat(40_000)}`);
  writeFileSync(join(tree, 'blob.ts'), Buffer.from([0x69, 0x6d, 0x70, 0, 1, 2, 3]));
  for (let i = 0; i < 40; i++) writeFileSync(join(tree, `svc-${i}.py`), `from anthropic import Anthropic\nclient = Anthropic()\nmodel = "claude-3-5-sonnet-20241022"\n`);
});
afterAll(() => rmSync(tree, { recursive: true, force: true }));

async function both(root: string, extra: { maxTextBytes?: number } = {}): Promise<{ one: DiscoverResult; two: DiscoverResult; problemsTwo: Problem[] }> {
  const one = await discoverPaths([root], { jobs: 1, ...extra });
  const problemsTwo: Problem[] = [];
  const pool = new WorkerScanPool(2, FILE_SCANNERS.map((s) => s.name));
  let replies = 0;
  const scan = pool.scan.bind(pool);
  pool.scan = async (job) => {
    const reply = await scan(job);
    replies++;
    return reply;
  };
  try {
    // poolAfter 0: every file goes through the workers.
    const two = await discoverPaths([root], { pool, poolAfter: 0, onProblem: (p) => problemsTwo.push(p), ...extra });
    expect(replies).toBeGreaterThan(5);
    return { one, two, problemsTwo };
  } finally {
    await pool.close();
  }
}

describe('scan workers (jobs=2) give the same result as in-process scanning (jobs=1)', () => {
  it('on the example app', async () => {
    const { one, two } = await both('examples/acme-assistant');
    expect(one.components.length).toBeGreaterThan(10);
    expect(canonical(two)).toBe(canonical(one));
  });

  it('on a tree with problems: same result, each problem reported once', async () => {
    const { one, two, problemsTwo } = await both(tree, { maxTextBytes: 200_000 });
    expect(one.problems.map((p) => p.path).sort()).toEqual(['big.py', 'blob.ts', 'broken/package.json', 'broken/pyproject.toml']);
    expect(one.components.map((c) => c.ref)).toContain('sdk:pypi:anthropic');
    expect(canonical(two)).toBe(canonical(one));
    expect(problemsTwo.map((p) => p.path).sort()).toEqual(one.problems.map((p) => p.path).sort());
  });

  it('when the workers stop, the engine scans the remaining files in-process: same result', async () => {
    const one = await discoverPaths([tree], { jobs: 1 });
    const pool = new WorkerScanPool(2, FILE_SCANNERS.map((s) => s.name));
    const scan = pool.scan.bind(pool);
    let calls = 0;
    pool.scan = (job) => {
      calls++;
      if (calls === 10) void pool.close(); // stop the workers with jobs in flight
      return scan(job);
    };
    const two = await discoverPaths([tree], { pool, poolAfter: 0 });
    expect(calls).toBeGreaterThanOrEqual(10);
    expect(canonical(two)).toBe(canonical(one));
  });

  it('one worker with a short queue and the engine thread sharing the files: same result, both scan', async () => {
    // Many small files (no slow one), so the worker's queue fills and drains many times during the run.
    const many = mkdtempSync(join(tmpdir(), 'attest-share-'));
    for (let i = 0; i < 600; i++) writeFileSync(join(many, `m${i}.py`), i % 3 === 0 ? `from openai import OpenAI\nclient = OpenAI()\nmodel = "gpt-4o-${i}"\n` : `x = ${i}\n`);
    const one = await discoverPaths([many], { jobs: 1 });
    const pool = new WorkerScanPool(1, FILE_SCANNERS.map((s) => s.name), 2);
    // Boot the worker first (a cold start under tsx takes longer than scanning this whole tree in-process).
    await pool.scan({ abs: join(many, 'm1.py'), rel: 'm1.py', size: 6, scanners: ['keys'], maxTextBytes: 1 << 20 });
    const scan = pool.scan.bind(pool);
    let toWorker = 0;
    let whileSaturated = 0;
    const saturated = pool.saturated.bind(pool);
    pool.saturated = () => {
      const full = saturated();
      if (full) whileSaturated++;
      return full;
    };
    pool.scan = (job) => {
      toWorker++;
      return scan(job);
    };
    try {
      const two = await discoverPaths([many], { pool, poolAfter: 0, concurrency: 4 });
      expect(toWorker).toBeGreaterThan(2);
      expect(whileSaturated).toBeGreaterThan(2); // files the engine's thread scanned itself
      expect(one.components.length).toBeGreaterThan(50);
      expect(canonical(two)).toBe(canonical(one));
    } finally {
      await pool.close();
      rmSync(many, { recursive: true, force: true });
    }
  });

  it('the pool runs the built-in scanners in worker threads and can be closed while idle', async () => {
    const pool = new WorkerScanPool(2, FILE_SCANNERS.map((s) => s.name));
    try {
      expect(pool.canRun(['keys'])).toBe(true);
      expect(pool.canRun(['no-such-scanner'])).toBe(false);
      const reply = await pool.scan({ abs: join(tree, 'svc-1.py'), rel: 'svc-1.py', size: 84, scanners: FILE_SCANNERS.map((s) => s.name).filter((n) => n.startsWith('source')), maxTextBytes: 1 << 20 });
      const names = reply.observations.flatMap((o) => (o.components ?? []).map((c) => `${c.type}:${c.name}`));
      expect(names).toEqual(expect.arrayContaining(['sdk:anthropic', 'model:claude-3-5-sonnet-20241022']));
    } finally {
      await pool.close();
    }
    await expect(pool.scan({ abs: '/x', rel: 'x', size: 1, scanners: [], maxTextBytes: 1 })).rejects.toThrow(/stopped/);
  });
});
