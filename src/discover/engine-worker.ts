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
  // Most files yield nothing: empty observations are not sent (the aggregator ignores them anyway).
  const observations = outcome.observations.filter((o) => (o.components?.length ?? 0) > 0 || (o.findings?.length ?? 0) > 0);
  return outcome.problem ? { id: job.id, observations, problem: outcome.problem } : { id: job.id, observations };
}

/** Replies go back every this many jobs, so the engine can queue more before this worker runs dry. */
const REPLY_EVERY = 16;

async function runBatch(jobs: readonly ScanJob[]): Promise<void> {
  let replies: ScanReply[] = [];
  for (const job of jobs) {
    try {
      replies.push(await run(job));
    } catch (err) {
      replies.push({ id: job.id, observations: [], problem: { message: `internal error: ${(err as Error).message}` } });
    }
    if (replies.length >= REPLY_EVERY) {
      parentPort?.postMessage(encodeReplies(replies));
      replies = [];
    }
  }
  if (replies.length > 0) parentPort?.postMessage(encodeReplies(replies));
}

// One message per batch of jobs; replies in the same order, in chunks of REPLY_EVERY.
parentPort?.on('message', (wire: string) => {
  void runBatch(decodeJobs(wire));
});
