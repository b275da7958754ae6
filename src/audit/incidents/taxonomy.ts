/**
 * The AI incident taxonomy (R8): categories with a default severity, the Attest controls each
 * one evidences (always AI-INC-01/02 plus the specific control) and a response checklist per
 * phase. Framework ids come from the catalog through `frameworkRefs` (getControl), so they
 * never drift from controls.ts.
 */
import { getControl, type ControlId, type FrameworkKey } from '../../catalog/index.js';

export type IncidentSeverity = 'critical' | 'high' | 'medium' | 'low';
export const INCIDENT_SEVERITIES: readonly IncidentSeverity[] = ['critical', 'high', 'medium', 'low'];

export type ResponsePhase = 'contain' | 'eradicate' | 'recover' | 'notify' | 'lessons';
export const RESPONSE_PHASES: readonly ResponsePhase[] = ['contain', 'eradicate', 'recover', 'notify', 'lessons'];

export interface ChecklistItem {
  /** Stable id, `<phase>.<slug>`; ticked with `attest incident ack|close --tick <id>`. */
  readonly id: string;
  readonly phase: ResponsePhase;
  readonly text: string;
}

export interface IncidentCategory {
  readonly id: IncidentCategoryId;
  readonly title: string;
  readonly description: string;
  readonly severity: IncidentSeverity;
  readonly controls: readonly ControlId[];
  readonly checklist: readonly ChecklistItem[];
}

export const INCIDENT_CATEGORY_IDS = [
  'jailbreak-succeeded',
  'prompt-injection',
  'rag-exfiltration',
  'sensitive-output',
  'unapproved-tool-use',
  'key-misuse',
  'unreviewed-change',
  'denial-of-wallet',
] as const;
export type IncidentCategoryId = (typeof INCIDENT_CATEGORY_IDS)[number];

const BASE: readonly ControlId[] = ['AI-INC-01', 'AI-INC-02'];

/** Steps every AI incident gets, after the category's own. */
const COMMON: readonly ChecklistItem[] = [
  { id: 'contain.preserve-trail', phase: 'contain', text: 'Checkpoint and verify the audit trail (`attest audit checkpoint`, `attest audit verify`) and place a legal hold on the affected sessions' },
  { id: 'recover.blast-radius', phase: 'recover', text: 'Review the blast radius (`attest incident show <id> --blast-radius`) and confirm every user, document, tool and key in it was handled' },
  { id: 'notify.stakeholders', phase: 'notify', text: 'Notify the incident owner, security, and — where personal or customer data was exposed — legal/privacy for breach-notification duties' },
  { id: 'lessons.review', phase: 'lessons', text: 'Hold a post-incident review; record root cause, detection gap and control changes (update guard policy, tests, runbooks)' },
];

function items(list: readonly [ResponsePhase, string, string][]): ChecklistItem[] {
  const all = [...list.map(([phase, slug, text]) => ({ id: `${phase}.${slug}`, phase, text })), ...COMMON];
  return all.sort((a, b) => RESPONSE_PHASES.indexOf(a.phase) - RESPONSE_PHASES.indexOf(b.phase));
}

