/**
 * Durable export cursor: the last acknowledged `seq` per exporter, one small JSON file each
 * (`.attest/exporters/<name>.cursor`), replaced atomically: write a temp file, fsync it,
 * rename it over the old one, fsync the directory. A crash leaves either the old or the new cursor.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AttestError } from '../../core/errors.js';

export interface ExportCursor {
  /** Highest seq the receiver acknowledged. */
  readonly seq: number;
  /** Id of the event at `seq`, to notice a cursor pointing into a different store. */
  readonly lastId?: string;
  readonly updatedAt: string;
}

export interface CursorStore {
  load(): Promise<ExportCursor | undefined>;
  save(cursor: ExportCursor): Promise<void>;
}

/** Cursor file path for an exporter instance under the state directory (default `.attest`). */
export function cursorPath(stateDir: string, name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) {
    throw new AttestError('BAD_INPUT', `exporter name "${name.slice(0, 64)}" must be 1-64 letters, digits, '.', '_' or '-'`);
  }
  return join(stateDir, 'exporters', `${name}.cursor`);
}

export class FileCursorStore implements CursorStore {
  constructor(readonly path: string) {}

  async load(): Promise<ExportCursor | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new AttestError('IO', `cannot read cursor: ${(err as Error).message}`, { where: this.path });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AttestError('BAD_CONFIG', 'cursor file is not valid JSON', { where: this.path });
    }
    const c = parsed as Partial<ExportCursor> | null;
    if (!c || typeof c.seq !== 'number' || !Number.isSafeInteger(c.seq) || c.seq < 0) {
      throw new AttestError('BAD_CONFIG', 'cursor file has no valid "seq"', { where: this.path });
    }
    return { seq: c.seq, updatedAt: String(c.updatedAt ?? ''), ...(typeof c.lastId === 'string' ? { lastId: c.lastId } : {}) };
  }

  async save(cursor: ExportCursor): Promise<void> {
    const dir = dirname(this.path);
    await mkdir(dir, { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(`${JSON.stringify(cursor)}\n`);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, this.path);
    const dh = await open(dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  }
}
