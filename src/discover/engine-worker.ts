/**
 * A scan worker thread: reads each file it is sent through the real file system, runs the named
 * built-in scanners over it and replies with plain observations. Started by `worker-pool.ts`.
 */
import { parentPort } from 'node:worker_threads';
import { createNodeFs } from './adapters/node-fs.js';
import { LazyFileInput } from './engine-file-input.js';
import { decodeJobs, encodeReplies, type ScanJob, type ScanReply } from './engine-pool-protocol.js';
import { scanWith } from './engine-scan-file.js';
import type { FileScanner } from './model.js';
import { FILE_SCANNERS } from './scanners/registry.js';

const BY_NAME = new Map<string, FileScanner>(FILE_SCANNERS.map((s) => [s.name, s]));
const fs = createNodeFs();
/** Jobs run one at a time here, so one read buffer is reused for every file that fits it. */
const scratch = new Uint8Array(1024 * 1024);

async function run(job: ScanJob): Promise<ScanReply> {
  const scanners = job.scanners.map((n) => BY_NAME.get(n)).filter((s): s is FileScanner => s !== undefined);
  const input = new LazyFileInput(fs, job.abs, job.rel, job.size, { maxTextBytes: job.maxTextBytes }, scratch);
  const outcome = await scanWith(scanners, input);
  return { id: job.id, ...outcome };
}

async function runBatch(jobs: readonly ScanJob[]): Promise<ScanReply[]> {
  const replies: ScanReply[] = [];
  for (const job of jobs) {
    try {
      replies.push(await run(job));
    } catch (err) {
      replies.push({ id: job.id, observations: [], problem: { message: `internal error: ${(err as Error).message}` } });
    }
  }
  return replies;
}

// One message per batch of jobs, one reply per batch, in the same order.
parentPort?.on('message', (wire: string) => {
  void runBatch(decodeJobs(wire)).then((replies) => parentPort?.postMessage(encodeReplies(replies)));
});
