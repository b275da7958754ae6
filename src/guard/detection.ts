import type { ControlId } from '../catalog/control-ids.js';
import { getControl } from '../catalog/controls.js';

/** Where a piece of text sits in an LLM exchange. */
export type GuardStage = 'input' | 'retrieved' | 'tool-result' | 'output';
export const GUARD_STAGES: readonly GuardStage[] = ['input', 'retrieved', 'tool-result', 'output'];

/** What a policy does with a detection. Ordered by severity: allow < alert < redact < block. */
export type GuardAction = 'allow' | 'alert' | 'redact' | 'block';
export const GUARD_ACTIONS: readonly GuardAction[] = ['allow', 'alert', 'redact', 'block'];
/** Severity rank of each action (its position in GUARD_ACTIONS). */
export const ACTION_RANK: Readonly<Record<GuardAction, number>> = Object.fromEntries(GUARD_ACTIONS.map((a, i) => [a, i])) as Record<GuardAction, number>;

/** The detectors `scan()` runs; policy keys in attest.yaml use the same names. */
export type DetectorName =
  | 'injection'
  | 'secrets'
  | 'pii'
  | 'canary'
  | 'prompt-integrity'
  | 'schema'
  | 'url-allowlist'
  | 'tool-allowlist'
  | 'exfiltration'
  | 'payload';
export const DETECTOR_NAMES: readonly DetectorName[] = [
  'injection',
  'secrets',
  'pii',
  'canary',
  'prompt-integrity',
  'schema',
  'url-allowlist',
  'tool-allowlist',
  'exfiltration',
  'payload',
];

/** A half-open character range `[start, end)` in the scanned text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What a detector function reports, before `defineDetector` adds control and framework ids. */
export interface Finding {
  /** Fine-grained type, e.g. `openai_key`, `email`, `instruction_override`, `sql_stacked_query`. */
  readonly category: string;
  /** Confidence 0..1. */
  readonly score: number;
  readonly spans: readonly Span[];
  /** Human text; never contains the matched secret or PII. */
  readonly message: string;
  /** Overrides the detector's default control id (e.g. canaries are AI-OUT-02). */
  readonly controlId?: ControlId;
}

/** One detection in a verdict. */
export interface Detection extends Finding {
  readonly detector: DetectorName;
  readonly controlId: ControlId;
  /** OWASP LLM Top 10 (2025) ids the detection evidences, from the control catalog. */
  readonly owasp: readonly string[];
  /** MITRE ATLAS technique ids the detection evidences, from the control catalog. */
  readonly atlas: readonly string[];
  /** The policy action for this detection (set by `scan()`). */
  readonly action: GuardAction;
}

/** Framework ids for a control, read from the catalog. */
export function frameworkIds(controlId: ControlId): { owasp: readonly string[]; atlas: readonly string[] } {
  const { mappings } = getControl(controlId);
  return { owasp: mappings['owasp-llm-2025'] ?? [], atlas: mappings['mitre-atlas'] ?? [] };
}

/** A detector ready for `scan()`: runs over text and returns finished detections. */
export interface Detector<TOptions> {
  readonly name: DetectorName;
  readonly controlId: ControlId;
  detect(text: string, options: TOptions, action: GuardAction): Detection[];
}

/**
 * Wrap a finding function in the shared verdict scaffolding: control id, framework ids and
 * the policy action are filled in once here, so detectors only say what they found.
 * @example
 * const emails = defineDetector({ name: 'pii', controlId: 'AI-OUT-01', run: (t) => findEmails(t) });
 * emails.detect('mail a@b.io', {}, 'redact');
 */
export function defineDetector<TOptions>(def: {
  name: DetectorName;
  controlId: ControlId;
  run(text: string, options: TOptions): readonly Finding[];
}): Detector<TOptions> {
  return {
    name: def.name,
    controlId: def.controlId,
    detect(text, options, action) {
      return def.run(text, options).map((f) => {
        const controlId = f.controlId ?? def.controlId;
        return { ...f, detector: def.name, controlId, ...frameworkIds(controlId), action };
      });
    },
  };
}
