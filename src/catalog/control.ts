import type { FrameworkKey } from './frameworks.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Kinds of evidence that can verify a control. */
export type EvidenceKind = 'scan-finding' | 'runtime-config' | 'audit-log' | 'test-result' | 'questionnaire';

/** Requirement numbers from shared/requirements.md (R1–R23). */
export type RequirementId = `R${number}`;

export interface Control {
  /** Stable id, e.g. `AI-KEY-01`. Never renumber. */
  readonly id: string;
  readonly title: string;
  readonly objective: string;
  readonly requirements: readonly RequirementId[];
  readonly severity: Severity;
  readonly evidence: readonly EvidenceKind[];
  /** Framework key -> item ids in that framework. Every id must exist in the framework data. */
  readonly mappings: Partial<Record<FrameworkKey, readonly string[]>>;
  /** Questionnaire questions this control is assessed by (generated into `attest init`). */
  readonly questions?: readonly ControlQuestion[];
}

export interface ControlQuestion {
  /** Stable key used in attest.yaml, e.g. `training_data_agreements`. */
  readonly key: string;
  readonly text: string;
  readonly type: 'boolean' | 'choice' | 'text';
  readonly choices?: readonly string[];
}
