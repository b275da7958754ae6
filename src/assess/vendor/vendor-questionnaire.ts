/**
 * The third-party AI vendor questionnaire (R20). Vendor questions are not controls: each
 * one evidences AI-VND-01 (model and data providers) or AI-VND-02 (MCP servers and
 * plugins) and names the framework ids it supports. Choices are listed best first
 * (see answer-credit.ts).
 */
import type { Severity } from '../../catalog/control.js';
import type { FrameworkKey } from '../../catalog/frameworks.js';

export const VENDOR_KINDS = ['model-provider', 'data-provider', 'mcp-server', 'plugin'] as const;
export type VendorKind = (typeof VENDOR_KINDS)[number];

export interface VendorQuestion {
  readonly key: string;
  readonly text: string;
  readonly type: 'boolean' | 'choice';
  readonly choices?: readonly string[];
  readonly kinds: readonly VendorKind[];
  readonly controlId: 'AI-VND-01' | 'AI-VND-02';
  readonly severity: Severity;
  readonly frameworks: Readonly<Partial<Record<FrameworkKey, readonly string[]>>>;
  /** What to do when the answer is not the safe one. */
  readonly fix: string;
}

const ALL = VENDOR_KINDS;
const PROVIDERS: readonly VendorKind[] = ['model-provider', 'data-provider'];
const EXTENSIONS: readonly VendorKind[] = ['mcp-server', 'plugin'];

export const VENDOR_QUESTIONS: readonly VendorQuestion[] = [
  {
    key: 'soc2_report', text: 'Which independent assurance report does the vendor provide?', type: 'choice',
    choices: ['soc2-type2', 'soc2-type1', 'iso27001', 'none'], kinds: PROVIDERS, controlId: 'AI-VND-01', severity: 'high',
    frameworks: { soc2: ['CC9.2'], 'iso-42001': ['A.10.3'], 'nist-ai-rmf': ['GOVERN 6.1'] },
    fix: 'Obtain the vendor\'s current SOC 2 Type II report and review its exceptions and CUECs',
  },
  {
    key: 'no_training_on_customer_data', text: 'Does the contract exclude your data (prompts, outputs, files) from training the vendor\'s models?', type: 'boolean',
    kinds: PROVIDERS, controlId: 'AI-VND-01', severity: 'critical',
    frameworks: { soc2: ['CC9.2', 'C1.1'], 'owasp-llm-2025': ['LLM02'], 'nist-ai-600-1': ['2.4'], 'iso-42001': ['A.10.3', 'A.7.3'] },
    fix: 'Opt out of training on your data in writing (enterprise terms or zero-data-retention agreement)',
  },
  {
    key: 'data_retention_days', text: 'How long does the vendor retain your prompts, outputs and files (days)?', type: 'choice',
    choices: ['0', '30', '90', '365', 'unlimited'], kinds: ALL, controlId: 'AI-VND-01', severity: 'high',
    frameworks: { soc2: ['C1.2', 'CC9.2'], 'nist-ai-600-1': ['2.4'], 'iso-42001': ['A.10.3'] },
    fix: 'Negotiate a retention limit of 30 days or less (zero retention where offered)',
  },
  {
    key: 'dpa_signed', text: 'Is a data processing agreement (DPA) signed with the vendor?', type: 'boolean',
    kinds: PROVIDERS, controlId: 'AI-VND-01', severity: 'high',
    frameworks: { soc2: ['CC9.2', 'C1.1'], 'iso-42001': ['A.10.2'], 'nist-ai-rmf': ['GOVERN 6.1'] },
    fix: 'Sign the vendor\'s data processing agreement',
  },
  {
    key: 'subprocessors_disclosed', text: 'Does the vendor publish its sub-processors and notify you of changes?', type: 'boolean',
    kinds: PROVIDERS, controlId: 'AI-VND-01', severity: 'medium',
    frameworks: { soc2: ['CC9.2'], 'nist-ai-600-1': ['2.12'], 'iso-42001': ['A.10.3'] },
    fix: 'Get the sub-processor list and subscribe to change notifications',
  },
  {
    key: 'data_region_approved', text: 'Is your data processed and stored only in regions you approved?', type: 'boolean',
    kinds: PROVIDERS, controlId: 'AI-VND-01', severity: 'medium',
    frameworks: { soc2: ['CC9.2', 'C1.1'], 'iso-42001': ['A.10.3'] },
    fix: 'Pin processing to an approved region (regional endpoint or data residency option)',
  },
  {
    key: 'incident_notification_hours', text: 'Within how many hours does the vendor commit to notify you of a security incident?', type: 'choice',
    choices: ['24', '48', '72', 'none'], kinds: ALL, controlId: 'AI-VND-01', severity: 'medium',
    frameworks: { soc2: ['CC9.2', 'CC7.4'], 'nist-ai-rmf': ['GOVERN 6.2'], 'iso-42001': ['A.10.2'] },
    fix: 'Add a contractual security-incident notification window of 48 hours or less',
  },
  {
    key: 'security_review_current', text: 'Has the vendor been security-reviewed in the last 12 months?', type: 'boolean',
    kinds: ALL, controlId: 'AI-VND-01', severity: 'medium',
    frameworks: { soc2: ['CC9.2'], 'nist-ai-rmf': ['GOVERN 6.1'], 'iso-42001': ['A.10.3'] },
    fix: 'Run the yearly vendor security review (`attest vendor`) and record the result',
  },
  {
    key: 'mcp_auth_required', text: 'Does the server or plugin require authentication (OAuth or scoped tokens, not a shared static key)?', type: 'boolean',
    kinds: EXTENSIONS, controlId: 'AI-VND-02', severity: 'high',
    frameworks: { soc2: ['CC6.1', 'CC9.2'], 'owasp-agentic': ['ASI03', 'ASI04'], 'iso-42001': ['A.10.3'] },
    fix: 'Require OAuth or scoped tokens for the server and route it through the Attest MCP proxy',
  },
  {
    key: 'least_privilege_tools', text: 'Are the server\'s tools limited to what you need (read-only where possible)?', type: 'boolean',
    kinds: EXTENSIONS, controlId: 'AI-VND-02', severity: 'high',
    frameworks: { soc2: ['CC6.3'], 'owasp-llm-2025': ['LLM06'], 'owasp-agentic': ['ASI02'], 'mitre-atlas': ['AML.M0028'] },
    fix: 'Allow-list only the tools you need in the Attest MCP proxy policy',
  },
  {
    key: 'version_pinned_verified', text: 'Is the server or plugin pinned to a version whose publisher or source you verified?', type: 'boolean',
    kinds: EXTENSIONS, controlId: 'AI-VND-02', severity: 'high',
    frameworks: { soc2: ['CC8.1', 'CC9.2'], 'owasp-llm-2025': ['LLM03'], 'owasp-agentic': ['ASI04'], 'mitre-atlas': ['AML.M0014'] },
    fix: 'Pin the server to a reviewed version from a verified publisher',
  },
];

/** The questions that apply to one kind of vendor. */
export function questionsFor(kind: VendorKind): VendorQuestion[] {
  return VENDOR_QUESTIONS.filter((q) => q.kinds.includes(kind));
}
