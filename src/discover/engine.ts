import { AttestError } from '../core/errors.js';
import { VERSION } from '../version.js';
import { Aggregator } from './aggregate.js';
import type { DiscoverFs, FsStat } from './engine-fs-port.js';
import { DEFAULT_MAX_TEXT_BYTES, LazyFileInput, ScratchBuffers, tooLarge } from './engine-file-input.js';
import type { ScanPool } from './engine-pool-protocol.js';
import { describeFsError, describeScanError } from './engine-problems.js';
import { scanWith, type FileScanOutcome } from './engine-scan-file.js';
import { walkFiles, type WalkedFile } from './engine-walk.js';
import type { DiscoverResult, FileScanner, HostInput, HostScanner, Problem } from './model.js';

/** Progress counters, reported after every file (the CLI throttles the display). */
export interface DiscoverProgress {
  readonly files: number;
  readonly bytes: number;
  /** Bytes actually read by scanners (files no scanner wants are never opened). */
  readonly bytesRead: number;
}

export interface DiscoverOptions {
  /** Folders or files to scan (at least one). */
  readonly roots: readonly string[];
  readonly scanners: readonly FileScanner[];
  /** Host facts for `--host`; host scanners run only when this is given. */
  readonly host?: HostInput;
  readonly hostScanners?: readonly HostScanner[];
  readonly fs: DiscoverFs;
  /** Scan node_modules, vendor, .venv, dist … too (default false). */
  readonly includeVendored?: boolean;
  /** `text()` limit in bytes (default 8 MiB); larger files reach head/line readers only. */
  readonly maxTextBytes?: number;
  /** Files scanned at once (default 16; 128 with a pool, most of them queued in the workers). */
  readonly concurrency?: number;
  /**
   * Scan workers for the built-in scanners (see `engine-worker-pool.ts`); files are scanned
   * in-process without one, for scanners the pool cannot run, and for the first `poolAfter` files.
   */
  readonly pool?: ScanPool;
  /** Files scanned in-process before the pool is used, so small trees never start workers (default 1000). */
  readonly poolAfter?: number;
  readonly onProgress?: (p: DiscoverProgress) => void;
  /** Each unreadable or unparsable path, once, as it happens. */
  readonly onProblem?: (p: Problem) => void;
  readonly now?: () => Date;
}

interface RootPlan {
  readonly abs: string;
  readonly stat: FsStat;
  /** Put before evidence paths when several roots are scanned. */
  readonly prefix: string;
}

async function planRoots(fs: DiscoverFs, roots: readonly string[]): Promise<RootPlan[]> {
  if (roots.length === 0) throw new AttestError('BAD_INPUT', 'no path to scan');
  const plans: RootPlan[] = [];
  const used = new Set<string>();
  for (const root of roots) {
    const abs = fs.resolve(root);
    let stat: FsStat;
    try {
      stat = await fs.stat(abs);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code === 'ENOENT') throw new AttestError('NOT_FOUND', 'no such file or folder', { where: root });
      throw new AttestError('IO', `cannot scan: ${describeFsError(err)}`, { where: root });
    }
    if (stat.kind !== 'dir' && stat.kind !== 'file') throw new AttestError('BAD_INPUT', 'not a file or folder', { where: root });
    let prefix = '';
    if (roots.length > 1) {
      const base = fs.basename(abs) || 'root';
      prefix = base;
      for (let n = 2; used.has(prefix); n++) prefix = `${base}-${n}`;
      used.add(prefix);
    }
    plans.push({ abs, stat, prefix });
  }
  return plans;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/**
 * At most this many files are scanned on the engine's thread per turn of the event loop while
 * workers run, so that it keeps walking and feeding them (their replies and new jobs wait for the
 * turn to end); the rest queue in the workers.
 */
const SHARE_PER_TURN = 8;

async function* singleFile(fs: DiscoverFs, plan: RootPlan): AsyncGenerator<WalkedFile> {
  yield { abs: plan.abs, rel: fs.basename(plan.abs), size: plan.stat.size };
}

/**
 * Inventory the AI in `roots`: walk every root (streaming, .gitignore-aware, loop-safe), offer each
 * file to the scanners that want it, read lazily, and aggregate the observations. Problems with
 * single paths are reported through `onProblem` and collected in the result; they never stop the run.
 *
 * @example
 * const result = await discover({ roots: ['.'], scanners: FILE_SCANNERS, fs: createNodeFs() });
 */
