/**
 * `attest/discover`: the AI system inventory. `discoverPaths` scans with the built-in scanners
 * over the real file system; `discover` is the engine itself, with every port injectable.
 */
import { availableParallelism } from 'node:os';
import { createNodeFs } from './adapters/node-fs.js';
import { discover, type DiscoverOptions } from './engine.js';
import { WorkerScanPool } from './engine-worker-pool.js';
import type { DiscoverResult } from './model.js';
import { FILE_SCANNERS, HOST_SCANNERS } from './scanners/registry.js';

export * from './model.js';
export { discover, type DiscoverOptions, type DiscoverProgress } from './engine.js';
export type { ScanPool, ScanJob, ScanReply } from './engine-pool-protocol.js';
export { WorkerScanPool } from './engine-worker-pool.js';
export type { DiscoverFs, DirEntry, FsStat, EntryKind } from './engine-fs-port.js';
export { Aggregator, componentRef, findingId } from './aggregate.js';
export { VENDORED_DIRS } from './engine-walk.js';
export { DEFAULT_MAX_TEXT_BYTES } from './engine-file-input.js';
export { createNodeFs } from './adapters/node-fs.js';
export { FILE_SCANNERS, HOST_SCANNERS } from './scanners/registry.js';

/** Options of {@link discoverPaths}: the engine's, plus the number of scan threads. */
export interface DiscoverPathsOptions extends Partial<Omit<DiscoverOptions, 'roots'>> {
  /**
   * Scan threads (default: the available cores). With more than 1, after the first `poolAfter`
   * files the built-in scanners run in `jobs - 1` worker threads and on this thread whenever the
   * workers' queues are full; 1 scans in-process only. Workers are used only with the built-in
   * scanners over the real file system.
   */
  readonly jobs?: number;
}

/** Files queued per scan worker before the engine's own thread scans the next one itself. */
const WORKER_QUEUE = 64;

/**
 * Scan paths on this machine with every built-in scanner.
 * @example
 * const result = await discoverPaths(['examples/acme-assistant']);
 * console.log(result.components.length, result.findings.length);
 */
export async function discoverPaths(roots: readonly string[], options: DiscoverPathsOptions = {}): Promise<DiscoverResult> {
  const { jobs = availableParallelism(), ...rest } = options;
  const builtIn = (rest.scanners === undefined || rest.scanners === FILE_SCANNERS) && rest.fs === undefined;
  // `jobs` threads scan: this one and jobs - 1 workers; this thread takes a file whenever every
  // worker has WORKER_QUEUE files queued (see ScanPool.saturated).
  const pool = rest.pool ?? (jobs > 1 && builtIn ? new WorkerScanPool(jobs - 1, FILE_SCANNERS.map((s) => s.name), WORKER_QUEUE) : undefined);
  try {
    return await discover({
      scanners: FILE_SCANNERS,
      hostScanners: HOST_SCANNERS,
      fs: createNodeFs(),
      ...rest,
      ...(pool ? { pool } : {}),
      roots,
    });
  } finally {
    if (pool && rest.pool === undefined) await pool.close();
  }
}
