import { AttestError } from '../core/errors.js';
import { DEFAULT_MAX_TEXT_BYTES, MAX_LINE_CHARS, type FileInput } from './model.js';
import type { DiscoverFs } from './engine-fs-port.js';

/** Bytes sniffed for a NUL to decide that a file is binary (the same rule git and ripgrep use). */
export const BINARY_SNIFF_BYTES = 8192;
export { DEFAULT_MAX_TEXT_BYTES, MAX_LINE_CHARS };
const UTF8 = new TextDecoder('utf-8');

export interface FileInputLimits {
  readonly maxTextBytes: number;
  readonly maxLineChars?: number;
}

/** True when the sample contains a NUL byte. */
export function looksBinary(sample: Uint8Array): boolean {
  // TypedArray#indexOf is a native search (memchr for Buffers): several times a JS loop over 8 KB per file.
  return sample.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) !== -1;
}

function mb(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** The one wording for a file over the text limit. */
export function tooLarge(size: number, limit: number): string {
  return `file too large to read as text (${mb(size)} > ${mb(limit)} limit)`;
}

/**
 * Split a stream of text chunks into lines (LF or CRLF), truncating any line longer than
 * `maxLineChars`: memory stays bounded whatever the file holds.
 */
export async function* splitLines(chunks: AsyncIterable<string>, maxLineChars: number = MAX_LINE_CHARS): AsyncGenerator<string> {
  let pending = '';
  let overflow = false;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl === -1) {
        if (!overflow) {
          pending += chunk.slice(start);
          if (pending.length > maxLineChars) {
            pending = pending.slice(0, maxLineChars);
            overflow = true;
          }
        }
        break;
      }
      let line = overflow ? pending : pending + chunk.slice(start, nl);
      if (line.length > maxLineChars) line = line.slice(0, maxLineChars);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      yield line;
      pending = '';
      overflow = false;
      start = nl + 1;
    }
  }
  if (pending.length > 0) yield pending.endsWith('\r') ? pending.slice(0, -1) : pending;
}

async function* decodeChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks) yield decoder.decode(c, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * A few reusable read buffers: most files are read, prefiltered and dropped within one scan, so
 * reading them into a recycled buffer instead of a fresh allocation each saves most of the garbage
 * collector's work on large trees. `acquire` returns undefined when all are in use (the read then
 * allocates as usual).
 */
export class ScratchBuffers {
  readonly #free: Uint8Array[] = [];
  #made = 0;

  constructor(
    readonly count = 4,
    readonly bytes = 1024 * 1024,
  ) {}

  acquire(): Uint8Array | undefined {
    const b = this.#free.pop();
    if (b !== undefined) return b;
    if (this.#made >= this.count) return undefined;
    this.#made++;
    return new Uint8Array(this.bytes);
  }

  release(buffer: Uint8Array | undefined): void {
    if (buffer !== undefined) this.#free.push(buffer);
  }
}

/**
 * The engine's lazy `FileInput`: nothing is read until a scanner asks; `text()` is read once and
 * cached; `lines()` streams (or splits the cached text); binary and oversized files reject `text()`
 * with a one-line `BAD_INPUT` error that the engine reports as the file's problem.
 */
export class LazyFileInput implements FileInput {
  readonly path: string;
  readonly size: number;
  readonly #fs: DiscoverFs;
  readonly #abs: string;
  readonly #limits: FileInputLimits;
  readonly #scratch: Uint8Array | undefined;
  #bytes: Promise<Uint8Array> | undefined;
  #text: Promise<string> | undefined;
  #head: Promise<Uint8Array> | undefined;

  /**
   * @param scratch a buffer the file may be read into (see `ScratchBuffers`): the input, and every
   *   byte view it hands out, must not be used once the caller reuses it.
   */
  constructor(fs: DiscoverFs, absPath: string, relPath: string, size: number, limits: FileInputLimits, scratch?: Uint8Array) {
    this.#scratch = scratch;
    this.#fs = fs;
    this.#abs = absPath;
    this.path = relPath;
    this.size = size;
    this.#limits = limits;
  }

  text(): Promise<string> {
    this.#text ??= this.bytes().then((b) => UTF8.decode(b));
    return this.#text;
  }

  bytes(): Promise<Uint8Array> {
    this.#bytes ??= this.#readBytes();
    return this.#bytes;
  }

  async #readBytes(): Promise<Uint8Array> {
    const limit = this.#limits.maxTextBytes;
    if (this.size > limit) throw new AttestError('BAD_INPUT', `${tooLarge(this.size, limit)}; skipped`);
    const bytes = await this.#fs.readFile(this.#abs, this.size, this.#scratch);
    if (bytes.length > limit) throw new AttestError('BAD_INPUT', `${tooLarge(bytes.length, limit)}; skipped`);
    if (looksBinary(bytes)) throw new AttestError('BAD_INPUT', 'binary file (NUL byte in the first 8 KB); skipped');
    this.#head ??= Promise.resolve(bytes.subarray(0, BINARY_SNIFF_BYTES));
    return bytes;
  }

  async head(n: number): Promise<Uint8Array> {
    if (n <= BINARY_SNIFF_BYTES) {
      this.#head ??= this.#fs.readHead(this.#abs, BINARY_SNIFF_BYTES);
      return (await this.#head).subarray(0, n);
    }
    return this.#fs.readHead(this.#abs, n);
  }

  lines(): AsyncIterable<string> {
    return { [Symbol.asyncIterator]: () => this.#lineIterator() };
  }

  /**
   * The same lines as `splitLines` yields, but a file that fits the text limit is split from its
   * cached text by a plain iterator (one resolved promise per line instead of a chain of async
   * generators); larger files stream.
   */
  #lineIterator(): AsyncIterator<string> {
    const max = this.#limits.maxLineChars ?? MAX_LINE_CHARS;
    let inner: AsyncIterator<string> | undefined;
    let text: string | undefined;
    let pos = 0;
    return {
      next: async (): Promise<IteratorResult<string>> => {
        if (inner) return inner.next();
        if (text === undefined) {
          if (this.#text || this.size <= this.#limits.maxTextBytes) text = await this.text();
          else {
            inner = this.#streamLines(max);
            return inner.next();
          }
        }
        return nextLine();
      },
      return: async (): Promise<IteratorResult<string>> => {
        if (inner?.return) await inner.return();
        pos = Infinity;
        return { done: true, value: undefined };
      },
    };
    function nextLine(): IteratorResult<string> {
      const t = text as string;
      if (pos >= t.length) return { done: true, value: undefined };
      const nl = t.indexOf('\n', pos);
      let line = t.slice(pos, nl === -1 ? t.length : nl);
      pos = nl === -1 ? t.length : nl + 1;
      if (line.length > max) line = line.slice(0, max);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      return { done: false, value: line };
    }
  }

  async *#streamLines(max: number): AsyncGenerator<string> {
    if (looksBinary(await this.head(BINARY_SNIFF_BYTES))) throw new AttestError('BAD_INPUT', 'binary file (NUL byte in the first 8 KB); skipped');
    yield* splitLines(decodeChunks(this.#fs.readChunks(this.#abs)), max);
  }
}
