/**
 * `attest/discover`: the AI system inventory. `discoverPaths` scans with the built-in scanners
 * over the real file system; `discover` is the engine itself, with every port injectable.
 */
import { createNodeFs } from './adapters/node-fs.js';
import { discover, type DiscoverOptions } from './engine.js';
import type { DiscoverResult } from './model.js';
import { FILE_SCANNERS, HOST_SCANNERS } from './scanners/registry.js';

export * from './model.js';
export { discover, type DiscoverOptions, type DiscoverProgress } from './engine.js';
export type { DiscoverFs, DirEntry, FsStat, EntryKind } from './engine-fs-port.js';
export { Aggregator, componentRef, findingId } from './aggregate.js';
export { VENDORED_DIRS } from './engine-walk.js';
export { DEFAULT_MAX_TEXT_BYTES } from './engine-file-input.js';
export { createNodeFs } from './adapters/node-fs.js';
export { FILE_SCANNERS, HOST_SCANNERS } from './scanners/registry.js';

/**
 * Scan paths on this machine with every built-in scanner.
 * @example
 * const result = await discoverPaths(['examples/acme-assistant']);
 * console.log(result.components.length, result.findings.length);
 */
export function discoverPaths(roots: readonly string[], options: Partial<Omit<DiscoverOptions, 'roots'>> = {}): Promise<DiscoverResult> {
  return discover({
    scanners: FILE_SCANNERS,
    hostScanners: HOST_SCANNERS,
    fs: createNodeFs(),
    ...options,
    roots,
  });
}
