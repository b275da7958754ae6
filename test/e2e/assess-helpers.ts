// Shared by the assess e2e tests: run the CLI in-process and capture what it prints.
import { runAttest, type CliRun } from './_run-cli.js';
import type { AssessReport } from '../../src/assess/report-model.js';

export const EXAMPLE = 'examples/acme-assistant';
export const EXAMPLE_ANSWERS = 'examples/acme-assistant/attest.yaml';

export const cli = (args: string[]): Promise<CliRun> => runAttest(args);

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
