import { defineDetector, type Detection } from '../detection.js';
import { resolveDetector } from '../policy/guard-policy.js';
import { scan } from '../scan.js';
import { verdictOf, type ScanInput, type ScanOptions, type Verdict } from '../scanner.js';
import { findSecretlintCredentials } from './secretlint-scanner.js';

const secretlintDetector = defineDetector<{ extra: Awaited<ReturnType<typeof findSecretlintCredentials>> }>({
  name: 'secrets',
  controlId: 'AI-OUT-01',
  run: (_text, o) =>
    o.extra.map((m) => ({
      category: m.type,
      score: m.confidence,
      spans: [{ start: m.start, end: m.end }],
      message: `credential (${m.type}, secretlint) at ${m.start}-${m.end}`,
    })),
});

/**
 * `scan()` plus secretlint's recommended preset for credentials (async; for batch checks and the
 * CLI's `--thorough`, not the per-request path — see docs/guard.md). secretlint matches that overlap a
 * credential already found are dropped; the rest join the `secrets` detections under the same policy.
 */
export async function scanThorough(input: ScanInput, options: ScanOptions = {}): Promise<Verdict> {
  const base = scan(input, options);
  const cfg = resolveDetector(options.policy ?? {}, 'secrets', input.stage, input.route);
  if (!cfg) return base;
  const found = base.detections.filter((d) => d.detector === 'secrets').flatMap((d) => d.spans);
  const extra = (await findSecretlintCredentials(input.text)).filter((m) => !found.some((s) => s.start < m.end && m.start < s.end));
  if (extra.length === 0) return base;
  const detections: Detection[] = [...base.detections, ...secretlintDetector.detect(input.text, { extra }, cfg.action)];
  // base.score already folds in the injection score; new detections can only raise it.
  return verdictOf(input.text, detections, base.score);
}
