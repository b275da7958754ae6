/**
 * Pipelined durability for SQLite WAL mode. The connection runs with `synchronous=NORMAL`
 * (COMMIT writes the WAL frames but does not fsync), and after each commit we fdatasync the
 * `-wal` file in libuv's thread pool, acknowledging the batch only when that returns. This
 * gives the same guarantee as `synchronous=FULL` (the WAL, commit frame included, is on stable
 * storage before acknowledgement) while the main thread seals and inserts the next batch.
 *
 * Why this is sound: a WAL transaction is durable once its frames are synced; with NORMAL,
 * SQLite itself syncs the WAL before every checkpoint and the database after it, and syncs
 * the WAL header when the file is reused, so frames we synced are never lost to a checkpoint.
 * The WAL file is only deleted when the last connection closes — ours stays open until every
 * pending sync is done — and we re-open it if its inode ever changes. Concurrent requests are
 * coalesced: one fdatasync covers every commit that finished before it started.
 */
import { closeSync, fdatasync, fstatSync, fsyncSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export class WalSyncer {
  private fd: number | undefined;
  private ino: number | undefined;
  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;

  constructor(private readonly dbPath: string) {}

  private get walPath(): string {
    return `${this.dbPath}-wal`;
  }

  /** Open (or re-open after replacement) the WAL file; fsync its directory when first seen. */
  private ensureFd(): number {
    const st = statSync(this.walPath);
    if (this.fd !== undefined && this.ino === st.ino) return this.fd;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = openSync(this.walPath, 'r');
    this.ino = fstatSync(this.fd).ino;
    // The directory entry of a newly created WAL must be durable too.
    const dir = openSync(dirname(this.walPath), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return this.fd;
  }

  private runOnce(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let fd: number;
      try {
        fd = this.ensureFd();
      } catch (err) {
        reject(err as Error);
        return;
      }
      fdatasync(fd, (err) => (err ? reject(err) : resolve()));
    });
  }

  /** Resolves after an fdatasync that started after this call has completed. */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    // A sync is running: it may have started before our commit, so wait for the next one.
    this.next ??= this.running
      .catch(() => {})
      .then(() => {
        this.next = undefined;
        return this.sync();
      });
    return this.next;
  }

  /** Wait for pending syncs, then release the file descriptor. */
  async close(): Promise<void> {
    await (this.next ?? this.running)?.catch(() => {});
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
