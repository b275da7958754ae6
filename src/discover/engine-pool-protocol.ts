/**
 * Messages between the engine and its scan workers (`engine-worker.ts`). Plain JSON-cloneable data:
 * the worker reads and scans one file and sends back what the scanners observed.
 */
import type { Observation } from './model.js';

/** One file to read and scan, with the names of the scanners that want it (in engine order). */
export interface ScanJob {
  readonly id: number;
  readonly abs: string;
  readonly rel: string;
  readonly size: number;
  readonly scanners: readonly string[];
  readonly maxTextBytes: number;
}

/** The observations of every scanner that succeeded, and the first scanner failure, if any. */
export interface ScanReply {
  readonly id: number;
  readonly observations: readonly Observation[];
  readonly problem?: { readonly message: string; readonly line?: number };
}

/** Runs scan jobs somewhere else (worker threads); the engine falls back to in-process scanning without one. */
export interface ScanPool {
  /** True when every named scanner can run in the pool. */
  canRun(scanners: readonly string[]): boolean;
  scan(job: Omit<ScanJob, 'id'>): Promise<ScanReply>;
  /** Stops the workers; pending jobs are rejected. */
  close(): Promise<void>;
}
