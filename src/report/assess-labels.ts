/** Short names and display helpers shared by the assess renderers (terminal, HTML, Markdown). */
import type { ControlStatus, EvidenceRef } from '../assess/evidence.js';
import type { FrameworkKey } from '../catalog/frameworks.js';

export const FRAMEWORK_SHORT: Readonly<Record<FrameworkKey, string>> = {
  soc2: 'SOC 2 TSC',
  'owasp-llm-2025': 'OWASP LLM Top 10 2025',
  'owasp-llm-2026': 'OWASP LLM Top 10 2026',
  'owasp-agentic': 'OWASP Agentic Top 10',
  'nist-ai-rmf': 'NIST AI RMF',
  'nist-ai-600-1': 'NIST AI 600-1',
  'iso-42001': 'ISO/IEC 42001',
  'mitre-atlas': 'MITRE ATLAS',
};

export const STATUS_LABEL: Readonly<Record<ControlStatus, string>> = {
  met: 'met',
  partial: 'partial',
  'not-met': 'not met',
  'not-applicable': 'n/a',
  unknown: 'unknown',
};

/** `82.5` or `–` for no score. */
export function fmtScore(s: number | null): string {
  return s === null ? '–' : s.toFixed(1);
}

/** `+4.2` / `-1.0` / `±0.0`. */
export function fmtDelta(d: number | null): string {
  if (d === null) return '–';
  return d > 0 ? `+${d.toFixed(1)}` : d < 0 ? d.toFixed(1) : '±0.0';
}

/** One line for a piece of evidence (never holds a secret: sources redact). */
export function describeEvidence(e: EvidenceRef): string {
  switch (e.kind) {
    case 'finding':
      return `${e.line !== undefined ? `${e.path}:${e.line}` : e.path} ${e.rule}: ${e.message}`;
    case 'component':
      return `${e.line !== undefined ? `${e.path}:${e.line}` : e.path} ${e.type} ${e.name}`;
    case 'answer':
      return `answer ${e.key}: ${String(e.value)}`;
    case 'missing-answer':
      return `unanswered: ${e.key}`;
    case 'vendor':
      return e.grade ? `vendor ${e.name} (${e.vendorKind}) reviewed: grade ${e.grade}` : `vendor ${e.name} (${e.vendorKind}) not reviewed${e.seenAt ? `, seen at ${e.seenAt}` : ''}`;
    case 'scan':
      return e.note;
  }
}

/** Every framework id a control satisfies, as `KEY: id, id` strings in display order. */
export function frameworkIdList(mappings: Readonly<Partial<Record<FrameworkKey, readonly string[]>>>): string[] {
  return (Object.keys(FRAMEWORK_SHORT) as FrameworkKey[])
    .filter((k) => (mappings[k]?.length ?? 0) > 0)
    .map((k) => `${FRAMEWORK_SHORT[k]}: ${(mappings[k] ?? []).join(', ')}`);
}
