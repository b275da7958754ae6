/**
 * The assess report: the one model every renderer (terminal, HTML, Markdown, JSON) reads.
 * Its JSON form is published as schemas/assess-report.schema.json; bump `schemaVersion`
 * on any incompatible change.
 */
import type { ControlId } from '../catalog/control-ids.js';
import type { FrameworkKey } from '../catalog/frameworks.js';
import type { RequirementId, Severity } from '../catalog/control.js';
import type { Confidence, ControlStatus, EvidenceRef } from './evidence.js';
import type { FrameworkScore } from './framework-scores.js';
import type { Effort } from './remediations.js';
import type { Grade } from './scoring.js';

export interface AssessedControl {
  readonly id: ControlId;
  readonly title: string;
  readonly severity: Severity;
  readonly requirements: readonly RequirementId[];
  readonly status: ControlStatus;
  readonly confidence?: Confidence;
  readonly decidedBy?: string;
  readonly reason: string;
  readonly conflicts: readonly string[];
  readonly evidence: readonly EvidenceRef[];
  /** severity weight × likelihood. */
  readonly weight: number;
  readonly likelihood: number;
  readonly likelihoodBecause?: string;
  /** 0–1: status credit × confidence factor. */
  readonly credit: number;
  readonly mappings: Readonly<Partial<Record<FrameworkKey, readonly string[]>>>;
}

export interface FixItem {
  readonly rank: number;
  readonly controlId: ControlId;
  readonly title: string;
  readonly status: ControlStatus;
  readonly severity: Severity;
  /** What to do, concretely. */
  readonly action: string;
  /** The Attest feature that does it, where there is one. */
  readonly feature?: string;
  readonly effort: Effort;
  /** Points of overall score gained when the control is fully met. */
  readonly scoreGain: number;
  /** scoreGain per unit of effort: the sort key. */
  readonly priority: number;
  /** The findings (file:line) or answers that triggered the item. */
  readonly triggers: readonly EvidenceRef[];
  /** Every framework id the control satisfies. */
  readonly frameworks: Readonly<Partial<Record<FrameworkKey, readonly string[]>>>;
}

export interface SourceSummary {
  readonly kind: string;
  readonly confidence: Confidence;
  readonly description: string;
}

export interface InventorySummary {
  readonly scanned: boolean;
  readonly files: number;
  readonly components: Readonly<Record<string, number>>;
  readonly findings: Readonly<Record<string, number>>;
  /** Facts the applicability and likelihood rules used. */
  readonly traits: readonly string[];
}

export interface ControlChange {
  readonly id: ControlId;
  readonly title: string;
  readonly from: ControlStatus;
  readonly to: ControlStatus;
}

export interface ScoreDelta {
  readonly key: string;
  readonly name: string;
  readonly from: number | null;
  readonly to: number | null;
  readonly delta: number | null;
}

export interface ReportDiff {
  readonly previousGeneratedAt: string;
  readonly overall: ScoreDelta;
  readonly grade: { readonly from: Grade; readonly to: Grade };
  readonly frameworks: readonly ScoreDelta[];
  readonly improved: readonly ControlChange[];
  readonly regressed: readonly ControlChange[];
}

export interface AssessReport {
  readonly schemaVersion: 1;
  readonly kind: 'attest-assess-report';
  readonly tool: { readonly name: 'attest'; readonly version: string };
  readonly generatedAt: string;
  readonly subject: { readonly name: string; readonly roots: readonly string[]; readonly answersFile?: string };
  readonly sources: readonly SourceSummary[];
  readonly inventory: InventorySummary;
  readonly overall: {
    readonly score: number | null;
    readonly grade: Grade;
    readonly gradeCapped: boolean;
    readonly counts: Readonly<Record<ControlStatus, number>>;
  };
  readonly frameworks: readonly FrameworkScore[];
  readonly controls: readonly AssessedControl[];
  readonly fixList: readonly FixItem[];
  readonly diff?: ReportDiff;
}
