/**
 * What to do about each control, with an effort estimate (docs/scoring.md, "Effort"):
 * S = hours to a day of one engineer, M = days to two weeks, L = weeks, several teams.
 * `feature` names the Attest feature that does or evidences the work.
 * `onFindings` replaces `action` when findings triggered the item; `{n}` is the number of
 * places; `{s}`, `{es}`, `{it}`, `{its}` agree with it ("site"/"sites", "it"/"them", "its"/"their").
 */
import type { ControlId } from '../catalog/control-ids.js';

export type Effort = 'S' | 'M' | 'L';
/** Effort in relative units: the divisor in "risk reduced per unit of effort". */
export const EFFORT_UNITS: Readonly<Record<Effort, number>> = { S: 1, M: 2, L: 4 };

export interface Remediation {
  readonly effort: Effort;
  readonly action: string;
  readonly feature?: string;
  readonly onFindings?: string;
}

export const REMEDIATIONS: Readonly<Record<ControlId, Remediation>> = {
  'AI-INV-01': { effort: 'S', action: 'Run `attest discover` in CI on every merge and keep the AI-BOM (CycloneDX) with the release', feature: 'attest discover' },
  'AI-INV-02': { effort: 'M', action: 'Feed proxy or DNS logs to `attest discover` and approve or block each AI provider it attributes', feature: 'attest discover (network logs)', onFindings: 'Attribute, then approve or block {n} unapproved AI provider destination{s} seen in network logs' },
  'AI-INV-03': { effort: 'S', action: 'Load models only from approved registries in safe formats (safetensors, GGUF), never pickle', feature: 'attest discover', onFindings: 'Replace {n} pickle model file{s} with safetensors from a trusted source' },
  'AI-KEY-01': { effort: 'S', action: 'Keep provider keys out of code, config and images; scan every commit', feature: 'attest discover', onFindings: 'Move {n} hard-coded key{s} to the vault and rotate {it}' },
  'AI-KEY-02': { effort: 'M', action: 'Hold provider keys in a vault and give each app a scoped, revocable virtual key through the gateway', feature: 'Attest gateway key vault' },
  'AI-KEY-03': { effort: 'S', action: 'Rotate provider keys at least every 90 days and alert on unusual use per key', feature: 'Attest gateway key vault + audit trail' },
  'AI-IAM-01': { effort: 'M', action: 'Put AI tools and consoles behind the company IdP (OIDC/SSO with MFA)', feature: 'Attest gateway OIDC' },
  'AI-IAM-02': { effort: 'L', action: 'Move services and agents to workload identity and fetch provider secrets just in time', feature: 'Attest gateway' },
  'AI-RAG-01': { effort: 'L', action: "Filter retrieved documents by the requesting user's identity and labels before they reach the prompt, and log each decision", feature: 'Attest RAG guard', onFindings: 'Close {n} exposed vector store{s} and enforce document-level access with the Attest RAG guard' },
  'AI-RAG-02': { effort: 'M', action: 'Run cross-tenant retrieval probes on every release and keep the results as evidence', feature: 'Attest red team (cross-tenant probes)' },
  'AI-AGT-01': { effort: 'M', action: 'Write down the maximum tools and permissions of each agent and enforce them with a gateway tool policy', feature: 'Attest gateway tool policy' },
  'AI-AGT-02': { effort: 'M', action: 'Require human approval before high-risk agent tools (shell, file write, HTTP, email, SQL) run', feature: 'Attest gateway approvals', onFindings: 'Put {n} high-risk agent tool{s} behind human approval (Attest gateway approvals)' },
  'AI-AGT-03': { effort: 'M', action: 'Route MCP servers through the Attest MCP proxy with authentication and least-privilege tool lists', feature: 'Attest MCP proxy', onFindings: 'Add auth to {n} MCP server{s} and route {it} through the Attest MCP proxy' },
  'AI-AGT-04': { effort: 'S', action: 'Define an autonomy level and human intervention points (pause, stop, approve) for every agent', feature: 'Attest gateway tool policy' },
  'AI-GW-01': { effort: 'M', action: 'Send every LLM call through the Attest gateway with guard and audit logging on', feature: 'Attest gateway', onFindings: 'Route {n} LLM call site{s} through the Attest gateway with the injection guard on' },
  'AI-INJ-01': { effort: 'S', action: 'Turn on the injection and jailbreak detectors in the guard policy and alert on blocks', feature: 'attest guard (injection detector)' },
  'AI-INJ-02': { effort: 'M', action: 'Scan retrieved documents and tool results for indirect injection before they enter the prompt', feature: 'attest guard (indirect injection) + RAG guard' },
  'AI-OUT-01': { effort: 'S', action: 'Turn on credential and PII detection on model outputs in the guard policy', feature: 'attest guard (output detectors)' },
  'AI-OUT-02': { effort: 'M', action: 'Plant canary tokens and document signatures and detect them in model outputs', feature: 'attest guard (canaries)' },
  'AI-INC-01': { effort: 'S', action: 'Adopt an AI incident taxonomy with severities and classification rules', feature: 'attest incident' },
  'AI-INC-02': { effort: 'M', action: 'Write AI incident response procedures with blast-radius analysis and rehearse them', feature: 'attest incident' },
  'AI-DATA-01': { effort: 'M', action: 'Sign agreements with each model provider that exclude your data from training' },
  'AI-DATA-02': { effort: 'S', action: 'Set and enforce retention limits for prompts, outputs and training data', feature: 'Attest audit trail retention' },
  'AI-DATA-03': { effort: 'M', action: 'Inventory, approve and protect fine-tuning jobs and their data against extraction', feature: 'attest discover', onFindings: 'Register, approve and protect {n} fine-tuning job{s}' },
  'AI-REV-01': { effort: 'M', action: 'Queue high-sensitivity outputs for human review before release', feature: 'Attest gateway review queue' },
  'AI-PRM-01': { effort: 'M', action: 'Separate untrusted content from instructions (spotlighting, delimiters, role separation)', feature: 'attest guard' },
  'AI-PRM-02': { effort: 'S', action: 'Test system prompt integrity and extraction resistance with the red team on every prompt change', feature: 'Attest red team' },
  'AI-VAL-01': { effort: 'M', action: 'Validate model outputs against a schema or allow-list before they trigger actions', feature: 'Attest gateway output validation' },
  'AI-VAL-02': { effort: 'S', action: 'Encode or sanitise model outputs for HTML, SQL and shell before use', feature: 'attest guard' },
  'AI-CHG-01': { effort: 'S', action: 'Pin model versions to dated snapshots', feature: 'attest discover', onFindings: 'Pin {n} floating model alias{es} to dated snapshots' },
  'AI-CHG-02': { effort: 'M', action: 'Gate model, fine-tune and prompt changes on a security evaluation (red-team diff)', feature: 'Attest red team diff' },
  'AI-LOG-01': { effort: 'M', action: 'Record every AI interaction in the tamper-evident Attest audit trail', feature: 'attest audit' },
  'AI-LOG-02': { effort: 'S', action: 'Forward the audit trail to the SIEM', feature: 'attest audit export' },
  'AI-LOG-03': { effort: 'S', action: 'Verify audit-trail integrity on a schedule and retain it per policy', feature: 'attest audit verify' },
  'AI-EVL-01': { effort: 'M', action: 'Run adversarial evaluation continuously (nightly or per release)', feature: 'Attest red team' },
  'AI-EVL-02': { effort: 'M', action: 'Hash and access-control golden and evaluation datasets to detect poisoning' },
  'AI-PEN-01': { effort: 'L', action: 'Commission an AI penetration test and keep the report as evidence', feature: 'Attest red team report' },
  'AI-RSK-01': { effort: 'S', action: 'Keep an AI risk assessment mapped to the OWASP LLM Top 10 and your architecture (this report)', feature: 'attest assess' },
  'AI-ARC-01': { effort: 'M', action: 'Document AI data flows, providers, retrieval and agent permissions from the AI-BOM', feature: 'attest discover' },
  'AI-POL-01': { effort: 'S', action: 'Publish an AI acceptable use policy and collect acknowledgements' },
  'AI-POL-02': { effort: 'M', action: 'Adopt model evaluation, AI incident response and AI access control policies' },
  'AI-VND-01': { effort: 'M', action: 'Assess every third-party AI provider like any other vendor', feature: 'attest vendor' },
  'AI-VND-02': { effort: 'S', action: 'Vet MCP servers and plugins before use and pin their versions', feature: 'attest vendor + Attest MCP proxy', onFindings: 'Vet or remove {n} high-risk MCP server{s} and pin {its} version{s}' },
  'AI-DGV-01': { effort: 'L', action: 'Classify data used by AI and propagate labels to embeddings, outputs and fine-tunes', feature: 'Attest RAG guard labels' },
  'AI-RES-01': { effort: 'S', action: 'Set rate, token and cost limits per user and per app', feature: 'Attest gateway limits' },
  'AI-RUN-01': { effort: 'S', action: 'Bind local model runtimes to localhost or put them behind authentication', feature: 'attest discover --host', onFindings: 'Bind {n} exposed runtime{s} to localhost or add auth' },
  'AI-RDY-01': { effort: 'S', action: 'Run `attest assess` on a schedule and track the fix-list', feature: 'attest assess' },
  'AI-EVD-01': { effort: 'M', action: 'Assemble a hashed evidence package for the audit period', feature: 'attest evidence' },
};

/** Fill `{n}`, `{s}`, `{es}`, `{it}` and `{its}` in an `onFindings` template. */
export function findingsAction(template: string, n: number): string {
  return template
    .replaceAll('{n}', String(n))
    .replaceAll('{s}', n === 1 ? '' : 's')
    .replaceAll('{es}', n === 1 ? '' : 'es')
    .replaceAll('{its}', n === 1 ? 'its' : 'their')
    .replaceAll('{it}', n === 1 ? 'it' : 'them');
}
