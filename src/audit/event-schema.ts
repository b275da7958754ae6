/**
 * JSON Schema (draft 2020-12 subset, ajv) for `AuditEventInput`, one schema per event type,
 * used by `attest audit ingest` and anyone accepting events from outside the process.
 * Kept beside `event.ts`; `event-schema.test.ts` checks every type has a schema.
 */
import type { AuditEventType } from './event.js';

const str = { type: 'string', minLength: 1, maxLength: 1024 } as const;
const shortStr = { type: 'string', minLength: 1, maxLength: 256 } as const;
const count = { type: 'integer', minimum: 0 } as const;
const strList = { type: 'array', items: shortStr, maxItems: 1000 } as const;

const contentBody = {
  type: 'object',
  additionalProperties: false,
  required: ['mode', 'sha256'],
  properties: {
    mode: { enum: ['store', 'hash', 'redact'] },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    text: { type: 'string', maxLength: 10_000_000 },
  },
} as const;

function obj(required: readonly string[], properties: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', additionalProperties: false, required, properties };
}

const incidentData = obj(['incidentId', 'category', 'severity'], {
  incidentId: shortStr,
  category: shortStr,
  severity: { enum: ['critical', 'high', 'medium', 'low'] },
  status: { enum: ['open', 'acknowledged', 'closed'] },
  triggeredBy: strList,
  title: str,
  ruleId: shortStr,
  dedupeKey: str,
  note: { type: 'string', maxLength: 65_536 },
  ticked: strList,
});

/** The `data` schema of each event type. */
export const EVENT_DATA_SCHEMAS: Readonly<Record<AuditEventType, Record<string, unknown>>> = {
  'model.request': obj(['provider', 'model'], {
    provider: shortStr,
    model: shortStr,
    route: str,
    keyId: shortStr,
    inputTokens: count,
    prompt: contentBody,
  }),
  'model.response': obj(['provider', 'model'], {
    provider: shortStr,
    model: shortStr,
    requestId: shortStr,
    outputTokens: count,
    finishReason: shortStr,
    latencyMs: { type: 'number', minimum: 0 },
    output: contentBody,
  }),
  'tool.call': obj(['tool', 'outcome'], {
    tool: shortStr,
    server: str,
    arguments: contentBody,
    outcome: { enum: ['allowed', 'denied', 'pending-approval', 'error'] },
    approvalId: shortStr,
  }),
  retrieval: obj(['index', 'documents'], {
    index: shortStr,
    query: contentBody,
    documents: {
      type: 'array',
      maxItems: 10_000,
      items: obj(['id', 'allowed'], { id: str, labels: strList, tenant: shortStr, allowed: { type: 'boolean' } }),
    },
  }),
  'guard.verdict': obj(['detector', 'action', 'stage'], {
    detector: shortStr,
    action: { enum: ['allow', 'redact', 'block', 'alert'] },
    score: { type: 'number' },
    categories: strList,
    controlId: shortStr,
    stage: { enum: ['input', 'retrieved', 'tool-result', 'output'] },
    requestId: shortStr,
  }),
  'approval.decision': obj(['approvalId', 'decision'], {
    approvalId: shortStr,
    tool: shortStr,
    decision: { enum: ['approved', 'rejected', 'expired'] },
    approver: shortStr,
  }),
  'key.use': obj(['keyId', 'outcome'], {
    keyId: shortStr,
    provider: shortStr,
    outcome: { enum: ['ok', 'denied', 'revoked', 'expired', 'rate-limited'] },
    sourceIp: shortStr,
  }),
  'identity.auth': obj(['method', 'outcome'], {
    method: { enum: ['oidc', 'api-key', 'workload', 'mtls', 'other'] },
    outcome: { enum: ['success', 'failure'] },
    subject: shortStr,
  }),
  'config.change': obj(['component', 'key'], {
    component: shortStr,
    key: str,
    reviewed: { type: 'boolean' },
    before: { type: 'string', maxLength: 1_000_000 },
    after: { type: 'string', maxLength: 1_000_000 },
  }),
  'incident.opened': incidentData,
  'incident.updated': incidentData,
};

/** The envelope of every event, with `data` left to the per-type schema. */
export function eventSchemaFor(type: AuditEventType): Record<string, unknown> {
  return obj(['type', 'data'], {
    type: { const: type },
    time: { type: 'string', format: 'date-time' },
    actor: obj(['id', 'kind'], { id: shortStr, kind: { enum: ['user', 'service', 'agent'] }, tenant: shortStr }),
    session: shortStr,
    requestId: shortStr,
    source: shortStr,
    data: EVENT_DATA_SCHEMAS[type],
  });
}
