/**
 * `attest vendor`: the assess machinery over the vendor questionnaire. Each vendor gets a
 * score, a grade and a fix-list; answers are self-attested (docs/scoring.md, "Vendors").
 */
import type { Severity } from '../../catalog/control.js';
import type { FrameworkKey } from '../../catalog/frameworks.js';
import { answerStatus, answerText, type AnswerValue } from '../answer-credit.js';
import type { ControlStatus } from '../evidence.js';
import { credit, grade, score, SEVERITY_WEIGHT, type Grade } from '../scoring.js';
import type { DiscoveredVendor } from './discovered-vendors.js';
import { questionsFor, type VendorKind } from './vendor-questionnaire.js';

/** One vendor as written in attest.yaml `vendors:`. */
export interface VendorEntry {
  readonly name: string;
  readonly kind: VendorKind;
  readonly answers?: Readonly<Record<string, AnswerValue>>;
  readonly notes?: string;
}

export interface VendorQuestionResult {
  readonly key: string;
  readonly text: string;
  readonly controlId: 'AI-VND-01' | 'AI-VND-02';
  readonly severity: Severity;
  readonly status: Exclude<ControlStatus, 'not-applicable'>;
  readonly answer?: string | boolean;
  readonly weight: number;
  readonly credit: number;
  readonly frameworks: Readonly<Partial<Record<FrameworkKey, readonly string[]>>>;
}

export interface VendorFixItem {
  readonly rank: number;
  readonly key: string;
  readonly controlId: 'AI-VND-01' | 'AI-VND-02';
  readonly action: string;
  readonly scoreGain: number;
  readonly frameworks: Readonly<Partial<Record<FrameworkKey, readonly string[]>>>;
}

export interface VendorResult {
  readonly name: string;
  readonly kind: VendorKind;
  readonly notes?: string;
  readonly score: number | null;
  readonly grade: Grade;
  readonly answered: number;
  readonly questions: readonly VendorQuestionResult[];
  readonly fixList: readonly VendorFixItem[];
}

export interface VendorReport {
  readonly schemaVersion: 1;
  readonly kind: 'attest-vendor-report';
  readonly tool: { readonly name: 'attest'; readonly version: string };
  readonly generatedAt: string;
  readonly vendors: readonly VendorResult[];
  /** Discovered vendors with no entry in `vendors:` yet. */
  readonly unreviewed: readonly DiscoveredVendor[];
}

/** Assess one vendor. */
export function assessVendor(v: VendorEntry): VendorResult {
  const questions: VendorQuestionResult[] = questionsFor(v.kind).map((q) => {
    const raw = v.answers?.[q.key];
    const s = raw === undefined ? undefined : answerStatus(q, raw);
    const status = s ?? 'unknown';
    return {
      key: q.key,
      text: q.text,
      controlId: q.controlId,
      severity: q.severity,
      status,
      ...(raw !== undefined ? { answer: answerText(raw) } : {}),
      weight: SEVERITY_WEIGHT[q.severity],
      credit: credit(status, s ? 'self-attested' : undefined),
      frameworks: q.frameworks,
    };
  });
  const s = score(questions);
  const total = questions.reduce((a, q) => a + q.weight, 0);
  const fixes = questionsFor(v.kind)
    .map((q, i) => ({ q, r: questions[i] as VendorQuestionResult }))
    .filter(({ r }) => r.status !== 'met')
    .map(({ q, r }) => ({
      key: q.key,
      controlId: q.controlId,
      action: r.status === 'unknown' ? `Ask ${v.name}: ${q.text}` : q.fix,
      scoreGain: Math.round(((100 * r.weight * (1 - r.credit)) / total) * 100) / 100,
      frameworks: q.frameworks,
    }))
    .sort((a, b) => b.scoreGain - a.scoreGain || a.key.localeCompare(b.key))
    .map((f, i) => ({ rank: i + 1, ...f }));
  const criticalFailure = questions.some((q) => q.severity === 'critical' && q.status === 'not-met');
  return {
    name: v.name,
    kind: v.kind,
    ...(v.notes ? { notes: v.notes } : {}),
    score: s,
    grade: grade(s, criticalFailure),
    answered: questions.filter((q) => q.status !== 'unknown').length,
    questions,
    fixList: fixes,
  };
}

const sameVendor = (a: { name: string; kind: VendorKind }, b: { name: string; kind: VendorKind }): boolean =>
  a.kind === b.kind && a.name.toLowerCase() === b.name.toLowerCase();

/** Assess every vendor and list the discovered ones nobody has reviewed yet. */
export function assessVendors(
  entries: readonly VendorEntry[],
  discovered: readonly DiscoveredVendor[],
  meta: { readonly generatedAt: string; readonly toolVersion: string },
): VendorReport {
  return {
    schemaVersion: 1,
    kind: 'attest-vendor-report',
    tool: { name: 'attest', version: meta.toolVersion },
    generatedAt: meta.generatedAt,
    vendors: entries.map(assessVendor),
    unreviewed: discovered.filter((d) => !entries.some((e) => sameVendor(e, d))),
  };
}
