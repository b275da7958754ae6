/**
 * A small pool of scan worker threads (`engine-worker.ts`) for the built-in scanners. Workers start
 * on the first job; each job goes to the worker with the fewest jobs in flight. The engine bounds
 * the jobs in flight (its file concurrency), so queues and memory stay bounded.
 *
 * Runs from the built package (`dist/discover/engine-worker.js`) and from TypeScript sources under
 * tsx or vitest (the worker then registers tsx before importing `engine-worker.ts`).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { decodeReplies, encodeJobs, type ScanJob, type ScanPool, type ScanReply } from './engine-pool-protocol.js';

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, { resolve: (r: ScanReply) => void; reject: (e: Error) => void }>;
  /** Jobs not yet posted: sent as one message per turn of the event loop (per-message cost dominates small files). */
  outbox: ScanJob[];
}

function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./engine-worker.js', here));
  // Sources: the worker has no TypeScript loader of its own, so register tsx first.
  const tsxApi = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./engine-worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

/** A worker pool for the scanners named in `scannerNames` (the built-in FILE_SCANNERS). */
export class WorkerScanPool implements ScanPool {
  readonly #size: number;
  readonly #queue: number;
  readonly #names: ReadonlySet<string>;
  readonly #slots: Slot[] = [];
  #nextId = 1;
  #broken = false;

  /**
   * @param size worker threads
   * @param queue jobs per worker beyond which `saturated()` is true (default: unbounded, the pool
   *   takes every file)
   */
  constructor(size: number, scannerNames: Iterable<string>, queue = Infinity) {
    this.#size = Math.max(1, Math.floor(size));
    this.#names = new Set(scannerNames);
    this.#queue = queue;
  }

  saturated(): boolean {
    if (this.#slots.length === 0) return false;
    for (const s of this.#slots) if (s.pending.size < this.#queue) return false;
    return true;
  }

  canRun(scanners: readonly string[]): boolean {
    return !this.#broken && scanners.every((n) => this.#names.has(n));
  }

  scan(job: Omit<ScanJob, 'id'>): Promise<ScanReply> {
    if (this.#broken) return Promise.reject(new Error('scan workers stopped'));
    if (this.#slots.length === 0) for (let i = 0; i < this.#size; i++) this.#slots.push(this.#start());
    let slot = this.#slots[0] as Slot;
    for (const s of this.#slots) if (s.pending.size < slot.pending.size) slot = s;
    const id = this.#nextId++;
    return new Promise<ScanReply>((resolve, reject) => {
      if (slot.pending.size === 0) slot.worker.ref(); // keep the process alive while a reply is due
      slot.pending.set(id, { resolve, reject });
      slot.outbox.push({ ...job, id });
      if (slot.outbox.length === 1) {
        setImmediate(() => {
          const batch = slot.outbox;
          slot.outbox = [];
          if (!this.#broken) {
            if (batch.length > 0) slot.worker.postMessage(encodeJobs(batch));
            return;
          }
          for (const j of batch) {
            slot.pending.get(j.id)?.reject(new Error('scan workers stopped'));
            slot.pending.delete(j.id);
          }
        });
      }
    });
  }

  async close(): Promise<void> {
    this.#broken = true;
    const slots = this.#slots.splice(0);
    for (const s of slots) this.#fail(s, new Error('scan workers stopped'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  #start(): Slot {
    const worker = startWorker();
    worker.unref();
    const slot: Slot = { worker, pending: new Map(), outbox: [] };
    worker.on('message', (wire: string) => {
      for (const reply of decodeReplies(wire)) {
        const p = slot.pending.get(reply.id);
        slot.pending.delete(reply.id);
        p?.resolve(reply);
      }
      if (slot.pending.size === 0) worker.unref();
    });
    const die = (err: Error): void => {
      this.#broken = true;
      this.#fail(slot, err);
    };
    worker.on('error', die);
    // A worker that is gone takes no more jobs: the engine scans the remaining files in-process.
    worker.on('exit', (code) => die(new Error(`scan worker exited (${code})`)));
    return slot;
  }

  #fail(slot: Slot, err: Error): void {
    slot.outbox = [];
    for (const p of slot.pending.values()) p.reject(err);
    slot.pending.clear();
  }
}