export const INCIDENT_CATEGORIES: readonly IncidentCategory[] = [
  {
    id: 'jailbreak-succeeded',
    title: 'Successful jailbreak',
    description: 'A jailbreak attempt was detected at the input and the model still answered (the guard alerted only, or a block was bypassed).',
    severity: 'high',
    controls: [...BASE, 'AI-INJ-01', 'AI-GW-01'],
    checklist: items([
      ['contain', 'block-session', 'Block or rate-limit the session and the user that sent the jailbreak'],
      ['contain', 'guard-to-block', 'Switch the route’s guard policy for this detector from alert to block'],
      ['eradicate', 'review-output', 'Read the model output for the request: what restricted content or action did it produce?'],
      ['recover', 'add-regression', 'Add the prompt to the red-team / guard regression set (`attest redteam`)'],
    ]),
  },
  {
    id: 'prompt-injection',
    title: 'Prompt injection that changed behaviour',
    description: 'An injection was detected (direct, or indirect in retrieved content or a tool result) and the model then answered or called a tool in the same request.',
    severity: 'high',
    controls: [...BASE, 'AI-INJ-01', 'AI-INJ-02', 'AI-PRM-01'],
    checklist: items([
      ['contain', 'disable-tool', 'Disable the tools the agent called in the affected requests until reviewed'],
      ['contain', 'quarantine-source', 'Quarantine the source of indirect injection (document, web page, tool) so it is not retrieved again'],
      ['eradicate', 'purge-document', 'Purge the poisoned document from the index and re-embed from a clean copy'],
      ['recover', 'spotlighting', 'Confirm untrusted content is spotlighted/separated from instructions on this route'],
    ]),
  },
  {
    id: 'rag-exfiltration',
    title: 'Data exfiltration via retrieval (RAG)',
    description: 'Retrieval returned documents the user may not see, or documents of another tenant, or the user repeatedly probed for denied documents.',
    severity: 'critical',
    controls: [...BASE, 'AI-RAG-01', 'AI-RAG-02', 'AI-DGV-01'],
    checklist: items([
      ['contain', 'disable-index', 'Take the index (or the affected collection) offline or force per-document ACL filtering'],
      ['contain', 'suspend-user', 'Suspend the user or service that retrieved the documents'],
      ['eradicate', 'fix-acl', 'Fix the document ACL / tenant filter that let the documents through; add a cross-tenant probe test'],
      ['notify', 'data-owners', 'Tell the owners of the exposed documents (and the other tenant) what was retrieved'],
    ]),
  },
  {
    id: 'sensitive-output',
    title: 'Sensitive data in model output',
    description: 'Credentials, personal data or a canary token reached a user in a model response without being redacted or blocked.',
    severity: 'high',
    controls: [...BASE, 'AI-OUT-01', 'AI-OUT-02'],
    checklist: items([
      ['contain', 'rotate-credential', 'Rotate any credential that appeared in the output'],
      ['contain', 'redact-route', 'Turn on output redaction/blocking for this category on the route'],
      ['eradicate', 'find-source', 'Find where the model got the data (prompt, retrieved document, training data) and remove it'],
      ['notify', 'privacy', 'If personal data left, assess breach-notification duties with privacy/legal'],
    ]),
  },
  {
    id: 'unapproved-tool-use',
    title: 'Agent misbehaviour / unapproved tool use',
    description: 'An agent executed a tool call that was denied or awaiting human approval, or whose approval was rejected.',
    severity: 'high',
    controls: [...BASE, 'AI-AGT-02', 'AI-AGT-01', 'AI-AGT-04'],
    checklist: items([
      ['contain', 'disable-tool', 'Disable the tool (or the MCP server) for this agent'],
      ['contain', 'revoke-agent-credentials', 'Revoke the scoped key / token the agent used for the tool'],
      ['eradicate', 'undo-effects', 'Find and undo the tool’s side effects (files written, emails sent, rows changed)'],
      ['recover', 'enforce-approval', 'Make approval enforcement fail closed in the proxy for this tool'],
    ]),
  },
  {
    id: 'key-misuse',
    title: 'Provider key misuse',
    description: 'A revoked or expired key was presented, or a key was used from a source it has never been used from.',
    severity: 'high',
    controls: [...BASE, 'AI-KEY-03', 'AI-KEY-02'],
    checklist: items([
      ['contain', 'revoke-key', 'Revoke the scoped key at the gateway and the provider key behind it if exposed'],
      ['eradicate', 'find-leak', 'Find where the key leaked (repository, image, logs: `attest discover`) and remove it'],
      ['recover', 'reissue', 'Issue a new scoped key from the vault to the legitimate owner'],
      ['notify', 'provider-billing', 'Check provider usage and billing for the key’s misuse window'],
    ]),
  },
  {
    id: 'unreviewed-change',
    title: 'Model or prompt change without review',
    description: 'The model, its version, or a system prompt changed without the recorded review and evaluation gate.',
    severity: 'medium',
    controls: [...BASE, 'AI-CHG-02', 'AI-CHG-01'],
    checklist: items([
      ['contain', 'roll-back', 'Roll the model/prompt back to the last reviewed version'],
      ['eradicate', 'run-eval', 'Run the security evaluation gate on the change before re-applying it'],
      ['recover', 'pin-version', 'Pin the model to a snapshot and require review for config changes'],
    ]),
  },
  {
    id: 'denial-of-wallet',
    title: 'Denial of wallet / unbounded consumption',
    description: 'Token or request volume for one actor or key exceeded its limit within a short window.',
    severity: 'medium',
    controls: [...BASE, 'AI-RES-01'],
    checklist: items([
      ['contain', 'rate-limit', 'Apply a rate/token/cost limit to the actor or key at the gateway'],
      ['eradicate', 'find-loop', 'Find the cause (runaway agent loop, scraping, leaked key)'],
      ['recover', 'budget-alert', 'Set a spend alert on the provider account'],
    ]),
  },
];

const BY_ID = new Map(INCIDENT_CATEGORIES.map((c) => [c.id, c]));

export function isIncidentCategoryId(id: string): id is IncidentCategoryId {
  return BY_ID.has(id as IncidentCategoryId);
}

/** The category definition; unknown ids (from an older or foreign trail) get a generic one. */
export function incidentCategory(id: string): IncidentCategory {
  return (
    BY_ID.get(id as IncidentCategoryId) ?? {
      id: id as IncidentCategoryId,
      title: id,
      description: 'Category not in this version of the taxonomy.',
      severity: 'medium',
      controls: BASE,
      checklist: COMMON,
    }
  );
}

/**
 * Framework references for a category, merged from its controls' catalog mappings.
 *
 * @example
 * frameworkRefs(incidentCategory('rag-exfiltration')).soc2 // e.g. ['CC7.3', 'CC7.4', ...]
 */
export function frameworkRefs(category: IncidentCategory): Partial<Record<FrameworkKey, string[]>> {
  const out: Partial<Record<FrameworkKey, string[]>> = {};
  for (const id of category.controls) {
    let mappings: Partial<Record<FrameworkKey, readonly string[]>>;
    try {
      mappings = getControl(id).mappings;
    } catch {
      continue;
    }
    for (const [fw, ids] of Object.entries(mappings) as [FrameworkKey, readonly string[]][]) {
      const set = new Set(out[fw] ?? []);
      for (const i of ids) set.add(i);
      out[fw] = [...set].sort();
    }
  }
  return out;
}
