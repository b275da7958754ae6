import { describe, expect, it } from 'vitest';
import { answerStatus, combineAnswerStatuses } from './answer-credit.js';
import { credit, grade, score } from './scoring.js';

describe('scoring', () => {
  it('credits met 1, partial 0.5, not met and unknown 0, discounted by confidence', () => {
    expect(credit('met', 'observed')).toBe(1);
    expect(credit('met', 'configured')).toBe(0.9);
    expect(credit('met', 'self-attested')).toBe(0.8);
    expect(credit('partial', 'observed')).toBe(0.5);
    expect(credit('not-met', 'observed')).toBe(0);
    expect(credit('unknown', undefined)).toBe(0);
  });

  it('scores a weighted mean and excludes not-applicable controls', () => {
    expect(
      score([
        { weight: 10, credit: 1, status: 'met' },
        { weight: 6, credit: 0, status: 'not-met' },
        { weight: 100, credit: 0, status: 'not-applicable' },
      ]),
    ).toBe(62.5);
    expect(score([{ weight: 3, credit: 0, status: 'not-applicable' }])).toBeNull();
  });

  it('grades by the documented cut-offs; a critical observed failure caps at C', () => {
    expect([85, 84.9, 70, 55, 40, 39.9].map((s) => grade(s, false))).toEqual(['A', 'B', 'B', 'C', 'D', 'F']);
    expect(grade(95, true)).toBe('C');
    expect(grade(45, true)).toBe('D');
    expect(grade(null, false)).toBe('F');
  });
});

describe('answer credit', () => {
  const rotation = { type: 'choice' as const, choices: ['30', '90', '180', '365', 'never'] };
  it('reads choices best first: first half met, last not met, the rest partial', () => {
    expect(['30', 90, '180', 365, 'never'].map((v) => answerStatus(rotation, v))).toEqual(['met', 'met', 'partial', 'partial', 'not-met']);
    expect(answerStatus(rotation, 'weekly')).toBeUndefined();
  });
  it('booleans: true met, false not met; text: non-empty met', () => {
    expect(answerStatus({ type: 'boolean' }, true)).toBe('met');
    expect(answerStatus({ type: 'boolean' }, false)).toBe('not-met');
    expect(answerStatus({ type: 'text' }, '  ')).toBeUndefined();
    expect(answerStatus({ type: 'text' }, 'runbook in wiki')).toBe('met');
  });
  it('combines several questions of one control', () => {
    expect(combineAnswerStatuses(['met', 'met'], 0)).toBe('met');
    expect(combineAnswerStatuses(['met'], 1)).toBe('partial');
    expect(combineAnswerStatuses(['not-met', 'not-met'], 0)).toBe('not-met');
    expect(combineAnswerStatuses(['met', 'not-met'], 0)).toBe('partial');
    expect(combineAnswerStatuses([], 2)).toBeUndefined();
  });
});
