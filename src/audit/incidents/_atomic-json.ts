// Small JSON state files replaced atomically (temp file, fsync, rename, fsync dir).
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AttestError } from '../../core/errors.js';

export async function readJsonFile<T>(path: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AttestError('IO', `cannot read: ${(err as Error).message}`, { where: path });
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new AttestError('BAD_CONFIG', 'state file is not valid JSON (delete it to rescan from the start)', { where: path });
  }
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(`${JSON.stringify(value)}\n`);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
}
