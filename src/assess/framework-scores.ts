/**
 * Scores per framework and per function/category, through each control's mappings:
 * NIST AI RMF by function (GOVERN/MAP/MEASURE/MANAGE), SOC 2 by series (CC1…CC9, C1, PI1 …),
 * ISO/IEC 42001 by Annex A group (A.2…A.10) or clause, ATLAS by item type, the rest by item.
 * A control counts once in each group it maps into.
 */
import isoRaw from '../catalog/data/frameworks/iso-42001-annex-a.json' with { type: 'json' };
import nistRaw from '../catalog/data/frameworks/nist-ai-rmf.json' with { type: 'json' };
import soc2Raw from '../catalog/data/frameworks/soc2-tsc.json' with { type: 'json' };
import { FRAMEWORKS, frameworkItem, type FrameworkItem, type FrameworkKey } from '../catalog/frameworks.js';
import { score, type Scored } from './scoring.js';

/** Display order; the first four are the headline frameworks of the snapshot. */
export const FRAMEWORK_ORDER: readonly FrameworkKey[] = [
  'soc2',
  'owasp-llm-2025',
  'nist-ai-rmf',
  'iso-42001',
  'owasp-agentic',
  'nist-ai-600-1',
  'mitre-atlas',
  'owasp-llm-2026',
];

export interface GroupScore {
  readonly id: string;
  readonly title: string;
  readonly score: number | null;
  /** Applicable controls in the group. */
  readonly controls: number;
}

export interface FrameworkScore {
  readonly key: FrameworkKey;
  readonly name: string;
  readonly version: string;
  readonly score: number | null;
  /** Controls mapped to the framework, and how many of them apply. */
  readonly controls: number;
  readonly applicable: number;
  readonly groups: readonly GroupScore[];
}

export interface MappedScored extends Scored {
  readonly mappings: Readonly<Partial<Record<FrameworkKey, readonly string[]>>>;
}

const titles = (groups: readonly { id: string; title: string }[]): Map<string, string> => new Map(groups.map((g) => [g.id, g.title]));
const SOC2_GROUPS = titles(soc2Raw.groups);
const ISO_GROUPS = titles(isoRaw.groups);
const NIST_FUNCTIONS = new Map(nistRaw.functions.map((f) => [f.id, f.id]));

/** The group id and title an item scores under. */
export function groupOf(key: FrameworkKey, item: FrameworkItem): { id: string; title: string } {
  switch (key) {
    case 'nist-ai-rmf': {
      const fn = item.function ?? item.id.split(' ')[0] ?? item.id;
      return { id: fn, title: NIST_FUNCTIONS.get(fn) ?? fn };
    }
    case 'soc2': {
      const g = item.group ?? item.id;
      return { id: g, title: SOC2_GROUPS.get(g) ?? g };
    }
    case 'iso-42001': {
      const parts = item.id.split('.');
      const g = item.id.startsWith('A.') ? `A.${parts[1] ?? ''}` : (parts[0] ?? item.id);
      const title = ISO_GROUPS.get(g) ?? g;
      return { id: g, title: item.id.startsWith('A.') ? title : `Clause ${g}: ${title}` };
    }
    case 'mitre-atlas': {
      const t = item.type ?? 'item';
      return { id: t, title: `ATLAS ${t}s` };
    }
    case 'owasp-llm-2025':
    case 'owasp-llm-2026':
    case 'owasp-agentic':
    case 'nist-ai-600-1':
      return { id: item.id, title: item.title };
  }
}

/** Score every framework that at least one control maps to. */
export function frameworkScores(controls: readonly MappedScored[]): FrameworkScore[] {
  const out: FrameworkScore[] = [];
  for (const key of FRAMEWORK_ORDER) {
    const mapped = controls.filter((c) => (c.mappings[key]?.length ?? 0) > 0);
    if (mapped.length === 0) continue;
    const order = new Map<string, number>();
    FRAMEWORKS[key].items.forEach((item, i) => {
      const g = groupOf(key, item).id;
      if (!order.has(g)) order.set(g, i);
    });
    const groups = new Map<string, { title: string; members: MappedScored[] }>();
    for (const c of mapped) {
      const seen = new Set<string>();
      for (const id of c.mappings[key] ?? []) {
        const item = frameworkItem(key, id);
        if (!item) continue;
        const g = groupOf(key, item);
        if (seen.has(g.id)) continue;
        seen.add(g.id);
        const entry = groups.get(g.id) ?? { title: g.title, members: [] };
        entry.members.push(c);
        groups.set(g.id, entry);
      }
    }
    const groupScores = [...groups]
      .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .map(([id, g]) => ({
        id,
        title: g.title,
        score: score(g.members),
        controls: g.members.filter((m) => m.status !== 'not-applicable').length,
      }));
    out.push({
      key,
      name: FRAMEWORKS[key].name,
      version: FRAMEWORKS[key].version,
      score: score(mapped),
      controls: mapped.length,
      applicable: mapped.filter((m) => m.status !== 'not-applicable').length,
      groups: groupScores,
    });
  }
  return out;
}
