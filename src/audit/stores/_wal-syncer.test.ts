import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalSyncer } from './_wal-syncer.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('WalSyncer', () => {
  it('syncs the -wal file, resolves every coalesced request, and checks the path each time (fails when it is gone)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'attest-wal-'));
    const db = join(dir, 'a.db');
    writeFileSync(`${db}-wal`, 'frames');
    const s = new WalSyncer(db);
    await s.sync();
    // Many commits finishing while a sync runs all resolve (after a sync that started later).
    const order: number[] = [];
    await Promise.all(Array.from({ length: 20 }, (_, i) => (appendFileSync(`${db}-wal`, String(i)), s.sync().then(() => order.push(i)))));
    expect(order).toHaveLength(20);
    // The path is checked on every sync (not just a cached descriptor): a missing WAL is an error.
    rmSync(`${db}-wal`);
    await expect(s.sync()).rejects.toThrow(/ENOENT/);
    await s.close();
  });
});
