/**
 * The scoring method (docs/scoring.md). Deterministic: same evidence, same numbers.
 *
 * weight(control) = SEVERITY_WEIGHT[severity] × likelihood factor (applicability.ts)
 * credit(control) = STATUS_CREDIT[status] × CONFIDENCE_FACTOR[confidence]
 * score(set)      = 100 × Σ weight·credit / Σ weight over applicable controls (N/A excluded)
 */
import type { Severity } from '../catalog/control.js';
import type { Confidence, ControlStatus } from './evidence.js';

export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { critical: 10, high: 6, medium: 3, low: 1, info: 0.5 };
export const STATUS_CREDIT: Readonly<Record<Exclude<ControlStatus, 'not-applicable'>, number>> = {
  met: 1,
  partial: 0.5,
  'not-met': 0,
  unknown: 0,
};
/** Self-attested evidence earns less than evidence Attest observed. */
export const CONFIDENCE_FACTOR: Readonly<Record<Confidence, number>> = { observed: 1, configured: 0.9, 'self-attested': 0.8 };

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';
/** Lowest score for each grade; below D is F. */
export const GRADE_CUTOFFS: readonly (readonly [Grade, number])[] = [
  ['A', 85],
  ['B', 70],
  ['C', 55],
  ['D', 40],
];

export function credit(status: ControlStatus, confidence: Confidence | undefined): number {
  if (status === 'not-applicable') return 0;
  return STATUS_CREDIT[status] * (confidence ? CONFIDENCE_FACTOR[confidence] : 1);
}

export interface Scored {
  readonly weight: number;
  readonly credit: number;
  readonly status: ControlStatus;
}

/** Score 0–100 (one decimal) over a set of controls, or null when none applies. */
export function score(controls: readonly Scored[]): number | null {
  let total = 0;
  let earned = 0;
  for (const c of controls) {
    if (c.status === 'not-applicable') continue;
    total += c.weight;
    earned += c.weight * c.credit;
  }
  return total === 0 ? null : round1((100 * earned) / total);
}

/**
 * The readiness grade. A critical control observed as not met caps the grade at C:
 * no amount of paperwork makes a leaked key ready.
 */
export function grade(overall: number | null, criticalFailure: boolean): Grade {
  const s = overall ?? 0;
  const raw = GRADE_CUTOFFS.find(([, min]) => s >= min)?.[0] ?? 'F';
  return criticalFailure && (raw === 'A' || raw === 'B') ? 'C' : raw;
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
