import { GUARD_ACTIONS, GUARD_STAGES } from './detection.js';
import { PAYLOAD_TARGETS } from './validate/payload-rules.js';

const action = { type: 'string', enum: [...GUARD_ACTIONS] };
const stages = { type: 'array', items: { type: 'string', enum: [...GUARD_STAGES] }, uniqueItems: true };

/** Settings every detector accepts. */
const detectorBase = {
  enabled: { type: 'boolean', description: 'false: do not run this detector at all' },
  action: {
    description: 'allow | alert | redact | block, or a map from stage to action',
    oneOf: [
      action,
      {
        type: 'object',
        propertyNames: { enum: [...GUARD_STAGES] },
        additionalProperties: action,
      },
    ],
  },
  stages: { ...stages, description: 'stages this detector runs at' },
} as const;

const detector = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'object',
  additionalProperties: false,
  properties: { ...detectorBase, ...extra },
});

const detectors = {
  type: 'object',
  additionalProperties: false,
  properties: {
    injection: detector({ threshold: { type: 'number', minimum: 0, maximum: 1 } }),
    secrets: detector(),
    pii: detector({
      types: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      ip: { type: 'string', enum: ['off', 'public', 'all'] },
    }),
    canary: detector(),
    'prompt-integrity': detector(),
    schema: detector(),
    'url-allowlist': detector(),
    'tool-allowlist': detector(),
    exfiltration: detector(),
    payload: detector({ targets: { type: 'array', items: { type: 'string', enum: [...PAYLOAD_TARGETS] }, uniqueItems: true } }),
  },
} as const;

const allow = {
  type: 'object',
  additionalProperties: false,
  properties: {
    domains: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'example.com | *.example.com | .example.com' },
    tools: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'exact names or prefix*' },
  },
} as const;

const canaryEntry = {
  oneOf: [
    { type: 'string', minLength: 1, description: 'exact token, or PREFIX* for a document signature' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['value'],
      properties: { value: { type: 'string', minLength: 1 }, prefix: { type: 'boolean' }, label: { type: 'string' } },
    },
  ],
} as const;

/**
 * JSON Schema for the `guard:` section of attest.yaml (documented in docs/guard.md).
 * The config loader validates the section with it; `parseGuardConfig` does the same.
 */
export const guardConfigSchema = {
  $id: 'https://attest.dev/schemas/guard-config.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    detectors: { ...detectors, description: 'defaults for every route' },
    canaries: { type: 'array', items: canaryEntry },
    allow,
    routes: {
      type: 'object',
      description: 'route name or prefix* -> overrides',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { detectors, allow, canaries: { type: 'array', items: canaryEntry } },
      },
    },
  },
} as const;

/** The detector keys the schema accepts; a test keeps them equal to `DETECTOR_NAMES`. */
export const SCHEMA_DETECTOR_KEYS: readonly string[] = Object.keys(detectors.properties);
