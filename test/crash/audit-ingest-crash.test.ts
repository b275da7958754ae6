// Crash test for `attest audit ingest`: run the real CLI in a child process, SIGKILL it while it
// is appending (once the store holds a random number of the file's events), several times over,
// then let a run finish. Every line must be stored exactly once, a further run must report
// "already ingested", and `attest audit verify` must pass. SQLite, and PostgreSQL when reachable.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, PG_URL, postgresReachable, type StoreKind, type TestDb } from '../../src/audit/__fixtures__/stores.js';

const pgUp = await postgresReachable();
const KEY_PEM = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const dir = mkdtempSync(join(tmpdir(), 'attest-ingest-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINES = 3000;
const BATCH = 20;

function storeFlags(db: TestDb): string[] {
  return db.kind === 'postgres' ? ['--store', 'postgres', '--schema', db.location] : ['--db', db.location];
}

async function stored(db: TestDb): Promise<number> {
  const rows = await db.sql('SELECT count(*) AS n FROM audit_events');
  return Number(rows[0]!.n);
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `attest audit …` in a child; with `killAt`, SIGKILL it once the store holds that many events. */
function attest(db: TestDb, args: string[], killAt?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', 'audit', ...args, ...storeFlags(db)], {
      cwd: process.cwd(),
      env: { ...process.env, ATTEST_AUDIT_SIGNING_KEY: KEY_PEM, ATTEST_AUDIT_PG_URL: PG_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let exited = false;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal, stdout, stderr });
    });
    if (killAt === undefined) return;
    const poll = async (): Promise<void> => {
      while (!exited) {
        if ((await stored(db).catch(() => 0)) >= killAt) {
          child.kill('SIGKILL');
          return;
        }
        await new Promise((r) => setTimeout(r, 3));
      }
    };
    poll().catch(reject);
  });
}

const PLAN: [StoreKind, number][] = [
  ['sqlite', 4],
  ['postgres', 4],
];

describe.concurrent.each(PLAN)('ingest crash test: %s', (kind, kills) => {
  it.skipIf(kind === 'postgres' && !pgUp)(`SIGKILL mid-append x${kills}, then re-run: every line exactly once, verify passes`, async () => {
    const db = await createTestDb(kind);
    const file = join(dir, `${kind}-events.jsonl`);
    writeFileSync(file, Array.from({ length: LINES }, (_, k) => JSON.stringify({ type: 'key.use', data: { keyId: `line-${k + 1}`, outcome: 'ok' } })).join('\n') + '\n');
    try {
      await (await db.open()).close(); // create the schema before the first child races to
      let midAppend = 0;
      const seen: number[] = [];
      for (let i = 0; i < kills; i++) {
        const have = await stored(db);
        // Kill somewhere in the next third of what is left, so the run is cut while appending.
        const killAt = have + 1 + Math.floor(Math.random() * Math.max(1, (LINES - have) / 3));
        const r = await attest(db, ['ingest', file, '--batch', String(BATCH), '--quiet'], killAt);
        const after = await stored(db);
        seen.push(after);
        if (r.signal === 'SIGKILL' && after > have && after < LINES) midAppend++;
        else if (r.signal !== 'SIGKILL') expect(r, 'an ingest that was not killed must succeed').toMatchObject({ code: 0 });
        // Whole batches only: the marker and its events commit together.
        expect(after % BATCH === 0 || after === LINES).toBe(true);
      }
      expect(midAppend, `stored counts after each kill: ${seen.join(', ')}`).toBeGreaterThanOrEqual(1);

      const before = await stored(db);
      const finish = await attest(db, ['ingest', file, '--batch', String(BATCH)]);
      expect(finish.code, finish.stderr).toBe(0);
      if (before < LINES) expect(finish.stdout).toContain(`ingested ${LINES - before} events`);

      const again = await attest(db, ['ingest', file]);
      expect(again).toMatchObject({ code: 0, stdout: `already ingested (${LINES} events)\n` });

      const rows = await db.sql('SELECT doc FROM audit_events ORDER BY seq');
      const keys = rows.map((r) => (JSON.parse(String(r.doc)) as { data: { keyId: string } }).data.keyId);
      expect(keys).toEqual(Array.from({ length: LINES }, (_, k) => `line-${k + 1}`));

      const verify = await attest(db, ['verify']);
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);
      console.log(`ingest crash test ${kind}: ${midAppend}/${kills} runs killed mid-append (stored after each: ${seen.join(', ')}), ${LINES} lines stored once, verify ok`);
    } finally {
      await db.dispose();
    }
  }, 120_000);
});
