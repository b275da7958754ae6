/**
 * Append-only JSON-lines file with size-based rotation (`file`, `file.1` … `file.<keep>`), fsync
 * after every write, and crash repair: a torn last line (no trailing newline) is cut off on open.
 */
import { open, rename, rm, stat, truncate, type FileHandle } from 'node:fs/promises';
import { AttestError } from '../../core/errors.js';

export interface RotatingFileOptions {
  /** Rotate when the current file would pass this size (default 100 MiB). */
  readonly maxBytes?: number;
  /** Rotated files kept (default 5). */
  readonly keep?: number;
}

async function size(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Read the last complete line of a file (without its newline), or undefined if none. */
export async function readLastLine(path: string): Promise<string | undefined> {
  const total = await size(path);
  if (!total) return undefined;
  const fh = await open(path, 'r');
  try {
    let chunk = 64 * 1024;
    for (;;) {
      const start = Math.max(0, total - chunk);
      const buf = Buffer.alloc(total - start);
      await fh.read(buf, 0, buf.length, start);
      let end = buf.length;
      while (end > 0 && buf[end - 1] === 0x0a) end -= 1;
      const text = buf.subarray(0, end).toString('utf8');
      const nl = text.lastIndexOf('\n');
      if (nl >= 0 || start === 0) return text.slice(nl + 1) || undefined;
      chunk *= 2;
    }
  } finally {
    await fh.close();
  }
}

/**
 * The file is opened per write (append, fsync, close): an external logrotate that moves the file
 * is honoured, and a vanished directory (an unmounted volume) is an error, never a write into an
 * unlinked inode.
 */
export class RotatingFileWriter {
  private readonly maxBytes: number;
  private readonly keep: number;
  private repaired = false;

  constructor(
    readonly path: string,
    opts: RotatingFileOptions = {},
  ) {
    this.maxBytes = opts.maxBytes ?? 100 * 1024 * 1024;
    this.keep = Math.max(1, opts.keep ?? 5);
  }

  /** Cut a torn trailing line left by a crash mid-write, so every line in the file is whole. */
  async repair(): Promise<void> {
    const total = await size(this.path);
    if (!total) return;
    const fh = await open(this.path, 'r');
    let keepBytes: number;
    try {
      const last = Buffer.alloc(1);
      await fh.read(last, 0, 1, total - 1);
      if (last[0] === 0x0a) return;
      const whole = await fh.readFile();
      keepBytes = whole.lastIndexOf(0x0a) + 1;
    } finally {
      await fh.close();
    }
    await truncate(this.path, keepBytes);
  }

  /** The last whole line, looking in the current file and then the newest rotated one. */
  async lastLine(): Promise<string | undefined> {
    return (await readLastLine(this.path)) ?? (await readLastLine(`${this.path}.1`));
  }

  /** Append text (whole lines) and fsync before resolving. */
  async write(text: string): Promise<void> {
    const len = Buffer.byteLength(text);
    try {
      if (!this.repaired) {
        await this.repair();
        this.repaired = true;
      }
      const current = (await size(this.path)) ?? 0;
      if (current > 0 && current + len > this.maxBytes) await this.rotate();
      const fh: FileHandle = await open(this.path, 'a', 0o640);
      try {
        await fh.appendFile(text);
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch (err) {
      throw new AttestError('IO', `cannot write: ${(err as Error).message}`, { where: this.path }, { cause: err });
    }
  }

  async close(): Promise<void> {}

  private async rotate(): Promise<void> {
    await rm(`${this.path}.${this.keep}`, { force: true });
    for (let k = this.keep - 1; k >= 1; k--) {
      if ((await size(`${this.path}.${k}`)) !== undefined) await rename(`${this.path}.${k}`, `${this.path}.${k + 1}`);
    }
    await rename(this.path, `${this.path}.1`);
  }
}
