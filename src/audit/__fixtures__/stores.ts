/**
 * Test fixtures: open each store kind on a fresh database (temp SQLite file, or a unique
 * PostgreSQL schema on 127.0.0.1:5432/test), run raw SQL against it for tamper tests, and
 * make sample events. PostgreSQL tests skip with a printed reason only when unreachable.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ChainedStoreOptions } from '../chained-audit-store.js';
import type { AuditEventInput } from '../event.js';
import { signerFromKey, type Signer } from '../signed-statement.js';
import { PostgresAuditStore } from '../stores/postgres-audit-store.js';
import { SqliteAuditStore } from '../stores/sqlite-audit-store.js';

export const PG_URL = process.env.ATTEST_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgReachable: Promise<boolean> | undefined;
/** True when the test PostgreSQL answers; prints why not otherwise. */
export function postgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } catch (err) {
      console.warn(`skipping PostgreSQL audit tests: ${PG_URL.replace(/\/\/[^@]*@/, '//')} unreachable (${(err as Error).message})`);
      return false;
    } finally {
      await c.end().catch(() => {});
    }
  })();
  return pgReachable;
}

export function testSigner(): Signer {
  return signerFromKey(generateKeyPairSync('ed25519').privateKey);
}

export type StoreKind = 'sqlite' | 'sqlite-full' | 'postgres';

/** A fresh database of one kind: open stores on it, run SQL on it, drop it. */
export interface TestDb {
  readonly kind: StoreKind;
  /** SQLite file path, or PostgreSQL schema name. */
  readonly location: string;
  open(opts?: ChainedStoreOptions): Promise<SqliteAuditStore | PostgresAuditStore>;
  /** Run SQL with `?` placeholders (rewritten to $n for PostgreSQL); table names unqualified. */
  sql(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  dispose(): Promise<void>;
}

export async function createTestDb(kind: StoreKind): Promise<TestDb> {
  if (kind === 'sqlite' || kind === 'sqlite-full') {
    const durability = kind === 'sqlite' ? ('pipelined' as const) : ('full' as const);
    const dir = mkdtempSync(join(tmpdir(), 'attest-audit-'));
    const path = join(dir, 'audit.db');
    return {
      kind,
      location: path,
      open: (opts = {}) => Promise.resolve(new SqliteAuditStore({ ...opts, path, durability })),
      sql: (text, params = []) => {
        const db = new Database(path);
        try {
          const st = db.prepare(text);
          return Promise.resolve(st.reader ? (st.all(...params) as Record<string, unknown>[]) : (st.run(...params), []));
        } finally {
          db.close();
        }
      },
      dispose: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const schema = `attest_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Pool({ connectionString: PG_URL, max: 2 });
  return {
    kind,
    location: schema,
    open: (opts = {}) => PostgresAuditStore.open({ ...opts, url: PG_URL, schema, poolSize: 4 }),
    sql: async (text, params = []) => {
      let n = 0;
      const c = await admin.connect();
      try {
        await c.query(`SET search_path TO ${schema}`);
        return (await c.query(text.replace(/\?/g, () => `$${++n}`), params)).rows as Record<string, unknown>[];
      } finally {
        c.release();
      }
    },
    dispose: async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

const TYPES: ((i: number) => AuditEventInput)[] = [
  (i) => ({ type: 'model.request', actor: { id: `user-${i % 3}`, kind: 'user' }, session: `s-${i % 4}`, requestId: `r-${i}`, data: { provider: 'openai', model: 'gpt-4o', inputTokens: i } }),
  (i) => ({ type: 'model.response', actor: { id: `user-${i % 3}`, kind: 'user' }, session: `s-${i % 4}`, requestId: `r-${i - 1}`, data: { provider: 'openai', model: 'gpt-4o', outputTokens: i * 2, finishReason: 'stop' } }),
  (i) => ({ type: 'tool.call', actor: { id: `agent-${i % 2}`, kind: 'agent' }, session: `s-${i % 4}`, data: { tool: 'shell', outcome: i % 2 ? 'denied' : 'allowed' } }),
  (i) => ({ type: 'guard.verdict', session: `s-${i % 4}`, data: { detector: 'injection', action: 'block', stage: 'input', score: 0.9 } }),
  (i) => ({ type: 'key.use', actor: { id: 'svc', kind: 'service' }, data: { keyId: `k-${i % 5}`, outcome: 'ok' } }),
];

/** `n` varied events; `offset` shifts their content. */
export function sampleEvents(n: number, offset = 0): AuditEventInput[] {
  return Array.from({ length: n }, (_, k) => TYPES[(k + offset) % TYPES.length]!(k + offset));
}
