/**
 * Evidence observed by `attest discover`: findings decide their control (not met, or
 * partial for low/info severity); a clean scan of a component the check applies to
 * counts as met. Confidence: observed.
 */
import { isControlId, type ControlId } from '../../catalog/control-ids.js';
import type { DiscoverResult, Finding } from '../../discover/model.js';
import type { ControlContext, ControlVerdict, EvidenceRef, EvidenceSource } from '../evidence.js';
import type { InventoryProfile } from '../inventory-profile.js';

/** Rules that record a fact needing a process (cited), not a defect (they decide nothing). */
const PRESENCE_RULES: ReadonlySet<string> = new Set(['fine-tune-call']);

interface CleanCheck {
  readonly controlId: ControlId;
  /** The finding rules whose absence this check relies on. */
  readonly rules: readonly string[];
  readonly when: (p: InventoryProfile) => boolean;
  readonly reason: (p: InventoryProfile) => string;
}

const n = (p: InventoryProfile, t: keyof InventoryProfile['counts']): number => p.counts[t] ?? 0;

/** A clean scan proves these controls met (for what was scanned). */
const CLEAN_CHECKS: readonly CleanCheck[] = [
  { controlId: 'AI-INV-01', rules: [], when: (p) => p.files > 0, reason: (p) => `attest discover inventoried ${Object.values(p.counts).reduce((a, b) => a + (b ?? 0), 0)} AI components in ${p.files} files` },
  { controlId: 'AI-KEY-01', rules: ['hardcoded-key', 'mcp-secret-env'], when: (p) => p.files > 0, reason: (p) => `no provider keys found in ${p.files} scanned files` },
  { controlId: 'AI-GW-01', rules: ['unguarded-llm-call'], when: (p) => p.llmCalls, reason: () => 'every LLM call site found goes through a gateway' },
  { controlId: 'AI-CHG-01', rules: ['floating-model-alias'], when: (p) => n(p, 'model') > 0, reason: (p) => `all ${n(p, 'model')} model references are pinned` },
  { controlId: 'AI-AGT-02', rules: ['risky-tool-no-approval'], when: (p) => n(p, 'tool') > 0, reason: () => 'no high-risk agent tool without human approval found' },
  { controlId: 'AI-AGT-03', rules: ['mcp-no-auth'], when: (p) => p.mcp, reason: (p) => `all ${n(p, 'mcp-server')} MCP servers are configured with authentication` },
  { controlId: 'AI-RUN-01', rules: ['runtime-exposed'], when: (p) => p.localRuntime, reason: () => 'no local model runtime is exposed without authentication' },
  { controlId: 'AI-INV-03', rules: ['unsafe-model-format'], when: (p) => p.modelFiles, reason: () => 'all model files use safe formats' },
];

function findingRef(f: Finding): EvidenceRef[] {
  const refs: EvidenceRef[] = [];
  for (const e of f.evidence.length > 0 ? f.evidence : [{ path: '', scanner: '' }]) {
    refs.push({
      kind: 'finding',
      rule: f.rule,
      findingId: f.id,
      severity: f.severity,
      message: f.message,
      path: e.path,
      ...(e.line !== undefined ? { line: e.line } : {}),
    });
  }
  return refs;
}

/**
 * @example
 * const source = discoverEvidenceSource(result, 'discover of ./src');
 */
export function discoverEvidenceSource(result: DiscoverResult, description = 'attest discover'): EvidenceSource {
  return {
    kind: 'discover',
    confidence: 'observed',
    description,
    collect(profile) {
      const defects = new Map<ControlId, Finding[]>();
      const presence = new Map<ControlId, Finding[]>();
      for (const f of result.findings) {
        if (!isControlId(f.controlId)) continue;
        const into = PRESENCE_RULES.has(f.rule) ? presence : defects;
        const list = into.get(f.controlId);
        if (list) list.push(f);
        else into.set(f.controlId, [f]);
      }
      const verdicts: ControlVerdict[] = [];
      for (const [controlId, findings] of defects) {
        const serious = findings.some((f) => f.severity !== 'low' && f.severity !== 'info');
        const rules = [...new Set(findings.map((f) => f.rule))].sort().join(', ');
        verdicts.push({
          controlId,
          status: serious ? 'not-met' : 'partial',
          confidence: 'observed',
          source: 'discover',
          reason: `${findings.length} finding${findings.length === 1 ? '' : 's'} (${rules})`,
          evidence: findings.flatMap(findingRef),
        });
      }
      for (const check of CLEAN_CHECKS) {
        if (defects.has(check.controlId) || !check.when(profile)) continue;
        verdicts.push({
          controlId: check.controlId,
          status: 'met',
          confidence: 'observed',
          source: 'discover',
          reason: check.reason(profile),
          evidence: [{ kind: 'scan', note: check.reason(profile) }],
        });
      }
      const context: ControlContext[] = [...presence].map(([controlId, findings]) => ({
        controlId,
        source: 'discover',
        evidence: findings.flatMap(findingRef),
      }));
      return { verdicts, context };
    },
  };
}
