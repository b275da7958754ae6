/**
 * Exactly-once ingest of a JSON-lines file: a marker per file content (SHA-256) records how far
 * the file has been committed. The marker row is written in the SAME transaction as the batch of
 * events it counts, so after a crash the marker and the events agree; a re-run skips the lines
 * the marker covers. Events themselves are ordinary chained events (the chain is untouched).
 */
import { AttestError } from '../core/errors.js';
import type { AuditEventInput } from './event.js';

/** How far one file (identified by the SHA-256 of its bytes) has been ingested. */
export interface IngestMarker {
  /** SHA-256 (hex) of the file's bytes. */
  readonly file: string;
  /** File name at the time of the last commit (informational; identity is the hash). */
  readonly name: string;
  /** Last physical line number (1-based) whose event is committed; blank lines count as lines. */
  readonly line: number;
  /** Events committed from this file so far. */
  readonly events: number;
  /** True once every line of the file is committed. */
  readonly complete: boolean;
  /** Seq of the last event committed from this file. */
  readonly lastSeq?: number;
  readonly updated: string;
}

/** The marker advance committed together with one batch of ingested events. */
export interface IngestMark {
  readonly file: string;
  readonly name: string;
  /** The marker's `line` this batch continues from (0 for a new file): a compare-and-set guard. */
  readonly afterLine: number;
  /** Last line number covered once this batch commits. */
  readonly line: number;
  readonly complete: boolean;
}

/** Ingest markers as stored by a store that supports resumable ingest. */
export interface IngestLedger {
  /** The marker for a file hash, if any part of that file was ingested. */
  ingestMarker(file: string): Promise<IngestMarker | undefined>;
  /**
   * Append `events` (in order, one durable transaction) and advance the file's marker in the
   * same transaction. Fails without writing anything when the stored marker is not at `mark.afterLine`
   * (another ingest of the same file got there first).
   */
  appendIngestBatch(events: readonly AuditEventInput[], mark: IngestMark): Promise<{ readonly seqs: number[]; readonly marker: IngestMarker }>;
}

/** The next marker after a batch of `count` events ending at `lastSeq`; throws when `prev` moved. */
export function advanceMarker(prev: IngestMarker | undefined, mark: IngestMark, count: number, lastSeq: number | undefined, now: string): IngestMarker {
  const at = prev?.line ?? 0;
  if (prev?.complete || at !== mark.afterLine) {
    throw new AttestError('STORE', `another ingest of this file committed meanwhile (marker at line ${at}${prev?.complete ? ', complete' : ''}, expected ${mark.afterLine}); nothing from this batch was written; re-run to resume`);
  }
  const last = lastSeq ?? prev?.lastSeq;
  return {
    file: mark.file,
    name: mark.name,
    line: mark.line,
    events: (prev?.events ?? 0) + count,
    complete: mark.complete,
    ...(last !== undefined ? { lastSeq: last } : {}),
    updated: now,
  };
}

/** Parse a stored marker document. */
export function parseMarker(doc: string): IngestMarker {
  return JSON.parse(doc) as IngestMarker;
}
