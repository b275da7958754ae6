/**
 * Which controls apply to the inventory, and how likely their risk is. Both are
 * deterministic functions of the inventory profile; docs/scoring.md lists the rules.
 */
import type { ControlId } from '../catalog/control-ids.js';
import type { InventoryProfile } from './inventory-profile.js';

interface ApplicabilityRule {
  readonly applies: (p: InventoryProfile) => boolean;
  /** Why the control is N/A when `applies` is false. */
  readonly because: string;
}

const AGENTS: ApplicabilityRule = { applies: (p) => p.agents || p.mcp, because: 'no agents, agent tools or MCP servers in the inventory' };
const MCP: ApplicabilityRule = { applies: (p) => p.mcp, because: 'no MCP servers in the inventory' };
const RAG: ApplicabilityRule = { applies: (p) => p.rag, because: 'no vector stores (retrieval) in the inventory' };

const APPLICABILITY: Partial<Record<ControlId, ApplicabilityRule>> = {
  'AI-AGT-01': AGENTS,
  'AI-AGT-02': AGENTS,
  'AI-AGT-04': AGENTS,
  'AI-AGT-03': MCP,
  'AI-VND-02': { applies: (p) => p.mcp || p.agents, because: 'no MCP servers, plugins or agent tools in the inventory' },
  'AI-RAG-01': RAG,
  'AI-RAG-02': RAG,
  'AI-INJ-02': { applies: (p) => p.rag || p.agents || p.mcp, because: 'no retrieval, agent tools or MCP servers feed content to a model' },
  'AI-DATA-03': { applies: (p) => p.fineTuning || p.modelFiles, because: 'no fine-tuning calls or model files in the inventory' },
  'AI-RUN-01': { applies: (p) => p.localRuntime, because: 'no local model runtimes in the inventory' },
  'AI-INV-03': { applies: (p) => p.modelFiles || p.localRuntime, because: 'no model files or local runtimes in the inventory' },
};

/**
 * The reason a control is not applicable, or undefined when it applies.
 * Nothing is N/A without a scan: absence of evidence is not evidence of absence.
 */
export function notApplicableReason(id: ControlId, profile: InventoryProfile): string | undefined {
  if (!profile.scanned) return undefined;
  const rule = APPLICABILITY[id];
  return rule && !rule.applies(profile) ? rule.because : undefined;
}

/** Controls that guard live LLM traffic; less likely to matter when no call site was found. */
const TRAFFIC: readonly ControlId[] = [
  'AI-GW-01', 'AI-INJ-01', 'AI-OUT-01', 'AI-OUT-02', 'AI-PRM-01', 'AI-PRM-02',
  'AI-VAL-01', 'AI-VAL-02', 'AI-RES-01', 'AI-CHG-01', 'AI-CHG-02', 'AI-LOG-01',
];

export interface Likelihood {
  readonly factor: number;
  /** Why the factor is not 1 (empty when it is). */
  readonly because: string;
}

/** The likelihood factor implied by the inventory (1 = baseline). */
export function likelihood(id: ControlId, p: InventoryProfile): Likelihood {
  if (id.startsWith('AI-AGT-') || id === 'AI-VND-02') {
    if (p.riskyTools) return { factor: 1.5, because: 'agents with high-risk tools' };
  }
  if ((id.startsWith('AI-RAG-') || id === 'AI-INJ-02') && p.rag) return { factor: 1.5, because: 'retrieval over vector stores' };
  if (id === 'AI-VAL-01' && (p.agents || p.mcp)) return { factor: 1.5, because: 'model outputs drive agent actions' };
  if (id.startsWith('AI-KEY-') && p.hardcodedKeys) return { factor: 1.5, because: 'provider keys found in code or config' };
  if (id === 'AI-RUN-01' && (p.findingsByRule['runtime-exposed'] ?? 0) > 0) return { factor: 1.5, because: 'a model runtime is exposed' };
  if (TRAFFIC.includes(id) && p.scanned && !p.llmCalls && !p.agents && !p.localRuntime) {
    return { factor: 0.5, because: 'no LLM call sites found' };
  }
  return { factor: 1, because: '' };
}
