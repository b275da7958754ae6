import type { ControlId } from '../catalog/control-ids.js';
import { defineDetector, type Finding } from './detection.js';
import type { CanaryInstruction } from './integrity/canary-instruction.js';
import { checkOutputFollowedUntrusted } from './integrity/canary-instruction.js';
import type { CanaryMatcher } from './sensitive/canary-matcher.js';
import { findCredentials } from './sensitive/credential-rules.js';
import type { IpMode } from './sensitive/pii-rules.js';
import type { SensitiveMatch } from './sensitive/sensitive-match.js';
import { findSensitive } from './sensitive/sensitive-scanner.js';
import { findExfiltration } from './validate/exfiltration-finder.js';
import { validateStructuredOutput, type JsonSchema } from './validate/json-schema-validator.js';
import { extractLinks } from './validate/link-extractor.js';
import { findPayloads, type PayloadTarget } from './validate/payload-rules.js';
import { checkUrl, toolAllowed, type DomainAllowList } from './validate/url-allowlist.js';

/** The injection model's contract (src/guard/injection), so the scanner can take any implementation. */
export type InjectionFn = (
  text: string,
  options?: { source?: 'direct' | 'indirect'; threshold?: number },
) => {
  score: number;
  flagged: boolean;
  categories: readonly string[];
  spans: readonly { start: number; end: number; category: string; rule: string }[];
};

const KIND_WORD: Record<SensitiveMatch['kind'], string> = { credential: 'credential', pii: 'personal data', canary: 'registered canary' };

function fromSensitive(matches: readonly SensitiveMatch[]): Finding[] {
  return matches.map((m) => ({
    category: m.type,
    score: m.confidence,
    spans: [{ start: m.start, end: m.end }],
    // Type and position only: the value itself never goes into a message.
    message: `${KIND_WORD[m.kind]} (${m.type}) at ${m.start}-${m.end}`,
    controlId: m.controlId,
  }));
}

/** Injection detector options; `onScore` hands the model's score back so unflagged texts still carry one. */
export interface InjectionOptions {
  readonly fn: InjectionFn;
  readonly source: 'direct' | 'indirect';
  readonly threshold?: number;
  readonly onScore?: (score: number) => void;
}

export const injectionDetector = defineDetector<InjectionOptions>({
  name: 'injection',
  controlId: 'AI-INJ-01',
  run(text, o) {
    const r = o.fn(text, { source: o.source, ...(o.threshold !== undefined ? { threshold: o.threshold } : {}) });
    o.onScore?.(r.score);
    if (!r.flagged) return [];
    const controlId: ControlId = o.source === 'direct' ? 'AI-INJ-01' : 'AI-INJ-02';
    const categories = r.categories.length > 0 ? r.categories : ['other'];
    return categories.map((category) => ({
      category,
      score: r.score,
      spans: r.spans.filter((s) => s.category === category).map(({ start, end }) => ({ start, end })),
      message: `${o.source} prompt injection (${category}), score ${r.score.toFixed(2)}`,
      controlId,
    }));
  },
});

export const secretsDetector = defineDetector<Record<string, never>>({
  name: 'secrets',
  controlId: 'AI-OUT-01',
  run: (text) => fromSensitive(findCredentials(text)),
});

export const piiDetector = defineDetector<{ types?: readonly string[]; ip?: IpMode }>({
  name: 'pii',
  controlId: 'AI-OUT-01',
  run: (text, o) =>
    fromSensitive(findSensitive(text, { credentials: false, ...(o.types ? { piiTypes: o.types } : {}), ...(o.ip ? { ip: o.ip } : {}) })),
});

export const canaryDetector = defineDetector<{ matcher: CanaryMatcher }>({
  name: 'canary',
  controlId: 'AI-OUT-02',
  run: (text, o) => fromSensitive(o.matcher.find(text)),
});

export const promptIntegrityDetector = defineDetector<{ canary: CanaryInstruction | string }>({
  name: 'prompt-integrity',
  controlId: 'AI-PRM-01',
  run(text, o) {
    const r = checkOutputFollowedUntrusted(text, o.canary);
    return r.followed
      ? [{ category: 'followed_untrusted_instruction', score: 1, spans: r.spans, message: 'output followed an instruction found only in untrusted content (canary token present)' }]
      : [];
  },
});

export const schemaDetector = defineDetector<{ schema: JsonSchema }>({
  name: 'schema',
  controlId: 'AI-VAL-01',
  run(text, o) {
    const r = validateStructuredOutput(text, o.schema);
    if (r.ok) return [];
    const detail = r.issues.slice(0, 5).map((i) => `${i.path || '/'}: ${i.message}`).join('; ');
    const category = r.issues[0]?.path === '(parse)' ? 'schema_not_json' : 'schema_violation';
    return [{ category, score: 1, spans: [], message: `output does not match the schema: ${detail}` }];
  },
});

export const urlAllowlistDetector = defineDetector<{ allow: DomainAllowList }>({
  name: 'url-allowlist',
  controlId: 'AI-VAL-01',
  run(text, o) {
    const findings: Finding[] = [];
    for (const link of extractLinks(text)) {
      if (!/^https?:\/\//i.test(link.url)) continue;
      const c = checkUrl(link.url, o.allow);
      if (c.ok) continue;
      const category = c.reason === 'userinfo' ? 'url_userinfo' : 'url_not_allowed';
      const host = c.host !== undefined ? ` (${c.host})` : '';
      findings.push({ category, score: c.reason === 'userinfo' ? 0.95 : 0.8, spans: [link.span], message: `URL not on the allow-list${host}: ${c.reason}` });
    }
    return findings;
  },
});

export const toolAllowlistDetector = defineDetector<{ tools: readonly string[]; calls: readonly string[] }>({
  name: 'tool-allowlist',
  controlId: 'AI-VAL-01',
  run: (_text, o) =>
    o.calls
      .filter((name) => !toolAllowed(name, o.tools))
      .map((name) => ({ category: 'tool_not_allowed', score: 1, spans: [], message: `tool "${name.slice(0, 80)}" is not on the allow-list` })),
});

export const exfiltrationDetector = defineDetector<{ allow: DomainAllowList | undefined }>({
  name: 'exfiltration',
  controlId: 'AI-VAL-02',
  run: (text, o) => findExfiltration(text, o.allow),
});

export const payloadDetector = defineDetector<{ targets: readonly PayloadTarget[] }>({
  name: 'payload',
  controlId: 'AI-VAL-02',
  run: (text, o) => findPayloads(text, o.targets),
});
