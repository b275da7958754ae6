/**
 * Evidence from the runtime configuration in attest.yaml: the `guard:` policy (which detectors
 * run at which stage, canaries, allow-lists) and the `audit:` section (retention, signed
 * checkpoints). Confidence: configured — the setting exists; whether traffic really flows
 * through it is for the gateway's own evidence and the audit statistics to show.
 */
import { AUDIT_DEFAULTS, type AuditConfig } from '../../audit/config-schema.js';
import type { DetectorName, GuardStage } from '../../guard/detection.js';
import { resolveDetector, resolveLists, type GuardConfig } from '../../guard/policy/guard-policy.js';
import type { ControlId } from '../../catalog/control-ids.js';
import type { ControlVerdict, EvidenceSource, VerdictStatus } from '../evidence.js';

/** A detector counts when it runs at the stage and does something other than allow. */
function active(g: GuardConfig, name: DetectorName, stage: GuardStage): boolean {
  const d = resolveDetector(g, name, stage);
  return d !== undefined && d.action !== 'allow';
}

const grade = (hits: number, of: number): VerdictStatus => (hits === of ? 'met' : hits === 0 ? 'not-met' : 'partial');

function guardVerdicts(g: GuardConfig): ControlVerdict[] {
  const v = (controlId: ControlId, status: VerdictStatus, reason: string): ControlVerdict => ({
    controlId,
    status,
    confidence: 'configured',
    source: 'config',
    reason,
    evidence: [{ kind: 'scan', note: `attest.yaml guard: ${reason}` }],
  });
  const lists = resolveLists(g);
  const indirect = (['retrieved', 'tool-result'] as const).filter((s) => active(g, 'injection', s));
  const outputs = (['secrets', 'pii'] as const).filter((n) => active(g, n, 'output'));
  const canary = active(g, 'canary', 'output');
  const actions = [active(g, 'schema', 'output'), active(g, 'tool-allowlist', 'output') && (lists.tools?.length ?? 0) > 0];
  return [
    v('AI-INJ-01', active(g, 'injection', 'input') ? 'met' : 'not-met', `injection detector ${active(g, 'injection', 'input') ? 'on' : 'off'} for user input`),
    v('AI-INJ-02', grade(indirect.length, 2), `injection detector on for ${indirect.join(' and ') || 'neither retrieved content nor tool results'}`),
    v('AI-OUT-01', grade(outputs.length, 2), `output detectors on: ${outputs.join(', ') || 'none'} (of secrets, pii)`),
    v('AI-OUT-02', canary ? (lists.canaries.length > 0 ? 'met' : 'partial') : 'not-met', canary ? `canary detector on with ${lists.canaries.length} canaries` : 'canary detector off'),
    v('AI-PRM-01', active(g, 'prompt-integrity', 'output') ? 'met' : 'not-met', `prompt-integrity check ${active(g, 'prompt-integrity', 'output') ? 'on' : 'off'}`),
    v('AI-VAL-01', grade(actions.filter(Boolean).length, 2), `output schema validation ${actions[0] ? 'on' : 'off'}; tool allow-list ${actions[1] ? 'on' : 'off or empty'}`),
    v('AI-VAL-02', active(g, 'payload', 'output') ? 'met' : 'not-met', `payload (HTML/SQL/shell/markdown) detector ${active(g, 'payload', 'output') ? 'on' : 'off'}`),
  ];
}

function auditVerdicts(a: AuditConfig): ControlVerdict[] {
  // Unset checkpoint settings take the audit defaults (on), as the store does.
  const cp = { ...AUDIT_DEFAULTS.checkpoint, ...a.checkpoint };
  const checkpoints = cp.everyEvents > 0 || cp.everySeconds > 0;
  const retention = a.retentionDays !== undefined;
  const parts = [checkpoints ? 'signed checkpoints on' : 'no checkpoint schedule', retention ? `retention ${a.retentionDays} days` : 'no retention period'];
  return [
    {
      controlId: 'AI-LOG-03',
      status: grade(Number(checkpoints) + Number(retention), 2),
      confidence: 'configured',
      source: 'config',
      reason: `audit: ${parts.join(', ')}`,
      evidence: [{ kind: 'scan', note: `attest.yaml audit: ${parts.join(', ')}` }],
    },
  ];
}

/**
 * @example
 * const source = configEvidenceSource({ guard: config.guard, audit: config.audit }, 'attest.yaml');
 */
export function configEvidenceSource(cfg: { readonly guard?: unknown; readonly audit?: unknown }, file = 'attest.yaml'): EvidenceSource {
  return {
    kind: 'config',
    confidence: 'configured',
    description: `${file} ${[cfg.guard !== undefined ? 'guard' : '', cfg.audit !== undefined ? 'audit' : ''].filter(Boolean).join(' and ')} settings`,
    collect() {
      return {
        verdicts: [
          ...(cfg.guard !== undefined ? guardVerdicts(cfg.guard as GuardConfig) : []),
          ...(cfg.audit !== undefined ? auditVerdicts(cfg.audit as AuditConfig) : []),
        ],
      };
    },
  };
}
