/**
 * `attest audit ingest FILE.jsonl`: append externally produced events, one JSON object a line.
 *
 * All-or-nothing on bad input: a first streaming pass validates every line (the first bad
 * line aborts with `file:line: path: message` and nothing is written); a second streaming pass
 * appends in batches (each batch one durable transaction). Memory stays flat for huge files.
 * Blank lines are skipped. If the file changes between the passes, ingest stops with an error
 * (events of the batches already committed stay; they are valid events).
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AttestError } from '../../core/errors.js';
import type { AuditEventInput } from '../event.js';
import { validateEventInput } from '../event-validator.js';
import type { AuditStore } from '../store.js';

export interface IngestOptions {
  /** Events per append transaction. Default 1000. */
  readonly batchSize?: number;
  /** Producer name recorded as `source` when a line has none. Default `ingest`. */
  readonly source?: string;
  /** Called after each committed batch with the running count. */
  readonly onProgress?: (appended: number) => void;
}

export interface IngestResult {
  readonly lines: number;
  readonly appended: number;
  readonly firstSeq?: number;
  readonly lastSeq?: number;
}

const MAX_LINE = 16 * 1024 * 1024;

async function* lines(path: string): AsyncGenerator<{ n: number; text: string }> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const text of rl) {
      n++;
      if (text.trim() === '') continue;
      yield { n, text };
    }
  } catch (err) {
    throw new AttestError((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'NOT_FOUND' : 'IO', `cannot read: ${(err as Error).message}`, { where: path });
  } finally {
    rl.close();
    stream.destroy();
  }
}

function parseLine(path: string, n: number, text: string, source: string): AuditEventInput {
  if (text.length > MAX_LINE) throw new AttestError('BAD_INPUT', `line longer than ${MAX_LINE} characters`, { where: path, line: n });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new AttestError('BAD_INPUT', `not valid JSON: ${(err as Error).message}`, { where: path, line: n });
  }
  const v = validateEventInput(value);
  if (!v.ok) throw new AttestError('BAD_INPUT', v.message, { where: path, line: n });
  return v.event.source === undefined ? { ...v.event, source } : v.event;
}

function fingerprint(path: string): string {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch (err) {
    throw new AttestError((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'NOT_FOUND' : 'IO', `cannot read: ${(err as Error).message}`, { where: path });
  }
}

/** Validate the whole file, then append it. Throws BAD_INPUT naming the first bad line. */
export async function ingestJsonl(path: string, store: AuditStore, opts: IngestOptions = {}): Promise<IngestResult> {
  const source = opts.source ?? 'ingest';
  const batchSize = Math.max(1, opts.batchSize ?? 1000);
  const before = fingerprint(path);
  let total = 0;
  for await (const { n, text } of lines(path)) {
    parseLine(path, n, text, source);
    total = n;
  }
  if (fingerprint(path) !== before) throw new AttestError('IO', 'file changed while it was being validated; nothing was written', { where: path });
  let appended = 0;
  let firstSeq: number | undefined;
  let lastSeq: number | undefined;
  let batch: AuditEventInput[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    if (fingerprint(path) !== before) throw new AttestError('IO', `file changed during ingest; ${appended} events were appended before the change`, { where: path });
    const stored = await store.appendBatch(batch);
    firstSeq ??= stored[0]?.seq;
    lastSeq = stored.at(-1)?.seq;
    appended += stored.length;
    batch = [];
    opts.onProgress?.(appended);
  };
  for await (const { n, text } of lines(path)) {
    batch.push(parseLine(path, n, text, source));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { lines: total, appended, ...(firstSeq !== undefined ? { firstSeq } : {}), ...(lastSeq !== undefined ? { lastSeq } : {}) };
}
