// The one in-process CLI runner for e2e tests: runs `attest <args>` through runCli and captures
// what it writes. `env` is set for the run and restored after.
import { vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runAttest(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const capture = (sink: (s: string) => void) => (chunk: string | Uint8Array, ...rest: unknown[]) => {
    sink(String(chunk));
    // Honour write callbacks (exporters to stdout wait for them before acknowledging a batch).
    (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.();
    return true;
  };
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(capture((s) => (stdout += s)) as typeof process.stdout.write);
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(capture((s) => (stderr += s)) as typeof process.stderr.write);
  try {
    const code = await runCli([...args]);
    return { code, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
