/**
 * Evidence from the organisation's answers in attest.yaml (`answers:`). Confidence: self-attested.
 * The questions come from the catalog (`Control.questions`); there is no second list.
 */
import type { Control } from '../../catalog/control.js';
import { isControlId } from '../../catalog/control-ids.js';
import { answerStatus, answerText, combineAnswerStatuses, type AnswerValue } from '../answer-credit.js';
import type { ControlVerdict, EvidenceRef, EvidenceSource, VerdictStatus } from '../evidence.js';

export type Answers = Readonly<Record<string, AnswerValue>>;

/**
 * @example
 * const source = answersEvidenceSource({ incident_response_procedure: true }, CONTROLS, 'attest.yaml');
 */
export function answersEvidenceSource(answers: Answers, controls: readonly Control[], description = 'attest.yaml answers'): EvidenceSource {
  return {
    kind: 'answers',
    confidence: 'self-attested',
    description,
    collect() {
      const verdicts: ControlVerdict[] = [];
      for (const control of controls) {
        if (!isControlId(control.id) || !control.questions?.length) continue;
        const statuses: VerdictStatus[] = [];
        const evidence: EvidenceRef[] = [];
        let unanswered = 0;
        for (const q of control.questions) {
          const value = answers[q.key];
          const status = value === undefined ? undefined : answerStatus(q, value);
          if (value === undefined || status === undefined) {
            unanswered++;
            continue;
          }
          statuses.push(status);
          evidence.push({ kind: 'answer', key: q.key, value: answerText(value) });
        }
        const status = combineAnswerStatuses(statuses, unanswered);
        if (!status) continue;
        const keys = evidence.map((e) => (e.kind === 'answer' ? `${e.key}: ${String(e.value)}` : '')).join('; ');
        verdicts.push({ controlId: control.id, status, confidence: 'self-attested', source: 'answers', reason: `answered ${keys}`, evidence });
      }
      return { verdicts };
    },
  };
}
