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

const pause = new Int32Array(new SharedArrayBuffer(4));
/**
 * Synchronous, complete write to stdout. stdout is a non-blocking pipe: when the parent reads slowly
 * (a loaded CI machine) writeSync throws EAGAIN, so wait a millisecond and write the rest.
 */
function writeLine(line: string): void {
  const buf = Buffer.from(line);
  for (let off = 0; off < buf.length; ) {
    try {
      off += writeSync(1, buf, off);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

writeLine('ready\n');
const events = sampleEvents(64);
let n = 0;
const appender = async (k: number): Promise<void> => {
  for (;;) {
    const e = await store.append(events[(k + n++) % events.length]!);
    // Synchronous write: once the parent can read the id, it was acknowledged.
    writeLine(`${e.id}\n`);
  }
};
await Promise.all(Array.from({ length: 32 }, (_, k) => appender(k)));
