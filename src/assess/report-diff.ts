/**
 * `attest assess --diff previous.json`: what improved or regressed since the last run.
 * Controls are compared by status rank: met = not applicable > partial > unknown > not met.
 * A switch between met and not applicable is neither.
 */
import type { ControlStatus } from './evidence.js';
import type { AssessReport, ControlChange, ReportDiff, ScoreDelta } from './report-model.js';
import { round1 } from './scoring.js';

const RANK: Readonly<Record<ControlStatus, number>> = { met: 3, 'not-applicable': 3, partial: 2, unknown: 1, 'not-met': 0 };

function delta(key: string, name: string, from: number | null, to: number | null): ScoreDelta {
  return { key, name, from, to, delta: from === null || to === null ? null : round1(to - from) };
}

/** Compare the current report with a previous one (same schema version). */
export function diffReports(previous: AssessReport, current: AssessReport): ReportDiff {
  const before = new Map(previous.controls.map((c) => [c.id, c.status]));
  const improved: ControlChange[] = [];
  const regressed: ControlChange[] = [];
  for (const c of current.controls) {
    const from = before.get(c.id);
    if (from === undefined || from === c.status) continue;
    const change = { id: c.id, title: c.title, from, to: c.status };
    if (RANK[c.status] > RANK[from]) improved.push(change);
    else if (RANK[c.status] < RANK[from]) regressed.push(change);
  }
  const prevFw = new Map(previous.frameworks.map((f) => [f.key, f.score]));
  return {
    previousGeneratedAt: previous.generatedAt,
    overall: delta('overall', 'Overall', previous.overall.score, current.overall.score),
    grade: { from: previous.overall.grade, to: current.overall.grade },
    frameworks: current.frameworks.map((f) => delta(f.key, f.name, prevFw.get(f.key) ?? null, f.score)),
    improved,
    regressed,
  };
}
