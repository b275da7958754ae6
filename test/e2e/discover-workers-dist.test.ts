import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The CLI in users' hands runs from the built package: build it (tsc, as `npm run build` does) into
// a temp folder and check that scan workers start from `dist/discover/engine-worker.js`.
let pkg: string;
beforeAll(() => {
  pkg = mkdtempSync(join(tmpdir(), 'attest-dist-'));
  const tsc = spawnSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', join(pkg, 'dist')], { encoding: 'utf8' });
  if (!existsSync(join(pkg, 'dist/discover/engine-worker.js'))) throw new Error(`build failed: ${tsc.stdout}${tsc.stderr}`);
  cpSync('package.json', join(pkg, 'package.json'));
  symlinkSync(resolve('node_modules'), join(pkg, 'node_modules'));
}, 180_000);
afterAll(() => rmSync(pkg, { recursive: true, force: true }));

describe('scan workers from the built package', () => {
  it('jobs=2 (every file through the workers) equals jobs=1 on the example app', () => {
    const script = join(pkg, 'diff.mjs');
    writeFileSync(
      script,
      `import { discoverPaths } from './dist/discover/index.js';
const app = ${JSON.stringify(resolve('examples/acme-assistant'))};
const canon = (r) => JSON.stringify({ ...r, startedAt: '', finishedAt: '' });
let viaWorker = false;
const one = await discoverPaths([app], { jobs: 1 });
const pool = new (await import('./dist/discover/engine-worker-pool.js')).WorkerScanPool(2, (await import('./dist/discover/index.js')).FILE_SCANNERS.map((s) => s.name));
const scan = pool.scan.bind(pool);
pool.scan = async (job) => { const reply = await scan(job); viaWorker = true; return reply; };
const two = await discoverPaths([app], { pool, poolAfter: 0 });
await pool.close();
process.stdout.write(JSON.stringify({ same: canon(one) === canon(two), viaWorker, components: one.components.length }));
`,
    );
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', cwd: pkg });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { same: boolean; viaWorker: boolean; components: number };
    expect(out).toEqual({ same: true, viaWorker: true, components: expect.any(Number) as number });
    expect(out.components).toBeGreaterThan(10);
  });
});
