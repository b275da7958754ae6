// Child process for the crash test: appends a burst of events from many concurrent appenders
// and prints each event id on stdout only after its append has resolved (= acknowledged).
// Usage: audit-writer.ts <sqlite|postgres> <path|schema> <writer> ; signing key from ATTEST_AUDIT_SIGNING_KEY.
import { writeSync } from 'node:fs';
import { loadSigner } from '../../src/audit/adapters/signing-key-file.js';
import type { ChainedAuditStore } from '../../src/audit/chained-audit-store.js';
import { sampleEvents, PG_URL } from '../../src/audit/__fixtures__/stores.js';
import { PostgresAuditStore } from '../../src/audit/stores/postgres-audit-store.js';
import { SqliteAuditStore } from '../../src/audit/stores/sqlite-audit-store.js';

const [kind, location, writerId] = process.argv.slice(2) as [string, string, string];
const signer = loadSigner({ create: false })!;
const opts = { writerId, signer, checkpoint: { everyEvents: 150, everySeconds: 0 } };
const store: ChainedAuditStore = kind === 'sqlite' ? new SqliteAuditStore({ ...opts, path: location }) : await PostgresAuditStore.open({ ...opts, url: PG_URL, schema: location });

writeSync(1, 'ready\n');
const events = sampleEvents(64);
let n = 0;
const appender = async (k: number): Promise<void> => {
  for (;;) {
    const e = await store.append(events[(k + n++) % events.length]!);
    // Synchronous write: once the parent can read the id, it was acknowledged.
    writeSync(1, `${e.id}\n`);
  }
};
await Promise.all(Array.from({ length: 32 }, (_, k) => appender(k)));
