/**
 * The closed list of Attest control ids. Findings, verdicts, incidents and fix-list
 * items reference controls through `ControlId`, so a typo is a type error.
 * The full definitions (objective, evidence, mappings) live in `controls.ts`.
 */
export const CONTROL_IDS = [
  'AI-INV-01', // R1  AI system inventory (AI-BOM) maintained from code, containers, hosts
  'AI-INV-02', // R1  Shadow AI: provider traffic in network evidence is attributed and approved
  'AI-INV-03', // R1  Model artefacts come from known sources in safe formats (no pickle)
  'AI-KEY-01', // R2  No provider keys hard-coded in code, config or images
  'AI-KEY-02', // R2  Provider keys held in a vault; apps use scoped, revocable keys
  'AI-KEY-03', // R2  Provider keys rotated and their use monitored
  'AI-IAM-01', // R3  People reach AI systems through the company IdP (OIDC/SSO)
  'AI-IAM-02', // R3  Services use workload identity; secrets fetched just in time
  'AI-RAG-01', // R4  Document-level access control enforced at retrieval, tied to user identity
  'AI-RAG-02', // R4  Tenant isolation of retrieval tested (cross-tenant probes)
  'AI-AGT-01', // R5  Maximum permissions per agent written down and enforced
  'AI-AGT-02', // R5  High-risk agent tools (shell, file write, HTTP, email, SQL) need human approval
  'AI-AGT-03', // R5  MCP servers authenticated, least-privilege, routed through a proxy
  'AI-AGT-04', // R5  Autonomy levels and human intervention points defined per agent
  'AI-GW-01',  // R6  LLM calls go through a gateway with guard and logging
  'AI-INJ-01', // R6  Direct prompt injection and jailbreaks detected and alerted
  'AI-INJ-02', // R6  Indirect injection in retrieved content and tool results detected
  'AI-OUT-01', // R7  Credentials and PII detected in model outputs
  'AI-OUT-02', // R7  Canary tokens and internal document signatures detected in outputs
  'AI-INC-01', // R8  AI incident taxonomy, severities and classification rules
  'AI-INC-02', // R8  AI incident response procedures with blast-radius analysis
  'AI-DATA-01', // R9 Training/fine-tuning data agreements with providers
  'AI-DATA-02', // R9 Retention limits for prompts, outputs and training data
  'AI-DATA-03', // R9 Fine-tuning jobs inventoried, approved and protected against extraction
  'AI-REV-01', // R10 Human review of high-sensitivity outputs before release
  'AI-PRM-01', // R11 Untrusted content separated from instructions (spotlighting)
  'AI-PRM-02', // R11 System prompt integrity and extraction resistance tested
  'AI-VAL-01', // R12 Outputs validated (schema, allow-lists) before triggering actions
  'AI-VAL-02', // R12 Outputs encoded or sanitised for downstream interpreters (HTML, SQL, shell)
  'AI-CHG-01', // R13 Model versions pinned to snapshots
  'AI-CHG-02', // R13 Security evaluation gate on model, fine-tune and prompt changes
  'AI-LOG-01', // R14 Every AI interaction recorded in a tamper-evident audit trail
  'AI-LOG-02', // R14 Audit trail forwarded to the SIEM
  'AI-LOG-03', // R14 Audit trail integrity verified and retained per policy
  'AI-EVL-01', // R15 Continuous adversarial evaluation
  'AI-EVL-02', // R15 Integrity of golden/eval datasets protected (poisoning)
  'AI-PEN-01', // R16 AI penetration test performed and reported
  'AI-RSK-01', // R17 AI risk assessment mapped to OWASP LLM Top 10 and architecture
  'AI-ARC-01', // R18 AI architecture documented: data flows, providers, retrieval, agent permissions
  'AI-POL-01', // R19 AI acceptable use policy
  'AI-POL-02', // R19 AI model evaluation, incident response and access control policies
  'AI-VND-01', // R20 Third-party AI providers assessed like any vendor
  'AI-VND-02', // R20 MCP servers and plugins vetted before use (supply chain)
  'AI-DGV-01', // R21 Data used by AI classified; labels propagate to derived data
  'AI-RES-01', // LLM10 Rate, token and cost limits on AI usage
  'AI-RUN-01', // R1/R3 Local model runtimes not exposed without authentication
  'AI-RDY-01', // R22 Readiness assessed periodically with a prioritized fix-list
  'AI-EVD-01', // R23 Evidence package with hashes for the audit period
] as const;

export type ControlId = (typeof CONTROL_IDS)[number];

export function isControlId(value: string): value is ControlId {
  return (CONTROL_IDS as readonly string[]).includes(value);
}
