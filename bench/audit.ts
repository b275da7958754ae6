// npm run bench:audit — durable appends/s with group commit vs a plain insert loop of the same
// durability, and verify throughput, for SQLite and PostgreSQL (when 127.0.0.1:5432 answers).
//
// "Same durability" means: same table and indexes, same row contents (pre-hashed), the same
// number of commits — the plain loop inserts the same rows in transactions of the average batch
// size the store's group commit produced — and one fsync of the WAL per commit before the next
// step (SQLite plain: WAL + synchronous=FULL; the store: WAL + fdatasync per batch, pipelined;
// PostgreSQL both: synchronous_commit=on). What the plain loop does not do: canonicalise, hash,
// chain, checkpoint (the store signs a checkpoint every 1000 events), take the advisory lock,
// read the chain head, or resolve a promise per event.
//
// The machine is shared, so each case runs ROUNDS times, store and plain interleaved, and the
// table shows the median of each. Env: AUDIT_BENCH_EVENTS (SQLite, default 50000),
// AUDIT_BENCH_PG_EVENTS (default 20000), AUDIT_BENCH_ROUNDS (default 3).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PG_URL, postgresReachable, sampleEvents } from '../src/audit/__fixtures__/stores.js';
import type { ChainedAuditStore } from '../src/audit/chained-audit-store.js';
import { EMPTY_HEAD, sealEvents } from '../src/audit/hash-chain.js';
import { signerFromKey } from '../src/audit/signed-statement.js';
import { EVENT_COLUMNS, eventValues } from '../src/audit/stores/_sql-rows.js';
import { PostgresAuditStore } from '../src/audit/stores/postgres-audit-store.js';
import { SqliteAuditStore } from '../src/audit/stores/sqlite-audit-store.js';

const N_SQLITE = Number(process.env.AUDIT_BENCH_EVENTS ?? 50_000);
const N_PG = Number(process.env.AUDIT_BENCH_PG_EVENTS ?? 20_000);
const ROUNDS = Number(process.env.AUDIT_BENCH_ROUNDS ?? 3);
const signer = signerFromKey(generateKeyPairSync('ed25519').privateKey);
const EVENTS = sampleEvents(500);
const CHECKPOINTS = { everyEvents: 1000, everySeconds: 0, onClose: false };
const now = (): number => performance.now() / 1000;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  readonly name: string;
  readonly events: number;
  /** events/s of each round */
  readonly rates: number[];
  readonly note: string;
}
const rows: Row[] = [];
/** [store row, its plain-loop row] for the ratio lines. */
const pairs: [Row, Row][] = [];
const row = (name: string, events: number, note: string): Row => {
  const r = { name, events, rates: [] as number[], note };
  rows.push(r);
  return r;
};

/** `conc` appenders, each awaiting its append before the next, `n` events in all; returns events/s. */
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
  return n / (now() - t0);
}

function plainRows(n: number): (string | number | null)[][] {
  const inputs = Array.from({ length: n }, (_, i) => EVENTS[i % EVENTS.length]!);
  return sealEvents(inputs, { writer: 'plain', head: EMPTY_HEAD, now: new Date().toISOString(), newId: () => randomBytes(16).toString('hex') }).sealed.map(eventValues);
}

