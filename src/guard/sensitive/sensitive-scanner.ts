import { CanaryMatcher, type CanarySpec } from './canary-matcher.js';
import { findCredentials } from './credential-rules.js';
import { findEmails } from './email-scanner.js';
import { findIpv6 } from './ipv6-scanner.js';
import { piiRules, type IpMode } from './pii-rules.js';
import type { PatternRule, SensitiveMatch } from './sensitive-match.js';
import { runPatternRule } from './sensitive-match.js';

export interface SensitiveOptions {
  /** Which PII types to report (default: all). */
  readonly piiTypes?: readonly string[];
  /** IP addresses: `off`, `public` only, or `all` non-trivial (default `all`). */
  readonly ip?: IpMode;
  /** Skip credentials / PII entirely. */
  readonly credentials?: boolean;
  readonly pii?: boolean;
  /** Registered canaries; pass a prebuilt `CanaryMatcher` to reuse it across calls. */
  readonly canaries?: CanaryMatcher | readonly (string | CanarySpec)[];
}

const RULES_BY_IP: Record<IpMode, PatternRule[]> = { off: piiRules('off'), public: piiRules('public'), all: piiRules('all') };

/**
 * Sort by position and drop duplicates and matches wholly inside an at-least-as-confident match
 * of the same kind (linear after the sort: compares only with the furthest-reaching kept match).
 */
function tidy(matches: SensitiveMatch[]): SensitiveMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end || b.confidence - a.confidence);
  const kept: SensitiveMatch[] = [];
  const reach = new Map<string, SensitiveMatch>();
  for (const m of matches) {
    const r = reach.get(m.kind);
    if (r && r.end >= m.end && r.confidence >= m.confidence) continue;
    kept.push(m);
    if (!r || m.end > r.end) reach.set(m.kind, m);
  }
  return kept;
}

/** Credentials and PII (AI-OUT-01) in text. */
export function findSensitive(text: string, options: SensitiveOptions = {}): SensitiveMatch[] {
  const out: SensitiveMatch[] = [];
  if (options.credentials !== false) findCredentials(text, out);
  if (options.pii !== false) {
    const types = options.piiTypes ? new Set(options.piiTypes) : undefined;
    if (!types || types.has('email')) findEmails(text, out);
    if (!types || types.has('ipv6')) findIpv6(text, out, options.ip ?? 'all');
    for (const rule of RULES_BY_IP[options.ip ?? 'all']) {
      if (!types || types.has(rule.type)) runPatternRule(rule, text, out);
    }
  }
  if (options.canaries) {
    const matcher = options.canaries instanceof CanaryMatcher ? options.canaries : new CanaryMatcher(options.canaries);
    matcher.find(text, out);
  }
  return tidy(out);
}
