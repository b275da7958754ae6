/**
 * The `incidents:` section of attest.yaml: tune the built-in rules by id (thresholds, windows,
 * severity), disable rules, and set the blast-radius defaults. Its JSON Schema is composed into the
 * attest.yaml schema by the config loader (src/config/section-schemas.ts); an unknown rule id, or a
 * setting the rule's kind does not have, is a located error there.
 *
 * ```yaml
 * incidents:
 *   disable: [rate-limit-storm]
 *   rules:
 *     token-burst: { atLeast: 200000, window: 30m, severity: high }
 *     jailbreak-answered: { within: 5m }
 *   blastRadius: { window: 12h, hops: 3, via: [session, actor] }
 * ```
 */
import { AttestError } from '../../core/errors.js';
import { LINK_KINDS, type BlastRadiusOptions, type LinkKind } from './blast-radius.js';
import { DEFAULT_RULES } from './default-rules.js';
import type { IncidentRule } from './incident-rule.js';
import type { IncidentSeverity } from './taxonomy.js';

/** `30s`, `90m`, `24h`, `2d`, `500ms`, or a number of milliseconds. */
export type Duration = number | string;

export interface RuleOverride {
  readonly enabled?: boolean;
  readonly severity?: IncidentSeverity;
  /** threshold rules: count (or sum) that opens an incident. */
  readonly atLeast?: number;
  /** threshold rules: sliding window. */
  readonly window?: Duration;
  /** sequence rules: longest gap between the first and the then event. */
  readonly within?: Duration;
  /** novelty rules: events seen for a group before a new value counts as novel. */
  readonly minHistory?: number;
}

export interface IncidentsConfig {
  readonly disable?: readonly string[];
  readonly rules?: Readonly<Record<string, RuleOverride>>;
  readonly blastRadius?: { readonly window?: Duration; readonly hops?: number; readonly via?: readonly LinkKind[] };
}

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
const DURATION_PATTERN = '^[1-9][0-9]{0,8}(ms|s|m|h|d)?$';
const duration = (description: string): object => ({ type: ['integer', 'string'], minimum: 1, pattern: DURATION_PATTERN, description: `${description} (e.g. 30m, 24h, 2d; a bare number is milliseconds)` });

function overrideSchema(rule: IncidentRule): object {
  const properties: Record<string, object> = {
    enabled: { type: 'boolean', description: 'false disables the rule.' },
    severity: { enum: [...SEVERITIES], description: 'Severity of incidents this rule opens.' },
  };
  if (rule.kind === 'threshold') {
    properties.atLeast = { type: 'number', exclusiveMinimum: 0, description: `Count or sum that opens an incident (built-in ${rule.atLeast}).` };
    properties.window = duration(`Sliding window (built-in ${rule.windowMs} ms)`);
  }
  if (rule.kind === 'sequence') properties.within = duration(`Longest gap between the two events (built-in ${rule.withinMs} ms)`);
  if (rule.kind === 'novelty') properties.minHistory = { type: 'integer', minimum: 0, description: `History before a new value is novel (built-in ${rule.minHistory}).` };
  return { type: 'object', additionalProperties: false, properties, description: `${rule.kind} rule: ${rule.title}` };
}

/** JSON Schema of the `incidents:` section, built from the built-in rules. */
export function incidentsConfigSchemaFor(rules: readonly IncidentRule[]): object {
  const ids = rules.map((r) => r.id);
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      disable: { type: 'array', items: { enum: ids }, description: 'Rule ids to turn off.' },
      rules: { type: 'object', additionalProperties: false, properties: Object.fromEntries(rules.map((r) => [r.id, overrideSchema(r)])) },
      blastRadius: {
        type: 'object',
        additionalProperties: false,
        properties: {
          window: duration('Time window either side of the incident (default 24h)'),
          hops: { type: 'integer', minimum: 0, maximum: 10, description: 'Transitive link depth (default 2).' },
          via: { type: 'array', minItems: 1, items: { enum: [...LINK_KINDS] }, description: 'Link through these identifiers (default all).' },
        },
      },
    },
  };
}

/** JSON Schema of the `incidents:` section for the built-in rules (registered in the config loader). */
export const incidentsConfigSchema: object = incidentsConfigSchemaFor(DEFAULT_RULES);

/** A duration to milliseconds; throws BAD_CONFIG naming `where` when malformed. */
export function durationMs(value: Duration, where: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  const m = typeof value === 'string' ? /^([0-9]{1,9})(ms|s|m|h|d)?$/.exec(value) : null;
  const ms = m ? Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 'ms') as 'ms'] : 0;
  if (ms <= 0) throw new AttestError('BAD_CONFIG', `not a positive duration (e.g. 30m, 24h): ${JSON.stringify(String(value).slice(0, 20))}`, { where });
  return ms;
}

/**
 * The rules after the section's overrides: disabled ones dropped, thresholds, windows and severities
 * replaced. Unknown ids throw (the loader reports them first, with their line).
 */
export function applyIncidentsConfig(rules: readonly IncidentRule[], cfg: IncidentsConfig | undefined): IncidentRule[] {
  const known = new Set(rules.map((r) => r.id));
  for (const id of [...(cfg?.disable ?? []), ...Object.keys(cfg?.rules ?? {})]) {
    if (!known.has(id)) throw new AttestError('BAD_CONFIG', `unknown incident rule "${id.slice(0, 64)}"`, { where: 'incidents' });
  }
  const disabled = new Set(cfg?.disable ?? []);
  const out: IncidentRule[] = [];
  for (const rule of rules) {
    const o = cfg?.rules?.[rule.id];
    if (disabled.has(rule.id) || o?.enabled === false) continue;
    if (!o) {
      out.push(rule);
      continue;
    }
    const where = `incidents.rules.${rule.id}`;
    const severity = o.severity ? { severity: o.severity } : {};
    switch (rule.kind) {
      case 'threshold':
        out.push({ ...rule, ...severity, ...(o.atLeast !== undefined ? { atLeast: o.atLeast } : {}), ...(o.window !== undefined ? { windowMs: durationMs(o.window, `${where}.window`) } : {}) });
        break;
      case 'sequence':
        out.push({ ...rule, ...severity, ...(o.within !== undefined ? { withinMs: durationMs(o.within, `${where}.within`) } : {}) });
        break;
      case 'novelty':
        out.push({ ...rule, ...severity, ...(o.minHistory !== undefined ? { minHistory: o.minHistory } : {}) });
        break;
      case 'single':
        out.push({ ...rule, ...severity });
        break;
    }
  }
  return out;
}

/** Blast-radius defaults from the section (flags override them). */
export function blastRadiusDefaults(cfg: IncidentsConfig | undefined): BlastRadiusOptions {
  const b = cfg?.blastRadius;
  if (!b) return {};
  return {
    ...(b.window !== undefined ? { windowMs: durationMs(b.window, 'incidents.blastRadius.window') } : {}),
    ...(b.hops !== undefined ? { hops: b.hops } : {}),
    ...(b.via !== undefined ? { via: [...b.via] } : {}),
  };
}
