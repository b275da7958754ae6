import type { ControlId } from '../../catalog/control-ids.js';

/** What kind of sensitive data a match is; decides the detector and the control it evidences. */
export type SensitiveKind = 'credential' | 'pii' | 'canary';

/** One sensitive value found in text. Holds offsets only, never the value itself. */
export interface SensitiveMatch {
  /** e.g. `openai_key`, `private_key`, `email`, `credit_card`, `canary_token`. */
  readonly type: string;
  readonly kind: SensitiveKind;
  readonly start: number;
  readonly end: number;
  /** 0..1 */
  readonly confidence: number;
  /** AI-OUT-01 for credentials and PII, AI-OUT-02 for canaries and document signatures. */
  readonly controlId: ControlId;
}

/**
 * A regex-based rule. Every pattern must be linear-time: a literal or tight character class to
 * start, bounded repetitions only, no ambiguous alternation under a quantifier.
 */
export interface PatternRule {
  readonly type: string;
  readonly kind: SensitiveKind;
  readonly confidence: number;
  /** Global (and, when `group` is set, `d`) flagged pattern. */
  readonly pattern: RegExp;
  /** Report this capture group's span instead of the whole match. */
  readonly group?: number;
  /** Cheap pre-check: skip the rule unless the text contains one of these (case-sensitive) substrings. */
  readonly hints?: readonly string[];
  /** Structural check; return false to drop, or a confidence to override. */
  validate?(m: RegExpExecArray, text: string): boolean | number;
}

/**
 * Upper bound on matches collected per call: a verdict needs evidence, not a million spans, and the
 * cap keeps adversarial inputs (`a@b.io ` × 100k) from turning into allocation storms.
 */
export const MAX_MATCHES = 10_000;

/** Run one pattern rule over text, appending matches (stops at MAX_MATCHES). */
export function runPatternRule(rule: PatternRule, text: string, out: SensitiveMatch[], controlId: ControlId = 'AI-OUT-01'): void {
  if (rule.hints && !rule.hints.some((h) => text.includes(h))) return;
  const re = rule.pattern;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && out.length < MAX_MATCHES; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const verdict = rule.validate ? rule.validate(m, text) : true;
    if (verdict === false) continue;
    const confidence = typeof verdict === 'number' ? verdict : rule.confidence;
    const span = rule.group !== undefined ? m.indices?.[rule.group] : undefined;
    const [start, end] = span ?? [m.index, m.index + m[0].length];
    out.push({ type: rule.type, kind: rule.kind, start, end, confidence, controlId });
  }
}