export async function discover(opts: DiscoverOptions): Promise<DiscoverResult> {
  const now = opts.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const fs = opts.fs;
  const plans = await planRoots(fs, opts.roots);
  const agg = new Aggregator();
  const problems: Problem[] = [];
  const limits = { maxTextBytes: opts.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES };
  // With scan workers more files are in flight, so a worker has the next batch queued while it scans.
  const concurrency = Math.max(1, opts.concurrency ?? (opts.pool ? 128 : 16));
  const stats = { files: 0, bytes: 0, skipped: 0, bytesRead: 0 };

  const report = (p: Problem): void => {
    problems.push(p);
    opts.onProblem?.(p);
  };
  const at = (prefix: string, path: string): string => (prefix === '' ? path : `${prefix}/${path}`);

  const pool = opts.pool;
  const poolAfter = opts.poolAfter ?? 1000;
  const scratch = new ScratchBuffers();
  const scanHere = async (file: WalkedFile, wanting: readonly FileScanner[]): Promise<FileScanOutcome> => {
    const buffer = scratch.acquire();
    try {
      return await scanWith(wanting, new LazyFileInput(fs, file.abs, file.rel, file.size, limits, buffer));
    } finally {
      scratch.release(buffer);
    }
  };
  let sharing = 0; // files this thread is scanning between two turns of the event loop, while workers run
  const scanOne = async (file: WalkedFile, wanting: readonly FileScanner[]): Promise<FileScanOutcome> => {
    const names = wanting.map((s) => s.name);
    if (pool && stats.files > poolAfter && pool.canRun(names)) {
      if (sharing >= SHARE_PER_TURN || !pool.saturated?.()) {
        try {
          return await pool.scan({ abs: file.abs, rel: file.rel, size: file.size, scanners: names, maxTextBytes: limits.maxTextBytes });
        } catch {
          // The workers stopped (crashed or closed): scan this file, and the rest, in-process.
        }
      } else {
        // The workers are busy: this thread scans the file, then lets their replies in (in-process
        // scans resolve in microtasks only, which would otherwise keep replies waiting).
        sharing++;
        try {
          const outcome = await scanHere(file, wanting);
          await yieldToEventLoop();
          return outcome;
        } finally {
          sharing--;
        }
      }
    }
    return scanHere(file, wanting);
  };

  const scanFile = async (file: WalkedFile, prefix: string): Promise<void> => {
    stats.files++;
    stats.bytes += file.size;
    const wanting = opts.scanners.filter((s) => s.wants(file.rel, file.size));
    if (wanting.length === 0 && file.size > limits.maxTextBytes && opts.scanners.some((s) => s.wants(file.rel, 0))) {
      // A file the scanners would read, turned down for its size only: say so rather than skip silently.
      stats.skipped++;
      report({ path: at(prefix, file.rel), message: `${tooLarge(file.size, limits.maxTextBytes)}; skipped` });
    } else if (wanting.length > 0) {
      const outcome = await scanOne(file, wanting);
      for (const obs of outcome.observations) agg.add(obs, prefix);
      const problem: Problem | undefined = outcome.problem && { path: at(prefix, file.rel), ...outcome.problem };
      if (problem) {
        stats.skipped++;
        report(problem);
      } else stats.bytesRead += file.size;
    }
    opts.onProgress?.({ files: stats.files, bytes: stats.bytes, bytesRead: stats.bytesRead });
  };

  for (const plan of plans) {
    const files =
      plan.stat.kind === 'file'
        ? singleFile(fs, plan)
        : walkFiles(fs, plan.abs, plan.stat, {
            includeVendored: opts.includeVendored ?? false,
            onProblem: (path, message) => {
              stats.skipped++;
              report({ path: at(plan.prefix, path), message });
            },
            onSkip: () => {
              stats.skipped++;
            },
          });
    const worker = async (): Promise<void> => {
      for (;;) {
        const next = await files.next();
        if (next.done) return;
        await scanFile(next.value, plan.prefix);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  if (opts.host) {
    for (const scanner of opts.hostScanners ?? []) {
      try {
        agg.add(await scanner.scanHost(opts.host));
      } catch (err) {
        report({ path: `host:${scanner.name}`, message: describeScanError(scanner.name, err).message });
      }
    }
  }

  return {
    tool: { name: 'attest', version: VERSION },
    roots: plans.map((p) => p.abs),
    startedAt,
    finishedAt: now().toISOString(),
    components: agg.components(),
    findings: agg.findings(),
    problems: [...problems].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    stats: { files: stats.files, bytes: stats.bytes, skipped: stats.skipped },
  };
}
