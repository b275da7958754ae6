import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTROLS } from '../catalog/controls.js';
import type { DiscoverResult } from '../discover/model.js';
import small from './__fixtures__/discover-small.json' with { type: 'json' };
import type { AnswerValue } from './answer-credit.js';
import { assess } from './assess.js';

const discover = small as unknown as DiscoverResult;
const QUESTIONS = CONTROLS.flatMap((c) => c.questions ?? []);
const BOOLEANS = QUESTIONS.filter((q) => q.type === 'boolean').map((q) => q.key);

const answersArb = fc.dictionary(
  fc.constantFrom(...QUESTIONS.map((q) => q.key)),
  fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 5 })),
  { maxKeys: QUESTIONS.length },
).map((raw) => {
  // Map each generated value onto a valid answer for its question.
  const out: Record<string, AnswerValue> = {};
  for (const [k, v] of Object.entries(raw)) {
    const q = QUESTIONS.find((x) => x.key === k);
    if (!q) continue;
    if (q.type === 'boolean') out[k] = typeof v === 'boolean' ? v : v % 2 === 0;
    else if (q.type === 'choice') out[k] = q.choices?.[(typeof v === 'number' ? v : 0) % (q.choices.length || 1)] ?? '';
    else out[k] = 'documented';
  }
  return out;
});

const run = (answers: Record<string, AnswerValue>) =>
  assess({ discover, answers, generatedAt: 't', toolVersion: 't', subjectName: 's' });

describe('scoring invariants (property tests)', () => {
  it('scores stay in 0..100, the fix-list is sorted and its gains never exceed what is missing', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const r = run(answers);
        const s = r.overall.score ?? 0;
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(100);
        for (const f of r.frameworks) for (const g of f.groups) if (g.score !== null) expect(g.score).toBeLessThanOrEqual(100);
        const p = r.fixList.map((x) => x.priority);
        expect(p).toEqual([...p].sort((a, b) => b - a));
        const gains = r.fixList.reduce((a, x) => a + x.scoreGain, 0);
        expect(gains).toBeLessThanOrEqual(100 - s + 0.05 * r.fixList.length + 0.1);
      }),
      { numRuns: 60 },
    );
  });

  it('answering one boolean "yes" instead of "no" never lowers any score', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...BOOLEANS), (answers, key) => {
        const no = run({ ...answers, [key]: false });
        const yes = run({ ...answers, [key]: true });
        expect(yes.overall.score ?? 0).toBeGreaterThanOrEqual(no.overall.score ?? 0);
        for (const f of yes.frameworks) {
          const before = no.frameworks.find((x) => x.key === f.key);
          expect(f.score ?? 0).toBeGreaterThanOrEqual(before?.score ?? 0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
