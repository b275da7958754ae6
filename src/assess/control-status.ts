/**
 * Decide each control's status from every source's verdicts (docs/scoring.md, "Status"):
 * 1. an observed "not met" (a finding) decides, whatever else was said;
 * 2. otherwise the strongest confidence decides, and among equals the worst status;
 * 3. no verdict: not applicable when the inventory rules it out, else unknown.
 */
import type { ControlId } from '../catalog/control-ids.js';
import {
  CONFIDENCE_RANK,
  type Confidence,
  type ControlContext,
  type ControlStatus,
  type ControlVerdict,
  type EvidenceRef,
  type VerdictStatus,
} from './evidence.js';

const WORST_FIRST: Readonly<Record<VerdictStatus, number>> = { 'not-met': 0, partial: 1, met: 2 };

export interface StatusDecision {
  readonly status: ControlStatus;
  readonly confidence?: Confidence;
  /** Source kind that decided the status. */
  readonly decidedBy?: string;
  readonly reason: string;
  /** Decisive evidence first, then the rest. */
  readonly evidence: readonly EvidenceRef[];
  /** Lower-confidence verdicts that disagree with the decision. */
  readonly conflicts: readonly string[];
}

export function decideStatus(
  _id: ControlId,
  verdicts: readonly ControlVerdict[],
  context: readonly ControlContext[],
  notApplicable: string | undefined,
  missingAnswers: readonly string[],
): StatusDecision {
  const contextRefs = context.flatMap((c) => c.evidence);
  if (verdicts.length === 0) {
    if (notApplicable) return { status: 'not-applicable', reason: `not applicable: ${notApplicable}`, evidence: [], conflicts: [] };
    const missing: EvidenceRef[] = missingAnswers.map((key) => ({ kind: 'missing-answer', key }));
    const reason = missingAnswers.length > 0 ? `no evidence: unanswered ${missingAnswers.join(', ')}` : 'no evidence: Attest cannot observe this control yet';
    return { status: 'unknown', reason, evidence: [...contextRefs, ...missing], conflicts: [] };
  }
  const observedFail = verdicts.filter((v) => v.confidence === 'observed' && v.status === 'not-met');
  const pool =
    observedFail.length > 0
      ? observedFail
      : (() => {
          const top = Math.max(...verdicts.map((v) => CONFIDENCE_RANK[v.confidence]));
          return verdicts.filter((v) => CONFIDENCE_RANK[v.confidence] === top);
        })();
  const decisive = [...pool].sort((a, b) => WORST_FIRST[a.status] - WORST_FIRST[b.status])[0] as ControlVerdict;
  const others = verdicts.filter((v) => v !== decisive);
  const conflicts = others
    .filter((v) => v.status !== decisive.status)
    .map((v) => `${v.source} (${v.confidence}) says ${v.status}: ${v.reason}`);
  return {
    status: decisive.status,
    confidence: decisive.confidence,
    decidedBy: decisive.source,
    reason: decisive.reason,
    evidence: [...decisive.evidence, ...others.flatMap((v) => v.evidence), ...contextRefs],
    conflicts,
  };
}
