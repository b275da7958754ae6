/**
 * What the inventory says about the system under assessment: which kinds of AI components
 * exist. Applicability (N/A) and likelihood weights are derived from it (docs/scoring.md).
 */
import type { ComponentType, DiscoverResult } from '../discover/model.js';

export interface InventoryProfile {
  /** True when a discover result was part of the evidence. */
  readonly scanned: boolean;
  readonly files: number;
  readonly counts: Readonly<Partial<Record<ComponentType, number>>>;
  readonly findingsByRule: Readonly<Record<string, number>>;
  /** Agents or agent tools found. */
  readonly agents: boolean;
  /** Agent tools flagged as high-risk (shell, file write, HTTP, email, SQL) without approval. */
  readonly riskyTools: boolean;
  readonly mcp: boolean;
  /** Vector stores (retrieval-augmented generation). */
  readonly rag: boolean;
  /** LLM call sites: SDKs, frameworks, provider endpoints or models. */
  readonly llmCalls: boolean;
  readonly localRuntime: boolean;
  readonly modelFiles: boolean;
  readonly fineTuning: boolean;
  readonly hardcodedKeys: boolean;
}

/** The profile of an empty or absent inventory. */
export const EMPTY_PROFILE: InventoryProfile = {
  scanned: false,
  files: 0,
  counts: {},
  findingsByRule: {},
  agents: false,
  riskyTools: false,
  mcp: false,
  rag: false,
  llmCalls: false,
  localRuntime: false,
  modelFiles: false,
  fineTuning: false,
  hardcodedKeys: false,
};

/** Derive the profile from a discover result (or the empty profile when there is none). */
export function inventoryProfile(result: DiscoverResult | undefined): InventoryProfile {
  if (!result) return EMPTY_PROFILE;
  const counts: Partial<Record<ComponentType, number>> = {};
  for (const c of result.components) counts[c.type] = (counts[c.type] ?? 0) + 1;
  const findingsByRule: Record<string, number> = {};
  for (const f of result.findings) findingsByRule[f.rule] = (findingsByRule[f.rule] ?? 0) + 1;
  const has = (t: ComponentType): boolean => (counts[t] ?? 0) > 0;
  const found = (rule: string): boolean => (findingsByRule[rule] ?? 0) > 0;
  return {
    scanned: true,
    files: result.stats.files,
    counts,
    findingsByRule,
    agents: has('agent') || has('tool'),
    riskyTools: found('risky-tool-no-approval') || result.components.some((c) => c.type === 'tool' && c.properties?.risky === 'true'),
    mcp: has('mcp-server'),
    rag: has('vectorstore'),
    llmCalls: has('sdk') || has('framework') || has('provider-endpoint') || has('model'),
    localRuntime: has('runtime'),
    modelFiles: has('model-file'),
    fineTuning: found('fine-tune-call'),
    hardcodedKeys: found('hardcoded-key') || has('key'),
  };
}
