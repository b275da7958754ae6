/**
 * The prioritized fix-list: every applicable control that is not met, ordered by the
 * overall score it would add per unit of effort (docs/scoring.md, "Fix-list").
 */
import { SEVERITIES } from '../catalog/control.js';
import type { EvidenceRef } from './evidence.js';
import { EFFORT_UNITS, findingsAction, REMEDIATIONS } from './remediations.js';
import type { AssessedControl, FixItem } from './report-model.js';

const MAX_LOCATIONS_IN_ACTION = 3;

/** `path:line` of a finding or component reference. */
export function location(e: EvidenceRef): string | undefined {
  if (e.kind !== 'finding' && e.kind !== 'component') return undefined;
  return e.line !== undefined ? `${e.path}:${e.line}` : e.path;
}

function triggersOf(c: AssessedControl): EvidenceRef[] {
  const seen = new Set<string>();
  const out: EvidenceRef[] = [];
  for (const e of c.evidence) {
    if (e.kind === 'scan') continue;
    const key =
      e.kind === 'finding' || e.kind === 'component' ? `loc:${location(e) ?? ''}` : e.kind === 'vendor' ? `vendor:${e.name}` : `${e.kind}:${e.key}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

function actionFor(c: AssessedControl, triggers: readonly EvidenceRef[]): string {
  const rem = REMEDIATIONS[c.id];
  const places = triggers.map(location).filter((l): l is string => l !== undefined && l !== '');
  const fromFindings = rem.onFindings !== undefined && triggers.some((t) => t.kind === 'finding');
  let action = rem.onFindings && fromFindings ? findingsAction(rem.onFindings, places.length) : rem.action;
  if (places.length > 0) {
    const shown = places.slice(0, MAX_LOCATIONS_IN_ACTION).join(', ');
    const more = places.length > MAX_LOCATIONS_IN_ACTION ? ` and ${places.length - MAX_LOCATIONS_IN_ACTION} more` : '';
    action += `: ${shown}${more}`;
  }
  const unreviewed = triggers.flatMap((t) => (t.kind === 'vendor' && t.grade === undefined ? [t.name] : []));
  if (unreviewed.length > 0) action += `; review ${unreviewed.join(', ')} with attest vendor`;
  const failing = triggers.flatMap((t) => (t.kind === 'vendor' && t.grade !== undefined && !['A', 'B', 'C'].includes(t.grade) ? [`${t.name} (grade ${t.grade})`] : []));
  if (failing.length > 0) action += `; close the gaps of ${failing.join(', ')}`;
  const missing = triggers.flatMap((t) => (t.kind === 'missing-answer' ? [t.key] : []));
  if (c.status === 'unknown' && missing.length > 0) {
    action += `; if this is already in place, answer ${missing.map((k) => `\`${k}\``).join(', ')} in attest.yaml (attest init)`;
  }
  return action;
}

/** Build the ranked fix-list from assessed controls; `totalWeight` is Σ weight over applicable controls. */
export function buildFixList(controls: readonly AssessedControl[], totalWeight: number): FixItem[] {
  if (totalWeight <= 0) return [];
  const items = controls
    .filter((c) => c.status !== 'met' && c.status !== 'not-applicable')
    .map((c) => {
      const rem = REMEDIATIONS[c.id];
      const triggers = triggersOf(c);
      const gain = (100 * c.weight * (1 - c.credit)) / totalWeight;
      return {
        c,
        rem,
        triggers,
        gain,
        priority: gain / EFFORT_UNITS[rem.effort],
      };
    })
    .filter((x) => x.gain > 0)
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        SEVERITIES.indexOf(a.c.severity) - SEVERITIES.indexOf(b.c.severity) ||
        a.c.id.localeCompare(b.c.id),
    );
  return items.map(({ c, rem, triggers, gain, priority }, i) => ({
    rank: i + 1,
    controlId: c.id,
    title: c.title,
    status: c.status,
    severity: c.severity,
    action: actionFor(c, triggers),
    ...(rem.feature ? { feature: rem.feature } : {}),
    effort: rem.effort,
    scoreGain: Math.round(gain * 100) / 100,
    priority: Math.round(priority * 100) / 100,
    triggers,
    frameworks: c.mappings,
  }));
}
