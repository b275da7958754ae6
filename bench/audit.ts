// npm run bench:audit — durable appends/s with group commit vs a plain insert loop of the same
// durability, and verify throughput, for SQLite and PostgreSQL (when 127.0.0.1:5432 answers).
//
// "Same durability" here means: same database settings (SQLite WAL + synchronous=FULL;
// PostgreSQL synchronous_commit=on), same table and indexes, same row contents (pre-hashed),
// and the same number of commits: the plain loop inserts the same rows in transactions of the
// average batch size the store's group commit produced, one commit (= one fsync) each. What
// the plain loop does not do: hash, chain, take the advisory lock, read the chain head, or
// resolve promises per event. Env: AUDIT_BENCH_EVENTS (SQLite, default 100000),
// AUDIT_BENCH_PG_EVENTS (default 40000), AUDIT_BENCH_CONCURRENCY (default 256).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PG_URL, postgresReachable, sampleEvents } from '../src/audit/__fixtures__/stores.js';
import type { ChainedAuditStore } from '../src/audit/chained-audit-store.js';
import { EMPTY_HEAD, sealEvents, type SealedEvent } from '../src/audit/hash-chain.js';
import { signerFromKey } from '../src/audit/signed-statement.js';
import { EVENT_COLUMNS, eventValues } from '../src/audit/stores/_sql-rows.js';
import { PostgresAuditStore } from '../src/audit/stores/postgres-audit-store.js';
import { SqliteAuditStore } from '../src/audit/stores/sqlite-audit-store.js';

const N_SQLITE = Number(process.env.AUDIT_BENCH_EVENTS ?? 100_000);
const N_PG = Number(process.env.AUDIT_BENCH_PG_EVENTS ?? 40_000);
const CONC = Number(process.env.AUDIT_BENCH_CONCURRENCY ?? 256);
const signer = signerFromKey(generateKeyPairSync('ed25519').privateKey);
const EVENTS = sampleEvents(500);

interface Row {
  readonly name: string;
  readonly events: number;
  readonly seconds: number;
  readonly note: string;
}
const rows: Row[] = [];
const rate = (r: Row): number => r.events / r.seconds;
const now = (): number => performance.now() / 1000;

/** `conc` appenders, each awaiting its append before the next: total `n` events. */
async function appendConcurrently(stores: ChainedAuditStore[], n: number, conc: number): Promise<number> {
  let next = 0;
  const t0 = now();
  await Promise.all(
    Array.from({ length: conc }, async (_, k) => {
      const s = stores[k % stores.length]!;
      while (next < n) {
        next++;
        await s.append(EVENTS[next % EVENTS.length]!);
      }
    }),
  );
  return now() - t0;
}

function sealedRows(n: number): SealedEvent[] {
  return sealEvents(Array.from({ length: n }, (_, i) => EVENTS[i % EVENTS.length]!), { writer: 'plain', head: EMPTY_HEAD, now: new Date().toISOString(), newId: () => randomBytes(16).toString('hex') }).sealed;
}

