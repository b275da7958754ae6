/**
 * Running the scanners that want one file: the same code path in-process and in a scan worker, so
 * both produce the same observations and the same (first) problem.
 */
import { describeScanError } from './engine-problems.js';
import type { FileInput, FileScanner, Observation } from './model.js';

/** What the scanners made of one file. */
export interface FileScanOutcome {
  readonly observations: readonly Observation[];
  readonly problem?: { readonly message: string; readonly line?: number };
}

/** Runs `scanners` in order over `input`; a failing scanner is recorded once (the first) and the rest still run. */
export async function scanWith(scanners: readonly FileScanner[], input: FileInput): Promise<FileScanOutcome> {
  const observations: Observation[] = [];
  let problem: FileScanOutcome['problem'];
  for (const scanner of scanners) {
    try {
      observations.push(await scanner.scan(input));
    } catch (err) {
      if (!problem) {
        const d = describeScanError(scanner.name, err);
        problem = { message: d.message, ...(d.line !== undefined ? { line: d.line } : {}) };
      }
    }
  }
  return problem ? { observations, problem } : { observations };
}
