import { closeSync, createReadStream, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';
import type { DirEntry, DiscoverFs, EntryKind, FsStat } from '../engine-fs-port.js';
import { DEFAULT_MAX_TEXT_BYTES } from '../model.js';

const CHUNK = 256 * 1024;
/**
 * Files up to this size (the default text limit) are read synchronously. Measured on the discover
 * bench (warm page cache): a promise-based open/fstat/read/close per file costs more than the read
 * itself, and synchronous stat/readdir/reads halve the scan time. Larger files stay asynchronous.
 */
const SYNC_READ_MAX = DEFAULT_MAX_TEXT_BYTES;

function kindOf(d: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (d.isFile()) return 'file';
  if (d.isDirectory()) return 'dir';
  if (d.isSymbolicLink()) return 'symlink';
  return 'other';
}

/**
 * A small file whose size the walk already knows: open, one read of size + 1 bytes, close (no
 * fstat). A short read of a regular file means end of file; a full one means the file grew since
 * the walk, and it is read again the ordinary way.
 */
function readSmallFile(absPath: string, size: number, scratch?: Uint8Array): Uint8Array {
  const fd = openSync(absPath, 'r');
  let n: number;
  const buf = scratch !== undefined && scratch.length > size ? scratch : Buffer.allocUnsafe(size + 1);
  try {
    n = readSync(fd, buf, 0, size + 1, 0);
  } finally {
    closeSync(fd);
  }
  return n <= size ? buf.subarray(0, n) : readFileSync(absPath);
}

/** The discover engine's file-system port over `node:fs` (POSIX separators in, absolute paths out). */
export function createNodeFs(): DiscoverFs {
  return {
    resolve(path: string): string {
      const abs = resolve(path);
      return sep === '/' ? abs : abs.split(sep).join('/');
    },
    basename(path: string): string {
      return basename(path);
    },
    async readdir(absDir: string): Promise<readonly DirEntry[]> {
      return readdirSync(absDir, { withFileTypes: true }).map((d) => ({ name: d.name, kind: kindOf(d) }));
    },
    async stat(absPath: string): Promise<FsStat> {
      const s = statSync(absPath);
      return { kind: kindOf(s), size: s.size, dev: s.dev, ino: s.ino };
    },
    async readFile(absPath: string, sizeHint?: number, scratch?: Uint8Array): Promise<Uint8Array> {
      return sizeHint !== undefined && sizeHint <= SYNC_READ_MAX ? readSmallFile(absPath, sizeHint, scratch) : readFile(absPath);
    },
    async readHead(absPath: string, n: number): Promise<Uint8Array> {
      const fh = await open(absPath, 'r');
      try {
        const buf = Buffer.alloc(n);
        const { bytesRead } = await fh.read(buf, 0, n, 0);
        return buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },
    readChunks(absPath: string): AsyncIterable<Uint8Array> {
      return createReadStream(absPath, { highWaterMark: CHUNK });
    },
  };
}