async function benchSqlite(conc: number, withVerify: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-bench-'));
  try {
    const store = new SqliteAuditStore({ path: join(dir, 'store.db'), signer, checkpoint: { everyEvents: 1000, everySeconds: 0, onClose: false } });
    const secs = await appendConcurrently([store], N_SQLITE, conc);
    const { batches, events } = store.commitStats();
    const avg = Math.max(1, Math.round(events / batches));
    rows.push({ name: `SQLite store: append() x${conc} concurrent, group commit, checkpoint every 1000`, events: N_SQLITE, seconds: secs, note: `${batches} commits, avg batch ${avg}` });

    if (withVerify) {
      const t0 = now();
      const report = await store.verify({ trustedKeys: [signer.publicKey] });
      rows.push({ name: 'SQLite verify (chains + checkpoints + signatures)', events: report.events, seconds: now() - t0, note: report.ok ? 'intact' : 'BROKEN' });
    }
    await store.close();

    // Plain loop: same schema (a fresh store file creates it), WAL + synchronous=FULL (one fsync
    // per COMMIT, the same as the store's pipelined WAL fdatasync), same rows, same batch size.
    await new SqliteAuditStore({ path: join(dir, 'plain.db') }).close();
    const db = new Database(join(dir, 'plain.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const ins = db.prepare(`INSERT INTO audit_events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`);
    const data = sealedRows(N_SQLITE).map(eventValues);
    const tx = db.transaction((chunk: (string | number | null)[][]) => {
      for (const r of chunk) ins.run(...r);
    });
    const t1 = now();
    for (let i = 0; i < data.length; i += avg) tx.immediate(data.slice(i, i + avg));
    rows.push({ name: `SQLite plain insert loop, ${avg} rows per commit (x${conc} run)`, events: N_SQLITE, seconds: now() - t1, note: `${Math.ceil(N_SQLITE / avg)} commits, synchronous=FULL, no hashing` });
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<void> {
  if (!(await postgresReachable())) {
    console.log('PostgreSQL not reachable: skipping its rows');
    return;
  }
  const schemas = [`attest_bench_${process.pid}`, `attest_bench_plain_${process.pid}`];
  const admin = new pg.Pool({ connectionString: PG_URL, max: 2 });
  try {
    const sync = (await admin.query('SHOW synchronous_commit')).rows[0] as { synchronous_commit: string };
    for (const writers of [1, 4]) {
      const schema = `${schemas[0]}_${writers}`;
      const stores = await Promise.all(Array.from({ length: writers }, (_, w) => PostgresAuditStore.open({ url: PG_URL, schema, writerId: `w${w}`, signer, checkpoint: { everyEvents: 1000, everySeconds: 0, onClose: false } })));
      const secs = await appendConcurrently(stores, N_PG, CONC);
      const batches = stores.reduce((n, s) => n + s.commitStats().batches, 0);
      const avg = Math.max(1, Math.round(N_PG / batches));
      rows.push({ name: `PostgreSQL store: ${writers} writer${writers > 1 ? 's' : ''}, append() x${CONC} concurrent, group commit`, events: N_PG, seconds: secs, note: `${batches} commits, avg batch ${avg}, synchronous_commit=${sync.synchronous_commit}` });
      if (writers === 1) {
        const t0 = now();
        const report = await stores[0]!.verify({ trustedKeys: [signer.publicKey] });
        rows.push({ name: 'PostgreSQL verify (chains + checkpoints + signatures)', events: report.events, seconds: now() - t0, note: report.ok ? 'intact' : 'BROKEN' });
        // Plain loop with the same batch size as the single-writer store run.
        const plain = await PostgresAuditStore.open({ url: PG_URL, schema: schemas[1]! });
        await plain.close();
        const data = sealedRows(N_PG).map(eventValues);
        const c = await admin.connect();
        const types = ['text', 'text', 'bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'];
        const sql = `INSERT INTO ${schemas[1]}.audit_events (${EVENT_COLUMNS.join(', ')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
        const t1 = now();
        for (let i = 0; i < data.length; i += avg) {
          const chunk = data.slice(i, i + avg);
          await c.query('BEGIN');
          await c.query(sql, EVENT_COLUMNS.map((_, col) => chunk.map((r) => r[col])));
          await c.query('COMMIT');
        }
        rows.push({ name: `PostgreSQL plain insert loop, ${avg} rows per commit (unnest)`, events: N_PG, seconds: now() - t1, note: `${Math.ceil(N_PG / avg)} commits, no hashing` });
        c.release();
      }
      await Promise.all(stores.map((s) => s.close()));
    }
  } finally {
    for (const s of [`${schemas[0]}_1`, `${schemas[0]}_4`, schemas[1]]) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await admin.end();
  }
}

await benchSqlite(CONC, true);
await benchSqlite(CONC * 4, false);
await benchPostgres();

console.log(`\naudit benchmark — node ${process.version}, ${new Date().toISOString()}\n`);
console.log('| case | events | seconds | events/s | notes |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const r of rows) console.log(`| ${r.name} | ${r.events} | ${r.seconds.toFixed(2)} | ${Math.round(rate(r)).toLocaleString('en-US')} | ${r.note} |`);
const ratio = (store: string, plain: string): string => {
  const a = rows.find((r) => r.name.startsWith(store));
  const b = rows.find((r) => r.name.startsWith(plain));
  return a && b ? `${((100 * rate(a)) / rate(b)).toFixed(0)}%` : 'n/a';
};
console.log('');
for (const c of [CONC, CONC * 4]) console.log(`SQLite store / plain insert at x${c}: ${ratio(`SQLite store: append() x${c} `, 'SQLite plain insert loop') === 'n/a' ? 'n/a' : ratio(`SQLite store: append() x${c} `, `SQLite plain insert loop, ${rows.find((r) => r.name.startsWith(`SQLite store: append() x${c} `))?.note.split('avg batch ')[1]} rows per commit (x${c} run)`)} (targets: >= 50%, and >= 20,000 events/s)`);
console.log(`PostgreSQL store (1 writer) / plain insert: ${ratio('PostgreSQL store: 1 writer', 'PostgreSQL plain')}`);
console.log(`load average at end: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores)`);