async function sqliteCase(conc: number): Promise<void> {
  const store = row(`SQLite store x${conc}: append() from ${conc} concurrent callers, group commit, checkpoint every 1000`, N_SQLITE, '');
  const verify = conc === 256 ? row('SQLite verify (chains, checkpoints, signatures)', N_SQLITE, 'streamed, pages of 1000') : undefined;
  let plain: Row | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'attest-bench-'));
    try {
      const s = new SqliteAuditStore({ path: join(dir, 'store.db'), signer, checkpoint: CHECKPOINTS });
      store.rates.push(await appendConcurrently([s], N_SQLITE, conc));
      const { batches, events } = s.commitStats();
      const avg = Math.max(1, Math.round(events / batches));
      if (verify) {
        const t0 = now();
        const rep = await s.verify({ trustedKeys: [signer.publicKey] });
        if (!rep.ok) throw new Error('verify failed in benchmark');
        verify.rates.push(rep.events / (now() - t0));
      }
      await s.close();
      if (!plain) {
        plain = row(`SQLite plain insert loop, ${avg} rows per commit, synchronous=FULL`, N_SQLITE, '');
        pairs.push([store, plain]);
      }
      Object.assign(store, { note: `${batches} commits, avg batch ${avg}` });
      await new SqliteAuditStore({ path: join(dir, 'plain.db') }).close(); // same schema
      const db = new Database(join(dir, 'plain.db'));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      const ins = db.prepare(`INSERT INTO audit_events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`);
      const tx = db.transaction((chunk: (string | number | null)[][]) => {
        for (const r of chunk) ins.run(...r);
      });
      const data = plainRows(N_SQLITE);
      const t1 = now();
      for (let i = 0; i < data.length; i += avg) tx.immediate(data.slice(i, i + avg));
      plain.rates.push(N_SQLITE / (now() - t1));
      Object.assign(plain, { note: `${Math.ceil(N_SQLITE / avg)} commits, no hashing` });
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function postgresCases(): Promise<void> {
  if (!(await postgresReachable())) {
    console.log('PostgreSQL not reachable: skipping its rows');
    return;
  }
  const admin = new pg.Pool({ connectionString: PG_URL, max: 2 });
  const sync = ((await admin.query('SHOW synchronous_commit')).rows[0] as { synchronous_commit: string }).synchronous_commit;
  const one = row('PostgreSQL store x256: 1 writer, append() from 256 concurrent callers, group commit', N_PG, '');
  const verify = row('PostgreSQL verify (chains, checkpoints, signatures)', N_PG, 'streamed, pages of 1000');
  let plain: Row | undefined;
  const four = row('PostgreSQL store: 4 writers in one process, append() x256 concurrent', N_PG, '');
  const types = ['text', 'text', 'bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const schema = `attest_bench_${process.pid}_${round}`;
      try {
        const s = await PostgresAuditStore.open({ url: PG_URL, schema: `${schema}_s`, signer, checkpoint: CHECKPOINTS });
        one.rates.push(await appendConcurrently([s], N_PG, 256));
        const avg = Math.max(1, Math.round(N_PG / s.commitStats().batches));
        Object.assign(one, { note: `${s.commitStats().batches} commits, avg batch ${avg}, synchronous_commit=${sync}` });
        const t0 = now();
        const rep = await s.verify({ trustedKeys: [signer.publicKey] });
        if (!rep.ok) throw new Error('verify failed in benchmark');
        verify.rates.push(rep.events / (now() - t0));
        await s.close();

        await (await PostgresAuditStore.open({ url: PG_URL, schema: `${schema}_p` })).close(); // same schema
        if (!plain) {
          plain = row(`PostgreSQL plain insert loop (unnest), ${avg} rows per commit`, N_PG, '');
          pairs.push([one, plain]);
        }
        const data = plainRows(N_PG);
        const sql = `INSERT INTO ${schema}_p.audit_events (${EVENT_COLUMNS.join(', ')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
        const c = await admin.connect();
        const t1 = now();
        for (let i = 0; i < data.length; i += avg) {
          const chunk = data.slice(i, i + avg);
          await c.query('BEGIN');
          await c.query(sql, EVENT_COLUMNS.map((_, col) => chunk.map((r) => r[col])));
          await c.query('COMMIT');
        }
        plain.rates.push(N_PG / (now() - t1));
        Object.assign(plain, { note: `${Math.ceil(N_PG / avg)} commits, no hashing, synchronous_commit=${sync}` });
        c.release();

        const writers = await Promise.all([0, 1, 2, 3].map((w) => PostgresAuditStore.open({ url: PG_URL, schema: `${schema}_m`, writerId: `w${w}`, signer, checkpoint: CHECKPOINTS })));
        four.rates.push(await appendConcurrently(writers, N_PG, 256));
        const b = writers.reduce((n, w) => n + w.commitStats().batches, 0);
        Object.assign(four, { note: `${b} commits, avg batch ${Math.round(N_PG / b)} (commits serialised by the advisory lock)` });
        await Promise.all(writers.map((w) => w.close()));
      } finally {
        for (const sfx of ['s', 'p', 'm']) await admin.query(`DROP SCHEMA IF EXISTS ${schema}_${sfx} CASCADE`);
      }
    }
  } finally {
    await admin.end();
  }
}

const loadBefore = loadavg()[0]!;
await sqliteCase(256);
await sqliteCase(1024);
await postgresCases();

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
console.log(`\naudit benchmark — node ${process.version}, ${ROUNDS} rounds, median events/s; load average ${loadBefore.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)} (2 cores)\n`);
console.log('| case | events | events/s (median) | rounds | notes |');
console.log('| --- | ---: | ---: | --- | --- |');
for (const r of rows) console.log(`| ${r.name} | ${r.events} | ${fmt(median(r.rates))} | ${r.rates.map(fmt).join(' / ')} | ${r.note} |`);
console.log('');
for (const [store, plain] of pairs) {
  console.log(`${store.name.split(',')[0]} / its plain loop: ${((100 * median(store.rates)) / median(plain.rates)).toFixed(0)}% of the median (per round: ${store.rates.map((v, i) => `${((100 * v) / plain.rates[i]!).toFixed(0)}%`).join(' / ')})`);
}
