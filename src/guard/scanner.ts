import type { Detection, DetectorName, GuardAction, GuardStage } from './detection.js';
import { ACTION_RANK } from './detection.js';
import {
  canaryDetector,
  exfiltrationDetector,
  injectionDetector,
  payloadDetector,
  piiDetector,
  promptIntegrityDetector,
  schemaDetector,
  secretsDetector,
  toolAllowlistDetector,
  urlAllowlistDetector,
  type InjectionFn,
} from './guard-detectors.js';
import type { CanaryInstruction } from './integrity/canary-instruction.js';
import { resolveDetector, resolveLists, type GuardConfig, type ResolvedDetector } from './policy/guard-policy.js';
import { CanaryMatcher, type CanarySpec } from './sensitive/canary-matcher.js';
import { redact } from './sensitive/redact.js';
import type { JsonSchema } from './validate/json-schema-validator.js';
import { compileDomainAllowList, type DomainAllowList } from './validate/url-allowlist.js';

/** What to scan. */
export interface ScanInput {
  readonly text: string;
  readonly stage: GuardStage;
  /** Route name (e.g. the gateway route or app endpoint) for per-route policy. */
  readonly route?: string;
}

/** Per-call context. Everything is optional: `scan({ text, stage })` runs the built-in defaults. */
export interface ScanOptions {
  /** The `guard:` section of attest.yaml (parsed with `parseGuardConfig`). */
  readonly policy?: GuardConfig;
  /** Extra canaries on top of the policy's (e.g. per-tenant document signatures). */
  readonly canaries?: readonly (string | CanarySpec)[];
  /** JSON Schema the output must match (runs the `schema` detector). */
  readonly schema?: JsonSchema;
  /** Extra allow-list entries on top of the policy's (an unparsable domain throws TypeError: validate config first). */
  readonly allow?: { readonly domains?: readonly string[]; readonly tools?: readonly string[] };
  /** Tool names the model asked to call in this output (runs the `tool-allowlist` detector). */
  readonly toolCalls?: readonly string[];
  /** The canary instruction planted in this request's untrusted content (runs `prompt-integrity`). */
  readonly integrityCanary?: CanaryInstruction | string;
}

/** The outcome of one scan. */
export interface Verdict {
  /** The strongest action over all detections (`allow` when none). */
  readonly action: GuardAction;
  /** True when some detection's action is not `allow`. */
  readonly flagged: boolean;
  /** Highest detection score, or the injection score when injection ran and nothing scored higher (0..1). */
  readonly score: number;
  /** Distinct detection categories, in order of first appearance. */
  readonly categories: readonly string[];
  readonly detections: readonly Detection[];
  /** The text with every redact/block span replaced by `[REDACTED:<type>]`, when any. */
  readonly redactedText?: string;
}

const RANK = ACTION_RANK;

interface Compiled {
  readonly matcher: CanaryMatcher;
  readonly domains: DomainAllowList | undefined;
  readonly tools: readonly string[] | undefined;
}

const EMPTY_CONFIG: GuardConfig = {};

/** Append without spreading (a spread of 100k+ items overflows the stack). */
function append<T>(into: T[], items: readonly T[]): void {
  for (const x of items) into.push(x);
}
const compiledCache = new WeakMap<GuardConfig, Map<string, Compiled>>();

/** Canary automaton and allow-lists per (policy, route), built once and reused across calls. */
function compileLists(policy: GuardConfig, route: string | undefined): Compiled {
  let perRoute = compiledCache.get(policy);
  if (!perRoute) compiledCache.set(policy, (perRoute = new Map()));
  const key = route ?? '';
  let c = perRoute.get(key);
  if (!c) {
    const lists = resolveLists(policy, route);
    c = {
      matcher: new CanaryMatcher(lists.canaries),
      domains: lists.domains ? compileDomainAllowList(lists.domains) : undefined,
      tools: lists.tools,
    };
    perRoute.set(key, c);
  }
  return c;
}

