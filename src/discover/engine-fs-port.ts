/**
 * The file-system port the discover engine walks through. The engine holds no `node:*` import;
 * `adapters/node-fs.ts` implements this port over `node:fs`, and tests inject their own
 * (for example to simulate EACCES when running as root, where chmod 000 does not stop reads).
 */

/** What a directory entry is, without following symlinks. */
export type EntryKind = 'file' | 'dir' | 'symlink' | 'other';

export interface DirEntry {
  readonly name: string;
  readonly kind: EntryKind;
}

/** `stat` result (follows symlinks). `dev` + `ino` identify a directory for loop detection. */
export interface FsStat {
  readonly kind: EntryKind;
  readonly size: number;
  readonly dev: number;
  readonly ino: number;
}

export interface DiscoverFs {
  /** Absolute, normalised form of a user-supplied root. */
  resolve(path: string): string;
  /** Last path segment (for naming roots). */
  basename(path: string): string;
  readdir(absDir: string): Promise<readonly DirEntry[]>;
  /** Follows symlinks; rejects with an errno-style error (code ENOENT, EACCES, ELOOP …). */
  stat(absPath: string): Promise<FsStat>;
  /**
   * The whole file; `sizeHint` (from the walk's stat) lets an adapter pick a cheaper read for small
   * files. With `scratch`, an adapter may read into it (when the file fits) and return a view of it,
   * valid until the caller reuses the buffer: this saves an allocation per file.
   */
  readFile(absPath: string, sizeHint?: number, scratch?: Uint8Array): Promise<Uint8Array>;
  /** Up to `n` bytes from the start of the file. */
  readHead(absPath: string, n: number): Promise<Uint8Array>;
  /** The file in chunks, for line streaming of files of any size. */
  readChunks(absPath: string): AsyncIterable<Uint8Array>;
}
