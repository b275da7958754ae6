import type { Control, EvidenceKind, RequirementId, Severity } from './control.js';
import { CONTROLS } from './controls.js';
import { FRAMEWORKS, frameworkItem, type FrameworkItem, type FrameworkKey } from './frameworks.js';

export interface ControlFilter {
  readonly framework?: FrameworkKey;
  /** A framework item id, e.g. `LLM01` (with `framework`) or `CC7.2`. */
  readonly item?: string;
  readonly requirement?: RequirementId;
  readonly severity?: Severity;
  readonly evidence?: EvidenceKind;
}

/** Controls matching every given criterion, in catalog order. */
export function filterControls(filter: ControlFilter, controls: readonly Control[] = CONTROLS): Control[] {
  return controls.filter((c) => {
    if (filter.framework && !(c.mappings[filter.framework]?.length)) return false;
    if (filter.item) {
      const lists = filter.framework ? [c.mappings[filter.framework] ?? []] : Object.values(c.mappings);
      if (!lists.some((ids) => ids?.includes(filter.item as string))) return false;
    }
    if (filter.requirement && !c.requirements.includes(filter.requirement)) return false;
    if (filter.severity && c.severity !== filter.severity) return false;
    if (filter.evidence && !c.evidence.includes(filter.evidence)) return false;
    return true;
  });
}

export interface FrameworkCoverage {
  readonly framework: FrameworkKey;
  /** Items (of the kinds Attest maps to) and the controls that map to each. */
  readonly items: readonly { readonly item: FrameworkItem; readonly controls: readonly string[] }[];
}

/** For one framework: each item that at least one control maps to, with those controls. */
export function frameworkCoverage(framework: FrameworkKey, controls: readonly Control[] = CONTROLS): FrameworkCoverage {
  const byItem = new Map<string, string[]>();
  for (const c of controls) {
    for (const id of c.mappings[framework] ?? []) {
      const list = byItem.get(id) ?? [];
      list.push(c.id);
      byItem.set(id, list);
    }
  }
  const items = FRAMEWORKS[framework].items
    .filter((i) => byItem.has(i.id))
    .map((item) => ({ item, controls: byItem.get(item.id) ?? [] }));
  return { framework, items };
}

/** Every mapping in the catalog that names an id absent from its framework's data. */
export function unknownMappings(controls: readonly Control[] = CONTROLS): { control: string; framework: FrameworkKey; id: string }[] {
  const bad: { control: string; framework: FrameworkKey; id: string }[] = [];
  for (const c of controls) {
    for (const [fw, ids] of Object.entries(c.mappings) as [FrameworkKey, readonly string[]][]) {
      for (const id of ids) if (!frameworkItem(fw, id)) bad.push({ control: c.id, framework: fw, id });
    }
  }
  return bad;
}
