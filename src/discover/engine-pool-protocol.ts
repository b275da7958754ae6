/**
 * Messages between the engine and its scan workers (`engine-worker.ts`), sent as strings (see encodeJobs):
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

/**
 * The wire form of a batch of jobs: one string, fields separated by NUL (which no path can hold), so
 * a message is one string copy rather than a cloned graph of job objects. (On the discover bench most
 * of `postMessage`'s cost turned out to be waking the other thread, not cloning: this saves little.)
 */
export function encodeJobs(jobs: readonly ScanJob[]): string {
  const parts: string[] = [];
  for (const j of jobs) parts.push(String(j.id), j.abs, j.rel, String(j.size), j.scanners.join('\u0001'), String(j.maxTextBytes));
  return parts.join('\u0000');
}

export function decodeJobs(wire: string): ScanJob[] {
  const f = wire.split('\u0000');
  const jobs: ScanJob[] = [];
  for (let i = 0; i + 5 < f.length; i += 6) {
    jobs.push({ id: Number(f[i]), abs: f[i + 1] as string, rel: f[i + 2] as string, size: Number(f[i + 3]), scanners: (f[i + 4] as string).split('\u0001'), maxTextBytes: Number(f[i + 5]) });
  }
  return jobs;
}

/** Replies travel as JSON text (observations are plain JSON data), for the same reason. */
export const encodeReplies = (replies: readonly ScanReply[]): string => JSON.stringify(replies);
export const decodeReplies = (wire: string): ScanReply[] => JSON.parse(wire) as ScanReply[];

/** Runs scan jobs somewhere else (worker threads); the engine falls back to in-process scanning without one. */
export interface ScanPool {
  /** True when every named scanner can run in the pool. */
  canRun(scanners: readonly string[]): boolean;
  scan(job: Omit<ScanJob, 'id'>): Promise<ScanReply>;
  /**
   * True while every worker has a full queue. When the pool says so, the engine scans the file on
   * its own thread instead, so the engine's thread shares the scanning (optional: a pool without
   * it takes every file).
   */
  saturated?(): boolean;
  /** Stops the workers; pending jobs are rejected. */
  close(): Promise<void>;
}
