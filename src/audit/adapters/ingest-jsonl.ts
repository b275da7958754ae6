/**
 * `attest audit ingest FILE.jsonl`: append externally produced events, one JSON object a line.
 *
 * All-or-nothing on bad input: a first streaming pass validates every line (the first bad
 * line aborts with `file:line: path: message` and nothing is written) and hashes the file's
 * bytes (SHA-256); a second streaming pass appends in batches. Memory stays flat for huge files.
 * Blank lines are skipped.
 *
 * Exactly once per file content: each batch is committed in one transaction together with the
 * file's ingest marker (SHA-256 -> last line committed, events, complete; `ingest-marker.ts`).
 * A re-run of a completely ingested file appends nothing (`alreadyIngested`); a re-run after a
 * crash skips the lines the marker covers and appends only the rest. Identity is the content
 * hash, not the name: a different file under the same name is a new ingest, the same bytes
 * under another name are already ingested. If the file changes between or during the passes,
 * ingest stops with an error (batches committed before stay, counted by their marker).
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { AttestError } from '../../core/errors.js';
import type { AuditEventInput } from '../event.js';
import { validateEventInput } from '../event-validator.js';
import type { IngestLedger } from '../ingest-marker.js';
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
  /** Events appended by this run. */
  readonly appended: number;
  readonly firstSeq?: number;
  readonly lastSeq?: number;
  /** SHA-256 (hex) of the file's bytes: the ingest's identity. */
  readonly sha256: string;
  /** Events of this file in the store after this run (earlier runs included). */
  readonly totalEvents: number;
  /** True when a previous run had already ingested the whole file (nothing appended). */
  readonly alreadyIngested: boolean;
  /** Lines 1..N were committed by an earlier, interrupted run and were skipped (0 for a fresh ingest). */
  readonly resumedAfterLine: number;
}

/** A store that can ingest exactly once (every `ChainedAuditStore`). */
export type IngestTarget = AuditStore & IngestLedger;

const MAX_LINE = 16 * 1024 * 1024;

/** Non-blank lines with their 1-based numbers; feeds the raw bytes to `hash`; returns the line count. */
async function* lines(path: string, hash: Hash): AsyncGenerator<{ n: number; text: string }, number> {
  const stream = createReadStream(path);
  stream.on('data', (chunk) => hash.update(chunk));
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const text of rl) {
      n++;
      if (text.trim() === '') continue;
      yield { n, text };
    }
    return n;
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

/**
 * Validate the whole file, then append what is not in the store yet (exactly once per file
 * content, resumable after a crash). Throws BAD_INPUT naming the first bad line.
 */
export async function ingestJsonl(path: string, store: IngestTarget, opts: IngestOptions = {}): Promise<IngestResult> {
  const source = opts.source ?? 'ingest';
  const batchSize = Math.max(1, opts.batchSize ?? 1000);
  const before = fingerprint(path);
  const firstHash = createHash('sha256');
  const pass1 = lines(path, firstHash);
  let total: number;
  try {
    let step = await pass1.next();
    while (!step.done) {
      parseLine(path, step.value.n, step.value.text, source);
      step = await pass1.next();
    }
    total = step.value;
  } finally {
    await pass1.return(0);
  }
  const sha256 = firstHash.digest('hex');
  if (fingerprint(path) !== before) throw new AttestError('IO', 'file changed while it was being validated; nothing was written', { where: path });

  const prior = await store.ingestMarker(sha256);
  const resumedAfterLine = prior?.line ?? 0;
  const base = { lines: total, sha256, resumedAfterLine };
  if (prior?.complete) return { ...base, appended: 0, totalEvents: prior.events, alreadyIngested: true };

  const name = basename(path);
  let committedLine = resumedAfterLine;
  let totalEvents = prior?.events ?? 0;
  let appended = 0;
  let firstSeq: number | undefined;
  let lastSeq: number | undefined;
  let batch: AuditEventInput[] = [];
  let batchLine = committedLine;
  const flush = async (complete: boolean, line: number): Promise<void> => {
    if (fingerprint(path) !== before) throw new AttestError('IO', `file changed during ingest; ${appended} events were appended before the change`, { where: path });
    const { seqs, marker } = await store.appendIngestBatch(batch, { file: sha256, name, afterLine: committedLine, line, complete });
    firstSeq ??= seqs[0];
    lastSeq = seqs.at(-1) ?? lastSeq;
    appended += seqs.length;
    committedLine = marker.line;
    totalEvents = marker.events;
    batch = [];
    opts.onProgress?.(appended);
  };
  const secondHash = createHash('sha256');
  const pass2 = lines(path, secondHash);
  try {
    for (let s = await pass2.next(); !s.done; s = await pass2.next()) {
      const { n, text } = s.value;
      if (n <= resumedAfterLine) continue;
      // A full batch is committed only once another event follows, so the last batch always
      // carries `complete` (an empty, marker-only transaction only for a file without events).
      if (batch.length >= batchSize) await flush(false, batchLine);
      batch.push(parseLine(path, n, text, source));
      batchLine = n;
    }
  } finally {
    await pass2.return(0);
  }
  if (secondHash.digest('hex') !== sha256) throw new AttestError('IO', `file changed during ingest; ${appended} events were appended before the change`, { where: path });
  await flush(true, total);
  return { ...base, appended, totalEvents, alreadyIngested: false, ...(firstSeq !== undefined ? { firstSeq } : {}), ...(lastSeq !== undefined ? { lastSeq } : {}) };
}
