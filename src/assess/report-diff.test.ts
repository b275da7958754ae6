import { describe, expect, it } from 'vitest';
import type { DiscoverResult } from '../discover/model.js';
import small from './__fixtures__/discover-small.json' with { type: 'json' };
import { assess } from './assess.js';
import { diffReports } from './report-diff.js';

const discover = small as unknown as DiscoverResult;
const meta = { toolVersion: 't', subjectName: 's' };

describe('diffReports', () => {
  it('lists improved and regressed controls with score deltas', () => {
    const before = assess({ ...meta, discover, answers: { ai_acceptable_use_policy: true }, generatedAt: '2026-11-01T00:00:00.000Z' });
    const fixed: DiscoverResult = { ...discover, findings: discover.findings.filter((f) => f.rule !== 'hardcoded-key') };
    const after = assess({ ...meta, discover: fixed, answers: { ai_acceptable_use_policy: false }, generatedAt: '2026-11-22T00:00:00.000Z' });
    const d = diffReports(before, after);
    expect(d.improved.map((c) => [c.id, c.from, c.to])).toEqual([['AI-KEY-01', 'not-met', 'met']]);
    expect(d.regressed.map((c) => [c.id, c.from, c.to])).toEqual([['AI-POL-01', 'met', 'not-met']]);
    expect(d.overall.delta).toBeCloseTo((after.overall.score ?? 0) - (before.overall.score ?? 0), 5);
    expect(d.previousGeneratedAt).toBe('2026-11-01T00:00:00.000Z');
    const soc2 = d.frameworks.find((f) => f.key === 'soc2');
    expect(soc2?.from).toBe(before.frameworks.find((f) => f.key === 'soc2')?.score);
  });

  it('reports nothing for identical runs', () => {
    const r = assess({ ...meta, discover, generatedAt: 'x' });
    const d = diffReports(r, r);
    expect(d.improved).toEqual([]);
    expect(d.regressed).toEqual([]);
    expect(d.overall.delta).toBe(0);
  });
});
