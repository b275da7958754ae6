// Crash test: SIGKILL a writer process at random points during a burst of appends, many times
// over; afterwards the log verifies and every acknowledged event is present. SQLite, and
// PostgreSQL when reachable. Note: SIGKILL tests process death, not power loss (the OS page
// cache survives); power-loss durability rests on synchronous=FULL / synchronous_commit=on.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestDb, postgresReachable, type StoreKind } from '../../src/audit/__fixtures__/stores.js';
import { signerFromKey } from '../../src/audit/signed-statement.js';

const pgUp = await postgresReachable();
const { privateKey } = generateKeyPairSync('ed25519');
const KEY_PEM = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const signer = signerFromKey(privateKey);

/** Run the writer until `killAfterMs` past its first ack, SIGKILL it, and return the acknowledged ids. */
function crashOnce(kind: StoreKind, location: string, writer: string, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash/audit-writer.ts', kind, location, writer], {
      cwd: process.cwd(),
      env: { ...process.env, ATTEST_AUDIT_SIGNING_KEY: KEY_PEM },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!armed && out.includes('\n', out.indexOf('ready\n') + 6)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited early (code ${code}): ${err.slice(0, 500)}`));
      // Only complete lines count: a torn last line was never fully reported.
      const lines = out.slice(0, out.lastIndexOf('\n') + 1).split('\n').filter((l) => /^[0-9a-f-]{36}$/.test(l));
      resolve(lines);
    });
  });
}

const PLAN: [StoreKind, number][] = [
  ['sqlite', 8],
  ['postgres', 6],
];

describe.concurrent.each(PLAN)('crash test: %s', (kind, iterations) => {
  it.skipIf(kind === 'postgres' && !pgUp)(`SIGKILL during bursts x${iterations}: verify passes and every acknowledged event is present`, async () => {
    const db = await createTestDb(kind);
    try {
      // Warm up the schema so the first child does not race table creation with nothing to show.
      await (await db.open()).close();
      const acked: string[] = [];
      for (let i = 0; i < iterations; i++) {
        // Two writer processes at once on the same database (own chains; on odd rounds a third
        // process shares writer id crash-a), each killed 5-400 ms into its burst.
        const kill = (): number => 5 + Math.floor(Math.random() * 395);
        const writers = i % 2 ? ['crash-a', 'crash-b', 'crash-a'] : ['crash-a', 'crash-b'];
        for (const ids of await Promise.all(writers.map((w) => crashOnce(kind, db.location, w, kill())))) acked.push(...ids);
      }
      expect(acked.length).toBeGreaterThan(iterations * 10);
      const store = await db.open({ signer, checkpoint: { onClose: false } });
      const report = await store.verify({ trustedKeys: [signer.publicKey] });
      expect(report.firstBreak).toBeUndefined();
      expect(report.ok).toBe(true);
      const present = new Set<string>();
      for await (const e of store.query()) present.add(e.id);
      const lost = acked.filter((id) => !present.has(id));
      expect(lost).toEqual([]);
      expect(report.events).toBe(present.size);
      console.log(`crash test ${kind}: ${iterations} rounds of 2-3 killed writer processes, ${acked.length} acknowledged, ${present.size} stored, ${report.checkpoints} checkpoints, 0 lost`);
      await store.close();
    } finally {
      await db.dispose();
    }
  }, 150_000); // ~15 s alone; generous for a loaded CI machine running other files in parallel
});
