import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Control } from './control.js';
import { CONTROL_IDS } from './control-ids.js';
import { CONTROLS, getControl } from './controls.js';
import { FRAMEWORK_KEYS, FRAMEWORKS } from './frameworks.js';
import { filterControls, frameworkCoverage, unknownMappings } from './query.js';

const requirementIds = [...readFileSync(new URL('./data/requirements.md', import.meta.url), 'utf8').matchAll(/^\| (R\d+) \|/gm)].map(
  (m) => m[1],
);

describe('control catalog', () => {
  it('has the 23 requirements from shared/requirements.md to check against', () => {
    expect(requirementIds).toHaveLength(23);
  });

  it('defines exactly the ids in CONTROL_IDS, once each', () => {
    expect(CONTROLS.map((c) => c.id)).toEqual([...CONTROL_IDS]);
    expect(CONTROLS.length).toBeGreaterThanOrEqual(30);
    expect(CONTROLS.length).toBeLessThanOrEqual(50);
  });

  it('maps only to framework identifiers that exist', () => {
    expect(unknownMappings()).toEqual([]);
  });

  it('detects a mapping to an identifier that does not exist', () => {
    const bogus: Control = { ...getControl('AI-KEY-01'), mappings: { 'owasp-llm-2025': ['LLM11'], soc2: ['CC6.1', 'CC10.1'] } };
    expect(unknownMappings([bogus])).toEqual([
      { control: 'AI-KEY-01', framework: 'owasp-llm-2025', id: 'LLM11' },
      { control: 'AI-KEY-01', framework: 'soc2', id: 'CC10.1' },
    ]);
  });

  it('covers every requirement R1–R23', () => {
    const covered = new Set(CONTROLS.flatMap((c) => c.requirements));
    expect(requirementIds.filter((r) => !covered.has(r as `R${number}`))).toEqual([]);
    for (const r of covered) expect(requirementIds).toContain(r);
  });

  it('gives every control an objective, evidence, a SOC 2 and a NIST AI RMF mapping', () => {
    for (const c of CONTROLS) {
      expect(c.objective.length, c.id).toBeGreaterThan(40);
      expect(c.evidence.length, c.id).toBeGreaterThan(0);
      expect(c.mappings.soc2?.length, c.id).toBeGreaterThan(0);
      expect(c.mappings['nist-ai-rmf']?.length, c.id).toBeGreaterThan(0);
    }
  });

  it('covers every OWASP LLM 2025 item and names each questionnaire key once', () => {
    const owasp = frameworkCoverage('owasp-llm-2025');
    expect(owasp.items.map((i) => i.item.id)).toEqual(FRAMEWORKS['owasp-llm-2025'].items.map((i) => i.id));
    const keys = CONTROLS.flatMap((c) => (c.questions ?? []).map((q) => q.key));
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of CONTROLS) {
      if (c.evidence.includes('questionnaire')) expect(c.questions?.length ?? 0, c.id).toBeGreaterThan(0);
    }
  });

  it('loads every framework with items', () => {
    for (const key of FRAMEWORK_KEYS) expect(FRAMEWORKS[key].items.length, key).toBeGreaterThan(0);
  });

  it('filters by framework, item and requirement', () => {
    const llm01 = filterControls({ framework: 'owasp-llm-2025', item: 'LLM01' }).map((c) => c.id);
    expect(llm01).toContain('AI-INJ-01');
    expect(llm01).not.toContain('AI-KEY-01');
    expect(filterControls({ requirement: 'R4' }).map((c) => c.id)).toEqual(['AI-RAG-01', 'AI-RAG-02']);
    expect(() => getControl('AI-NOPE-01' as never)).toThrow(/unknown control/);
  });
});

describe('docs/controls.md', () => {
  it('is up to date with the catalog (run `npm run docs:controls`)', async () => {
    const { controlsMarkdown } = await import('./controls-markdown.js');
    const onDisk = readFileSync(new URL('../../docs/controls.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(controlsMarkdown());
  });
});
