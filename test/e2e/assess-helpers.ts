// Shared by the assess e2e tests: run the CLI in-process and capture what it prints.
import { vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { AssessReport } from '../../src/assess/report-model.js';

export const EXAMPLE = 'examples/acme-assistant';
export const EXAMPLE_ANSWERS = 'examples/acme-assistant/attest.yaml';

export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Volatile fields out, so two runs (and the snapshot) compare equal. */
export function normalise(r: AssessReport): AssessReport {
  return { ...r, generatedAt: '<generatedAt>', tool: { ...r.tool, version: '<version>' }, subject: { ...r.subject, roots: r.subject.roots.map(() => '<root>') } };
}

export const statusMap = (r: AssessReport): Record<string, string> => Object.fromEntries(r.controls.map((c) => [c.id, c.status]));
export const changedControls = (a: AssessReport, b: AssessReport): string[] => {
  const sa = statusMap(a);
  const sb = statusMap(b);
  return Object.keys(sa).filter((k) => sa[k] !== sb[k]);
};