/**
 * Build a `scan()` around an injection model. `src/guard/scan.ts` wires the built-in model;
 * tests and other hosts can pass their own.
 */
export function createScanner(injection: InjectionFn): (input: ScanInput, options?: ScanOptions) => Verdict {
  return function scan(input, options = {}) {
    const { text, stage, route } = input;
    const policy = options.policy ?? EMPTY_CONFIG;
    const lists = compileLists(policy, route);
    const detections: Detection[] = [];
    const cfg = (name: DetectorName): ResolvedDetector | undefined => resolveDetector(policy, name, stage, route);
    let injectionScore = 0;

    const inj = cfg('injection');
    if (inj) {
      const source = stage === 'input' ? 'direct' : 'indirect';
      const o = { fn: injection, source, onScore: (s: number) => (injectionScore = s), ...(inj.threshold !== undefined ? { threshold: inj.threshold } : {}) } as const;
      append(detections, injectionDetector.detect(text, o, inj.action));
    }
    const sec = cfg('secrets');
    if (sec) append(detections, secretsDetector.detect(text, {}, sec.action));
    const pii = cfg('pii');
    if (pii) append(detections, piiDetector.detect(text, { ...(pii.types ? { types: pii.types } : {}), ...(pii.ip ? { ip: pii.ip } : {}) }, pii.action));
    const can = cfg('canary');
    if (can) {
      const matcher = options.canaries?.length ? new CanaryMatcher([...lists.matcher.specs, ...options.canaries]) : lists.matcher;
      append(detections, canaryDetector.detect(text, { matcher }, can.action));
    }
    const integ = cfg('prompt-integrity');
    if (integ && options.integrityCanary !== undefined) append(detections, promptIntegrityDetector.detect(text, { canary: options.integrityCanary }, integ.action));
    const sch = cfg('schema');
    if (sch && options.schema) append(detections, schemaDetector.detect(text, { schema: options.schema }, sch.action));

    const domains = options.allow?.domains?.length
      ? compileDomainAllowList([...(resolveLists(policy, route).domains ?? []), ...options.allow.domains])
      : lists.domains;
    const url = cfg('url-allowlist');
    if (url && domains) append(detections, urlAllowlistDetector.detect(text, { allow: domains }, url.action));
    const tools = options.allow?.tools ? [...(lists.tools ?? []), ...options.allow.tools] : lists.tools;
    const tool = cfg('tool-allowlist');
    if (tool && tools && options.toolCalls?.length) append(detections, toolAllowlistDetector.detect(text, { tools, calls: options.toolCalls }, tool.action));
    const exf = cfg('exfiltration');
    if (exf) append(detections, exfiltrationDetector.detect(text, { allow: domains }, exf.action));
    const pay = cfg('payload');
    if (pay && (pay.targets?.length ?? 0) > 0) append(detections, payloadDetector.detect(text, { targets: pay.targets ?? [] }, pay.action));

    return verdictOf(text, detections, injectionScore);
  };
}

/** Fold detections into a verdict: strongest action, score, categories and the redacted text. */
export function verdictOf(text: string, detections: readonly Detection[], baseScore = 0): Verdict {
  let action: GuardAction = 'allow';
  let score = baseScore;
  const categories: string[] = [];
  const seen = new Set<string>();
  const spans: { start: number; end: number; type: string }[] = [];
  for (const d of detections) {
    if (RANK[d.action] > RANK[action]) action = d.action;
    if (d.action !== 'allow' && d.score > score) score = d.score;
    if (!seen.has(d.category)) {
      seen.add(d.category);
      categories.push(d.category);
    }
    if (RANK[d.action] >= RANK.redact) for (const s of d.spans) spans.push({ ...s, type: d.category });
  }
  const flagged = detections.some((d) => d.action !== 'allow');
  const verdict: Verdict = { action, flagged, score: Math.min(1, Math.max(0, score)), categories, detections };
  return spans.length > 0 ? { ...verdict, redactedText: redact(text, spans) } : verdict;
}
