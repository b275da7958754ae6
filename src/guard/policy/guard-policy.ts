import { Ajv, type ErrorObject } from 'ajv';
import type { DetectorName, GuardAction, GuardStage } from '../detection.js';
import { guardConfigSchema } from '../policy-schema.js';
import type { CanarySpec } from '../sensitive/canary-matcher.js';
import type { IpMode } from '../sensitive/pii-rules.js';
import type { PayloadTarget } from '../validate/payload-rules.js';
import { compileDomainAllowList } from '../validate/url-allowlist.js';

/** One detector's settings as written in attest.yaml. */
export interface DetectorConfig {
  readonly enabled?: boolean;
  readonly action?: GuardAction | Partial<Record<GuardStage, GuardAction>>;
  readonly stages?: readonly GuardStage[];
  /** injection */
  readonly threshold?: number;
  /** pii */
  readonly types?: readonly string[];
  readonly ip?: IpMode;
  /** payload */
  readonly targets?: readonly PayloadTarget[];
}

export type DetectorConfigs = Partial<Record<DetectorName, DetectorConfig>>;

export interface AllowConfig {
  readonly domains?: readonly string[];
  readonly tools?: readonly string[];
}

export interface RouteConfig {
  readonly detectors?: DetectorConfigs;
  readonly allow?: AllowConfig;
  readonly canaries?: readonly (string | CanarySpec)[];
}

/** The `guard:` section of attest.yaml. */
export interface GuardConfig {
  readonly detectors?: DetectorConfigs;
  readonly canaries?: readonly (string | CanarySpec)[];
  readonly allow?: AllowConfig;
  readonly routes?: Readonly<Record<string, RouteConfig>>;
}

/** A detector's effective settings for one route and stage. */
export interface ResolvedDetector extends Omit<DetectorConfig, 'action' | 'stages' | 'enabled'> {
  readonly action: GuardAction;
}

/** Built-in defaults: what runs where, and what happens when it fires. */
export const DEFAULT_DETECTORS: Readonly<Record<DetectorName, DetectorConfig>> = {
  injection: { stages: ['input', 'retrieved', 'tool-result', 'output'], action: { input: 'block', retrieved: 'block', 'tool-result': 'block', output: 'alert' } },
  secrets: { stages: ['output', 'tool-result'], action: 'redact' },
  pii: { stages: ['output'], action: 'redact', ip: 'all' },
  canary: { stages: ['output', 'tool-result'], action: 'block' },
  'prompt-integrity': { stages: ['output'], action: 'block' },
  schema: { stages: ['output'], action: 'block' },
  'url-allowlist': { stages: ['output'], action: 'alert' },
  'tool-allowlist': { stages: ['output'], action: 'block' },
  exfiltration: { stages: ['output'], action: 'block' },
  payload: { stages: ['output'], action: 'block', targets: ['markdown'] },
};

const FALLBACK_ACTION: GuardAction = 'alert';

function merge(base: DetectorConfig | undefined, over: DetectorConfig | undefined): DetectorConfig {
  return { ...base, ...over };
}

/** The most specific route entry: exact name, else the longest `prefix*` that matches. */
export function matchRoute(config: GuardConfig, route: string | undefined): RouteConfig | undefined {
  if (route === undefined || !config.routes) return undefined;
  const exact = config.routes[route];
  if (exact) return exact;
  let best: [string, RouteConfig] | undefined;
  for (const [key, value] of Object.entries(config.routes)) {
    if (key.endsWith('*') && route.startsWith(key.slice(0, -1)) && (!best || key.length > best[0].length)) best = [key, value];
  }
  return best?.[1];
}

/**
 * Effective settings of one detector for a route and stage, or undefined when it does not run there.
 * Route settings override the top-level `detectors:` which override the built-in defaults.
 */
export function resolveDetector(config: GuardConfig, name: DetectorName, stage: GuardStage, route?: string): ResolvedDetector | undefined {
  const routeCfg = matchRoute(config, route);
  const cfg = merge(merge(DEFAULT_DETECTORS[name], config.detectors?.[name]), routeCfg?.detectors?.[name]);
  if (cfg.enabled === false || !(cfg.stages ?? []).includes(stage)) return undefined;
  const { action, stages: _s, enabled: _e, ...rest } = cfg;
  const defaultAction = DEFAULT_DETECTORS[name].action;
  const pick = (a: DetectorConfig['action']): GuardAction | undefined => (typeof a === 'string' ? a : a?.[stage]);
  return { ...rest, action: pick(action) ?? pick(defaultAction) ?? FALLBACK_ACTION };
}

/** Allow-lists and canaries for a route: route entries are added to the top-level ones. */
export function resolveLists(config: GuardConfig, route?: string): { domains?: string[]; tools?: string[]; canaries: (string | CanarySpec)[] } {
  const r = matchRoute(config, route);
  const join = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined =>
    a === undefined && b === undefined ? undefined : [...(a ?? []), ...(b ?? [])];
  const domains = join(config.allow?.domains, r?.allow?.domains);
  const tools = join(config.allow?.tools, r?.allow?.tools);
  return { ...(domains ? { domains } : {}), ...(tools ? { tools } : {}), canaries: join(config.canaries, r?.canaries) ?? [] };
}

/** One problem in a guard config, with the JSON path (`/routes/chat/detectors/pii/action`). */
export interface GuardConfigIssue {
  readonly path: string;
  readonly message: string;
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validateConfig = ajv.compile(guardConfigSchema);

function describe(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `unknown key "${String((e.params as { additionalProperty: string }).additionalProperty)}"`;
  if (e.keyword === 'enum') return `${e.message ?? 'invalid'}: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  return e.message ?? e.keyword;
}

/** Allow-list domains the schema accepts as strings but a URL parser rejects (`exa mple.com`). */
function domainIssues(config: GuardConfig): GuardConfigIssue[] {
  const lists: [string, readonly string[] | undefined][] = [
    ['/allow/domains', config.allow?.domains],
    ...Object.entries(config.routes ?? {}).map(([name, r]): [string, readonly string[] | undefined] => [`/routes/${name.replace(/~/g, '~0').replace(/\//g, '~1')}/allow/domains`, r.allow?.domains]),
  ];
  const issues: GuardConfigIssue[] = [];
  for (const [path, domains] of lists) {
    (domains ?? []).forEach((d, i) => {
      try {
        compileDomainAllowList([d]);
      } catch (err) {
        issues.push({ path: `${path}/${i}`, message: (err as Error).message });
      }
    });
  }
  return issues;
}

/**
 * Validate the `guard:` section (undefined = all defaults). Returns the typed config or the issues;
 * `oneOf` noise is reduced to the most specific message per path.
 */
export function parseGuardConfig(section: unknown): { ok: true; config: GuardConfig } | { ok: false; issues: GuardConfigIssue[] } {
  if (section === undefined || section === null) return { ok: true, config: {} };
  if (validateConfig(section)) {
    const config = section as GuardConfig;
    const issues = domainIssues(config);
    return issues.length === 0 ? { ok: true, config } : { ok: false, issues };
  }
  const seen = new Map<string, string>();
  for (const e of validateConfig.errors ?? []) {
    if (e.keyword === 'oneOf') continue;
    const path = e.instancePath || '/';
    if (!seen.has(path)) seen.set(path, describe(e));
  }
  if (seen.size === 0) seen.set('/', 'invalid guard configuration');
  return { ok: false, issues: [...seen].map(([path, message]) => ({ path, message })) };
}
