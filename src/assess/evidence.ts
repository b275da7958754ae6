/**
 * The evidence model of `attest assess`: what a source of evidence says about a control,
 * and how sure it is. Sources are plugged in through `EvidenceSource`, so later kinds
 * (gateway and MCP proxy configuration, audit-log statistics, red-team results, policy
 * documents) add a source without touching the scoring.
 */
import type { ControlId } from '../catalog/control-ids.js';
import type { Severity } from '../catalog/control.js';
import type { InventoryProfile } from './inventory-profile.js';

/** How the evidence was obtained. Observed by Attest beats configured beats self-attested. */
export type Confidence = 'observed' | 'configured' | 'self-attested';
export const CONFIDENCES: readonly Confidence[] = ['observed', 'configured', 'self-attested'];

/** Higher is stronger. */
export const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { observed: 3, configured: 2, 'self-attested': 1 };

export type ControlStatus = 'met' | 'partial' | 'not-met' | 'not-applicable' | 'unknown';
export const CONTROL_STATUSES: readonly ControlStatus[] = ['met', 'partial', 'not-met', 'not-applicable', 'unknown'];

/** A status a source can assert (unknown is the absence of evidence; N/A is derived). */
export type VerdictStatus = 'met' | 'partial' | 'not-met';

/** One piece of evidence, cited in reports and the fix-list. Never holds a secret. */
export type EvidenceRef =
  | {
      readonly kind: 'finding';
      readonly rule: string;
      readonly findingId: string;
      readonly severity: Severity;
      readonly message: string;
      readonly path: string;
      readonly line?: number;
    }
  | {
      readonly kind: 'component';
      readonly ref: string;
      readonly type: string;
      readonly name: string;
      readonly path: string;
      readonly line?: number;
    }
  | { readonly kind: 'answer'; readonly key: string; readonly value: string | boolean }
  | { readonly kind: 'missing-answer'; readonly key: string }
  | {
      readonly kind: 'vendor';
      readonly name: string;
      readonly vendorKind: string;
      /** Vendor grade from `attest vendor`, absent when the vendor has not been reviewed. */
      readonly grade?: string;
      readonly seenAt?: string;
    }
  | { readonly kind: 'scan'; readonly note: string };

/** What one source says about one control. */
export interface ControlVerdict {
  readonly controlId: ControlId;
  readonly status: VerdictStatus;
  readonly confidence: Confidence;
  /** The source's `kind`. */
  readonly source: string;
  /** One sentence explaining the verdict. */
  readonly reason: string;
  readonly evidence: readonly EvidenceRef[];
}

/** Evidence that does not decide a status but is cited (e.g. a fine-tuning call site). */
export interface ControlContext {
  readonly controlId: ControlId;
  readonly source: string;
  readonly evidence: readonly EvidenceRef[];
}

export interface EvidenceOutput {
  readonly verdicts: readonly ControlVerdict[];
  readonly context?: readonly ControlContext[];
}

/**
 * A source of evidence about controls.
 * @example
 * const source: EvidenceSource = { kind: 'answers', confidence: 'self-attested', description: 'attest.yaml', collect: () => ({ verdicts: [] }) };
 */
export interface EvidenceSource {
  /** Stable kind: `discover`, `answers`, later `gateway-config`, `audit-stats`, `redteam`, `policy-docs`. */
  readonly kind: string;
  readonly confidence: Confidence;
  /** Human-readable: what was read (`discover of ./src`, `attest.yaml`). */
  readonly description: string;
  collect(profile: InventoryProfile): EvidenceOutput;
}
