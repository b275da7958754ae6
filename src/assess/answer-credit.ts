/**
 * How one questionnaire answer counts. Shared by control answers and vendor answers.
 *
 * - boolean: true = met, false = not met (questions are phrased so that "yes" is the safe answer)
 * - choice: the catalog lists choices best first; the first half (rounded down) is met,
 *   the last choice is not met, the rest partial
 * - text: any non-empty text is met (self-attested; an auditor reads it)
 */
import type { ControlQuestion } from '../catalog/control.js';
import type { VerdictStatus } from './evidence.js';

/** A raw answer value as read from attest.yaml (YAML may turn "30" into a number). */
export type AnswerValue = string | number | boolean;

/** The status an answer implies, or undefined when the answer is empty. */
export function answerStatus(q: Pick<ControlQuestion, 'type' | 'choices'>, value: AnswerValue): VerdictStatus | undefined {
  switch (q.type) {
    case 'boolean':
      return value === true ? 'met' : value === false ? 'not-met' : undefined;
    case 'choice': {
      const choices = q.choices ?? [];
      const i = choices.indexOf(String(value));
      if (i < 0) return undefined;
      if (i === choices.length - 1) return 'not-met';
      return i < Math.floor(choices.length / 2) ? 'met' : 'partial';
    }
    case 'text':
      return String(value).trim() === '' ? undefined : 'met';
  }
}

/** Combine the statuses of one control's answered questions. */
export function combineAnswerStatuses(statuses: readonly VerdictStatus[], unanswered: number): VerdictStatus | undefined {
  if (statuses.length === 0) return undefined;
  if (statuses.every((s) => s === 'met')) return unanswered === 0 ? 'met' : 'partial';
  if (statuses.every((s) => s === 'not-met')) return 'not-met';
  return 'partial';
}

/** Display form of an answer value. */
export function answerText(value: AnswerValue): string | boolean {
  return typeof value === 'number' ? String(value) : value;
}
