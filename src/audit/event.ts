/**
 * The audit event contract (schema version 1). Gateway, MCP proxy, RAG guard, red-team
 * runner and `attest audit ingest` all write these; exporters and incident rules read them.
 * Pure types; the JSON Schema that validates ingested events lives beside the store.
 */

export const EVENT_SCHEMA_VERSION = 1;

export const EVENT_TYPES = [
  'model.request',
  'model.response',
  'tool.call',
  'retrieval',
  'guard.verdict',
  'approval.decision',
  'key.use',
  'identity.auth',
  'config.change',
  'incident.opened',
  'incident.updated',
] as const;
export type AuditEventType = (typeof EVENT_TYPES)[number];

export interface Actor {
  readonly id: string;
  readonly kind: 'user' | 'service' | 'agent';
  readonly tenant?: string;
}

/** How a content body is kept: the body itself, only its SHA-256, or a redacted copy. */
export type ContentMode = 'store' | 'hash' | 'redact';
export interface ContentBody {
  readonly mode: ContentMode;
  readonly sha256: string;
  /** Present for mode 'store' (verbatim) and 'redact' (after redaction). */
  readonly text?: string;
}

export interface ModelRequestData {
  readonly provider: string;
  readonly model: string;
  readonly route?: string;
  readonly keyId?: string;
  readonly inputTokens?: number;
  readonly prompt?: ContentBody;
}
export interface ModelResponseData {
  readonly provider: string;
  readonly model: string;
  readonly requestId?: string;
  readonly outputTokens?: number;
  readonly finishReason?: string;
  readonly latencyMs?: number;
  readonly output?: ContentBody;
}
export interface ToolCallData {
  readonly tool: string;
  readonly server?: string;
  readonly arguments?: ContentBody;
  readonly outcome: 'allowed' | 'denied' | 'pending-approval' | 'error';
  readonly approvalId?: string;
}
export interface RetrievalData {
  readonly index: string;
  readonly query?: ContentBody;
  readonly documents: readonly { readonly id: string; readonly labels?: readonly string[]; readonly tenant?: string; readonly allowed: boolean }[];
}
export interface GuardVerdictData {
  readonly detector: string;
  readonly action: 'allow' | 'redact' | 'block' | 'alert';
  readonly score?: number;
  readonly categories?: readonly string[];
  readonly controlId?: string;
  /** 'input' (direct), 'retrieved', 'tool-result', 'output'. */
  readonly stage: 'input' | 'retrieved' | 'tool-result' | 'output';
  readonly requestId?: string;
}
export interface ApprovalDecisionData {
  readonly approvalId: string;
  readonly tool?: string;
  readonly decision: 'approved' | 'rejected' | 'expired';
  readonly approver?: string;
}
export interface KeyUseData {
  readonly keyId: string;
  readonly provider?: string;
  readonly outcome: 'ok' | 'denied' | 'revoked' | 'expired' | 'rate-limited';
  readonly sourceIp?: string;
}
export interface IdentityAuthData {
  readonly method: 'oidc' | 'api-key' | 'workload' | 'mtls' | 'other';
  readonly outcome: 'success' | 'failure';
  readonly subject?: string;
}
export interface ConfigChangeData {
  readonly component: string;
  readonly key: string;
  readonly reviewed?: boolean;
  readonly before?: string;
  readonly after?: string;
}
export interface IncidentEventData {
  readonly incidentId: string;
  readonly category: string;
  readonly severity: 'critical' | 'high' | 'medium' | 'low';
  readonly status?: 'open' | 'acknowledged' | 'closed';
  readonly triggeredBy?: readonly string[];
  readonly title?: string;
  /** The rule that opened the incident and its dedupe key (one incident per rule and key). */
  readonly ruleId?: string;
  readonly dedupeKey?: string;
  readonly note?: string;
  /** Response-checklist item ids ticked by this update. */
  readonly ticked?: readonly string[];
}

export interface EventDataByType {
  'model.request': ModelRequestData;
  'model.response': ModelResponseData;
  'tool.call': ToolCallData;
  retrieval: RetrievalData;
  'guard.verdict': GuardVerdictData;
  'approval.decision': ApprovalDecisionData;
  'key.use': KeyUseData;
  'identity.auth': IdentityAuthData;
  'config.change': ConfigChangeData;
  'incident.opened': IncidentEventData;
  'incident.updated': IncidentEventData;
}

/** What a producer hands to the store. */
export type AuditEventInput = {
  [K in AuditEventType]: {
    readonly type: K;
    /** ISO 8601; the store fills in its clock when absent. */
    readonly time?: string;
    readonly actor?: Actor;
    readonly session?: string;
    /** Correlates the request/response/verdict events of one interaction. */
    readonly requestId?: string;
    /** Producer, e.g. `gateway`, `mcp-proxy`, `ingest`. */
    readonly source?: string;
    readonly data: EventDataByType[K];
  };
}[AuditEventType];

/** An event once appended: ordered, chained and hashed. */
export type StoredEvent = AuditEventInput & {
  readonly v: typeof EVENT_SCHEMA_VERSION;
  /** Unique id (UUID v7, time-ordered). */
  readonly id: string;
  readonly time: string;
  /** Global append order within one store (export cursor). */
  readonly seq: number;
  /** The writer's chain this event belongs to. */
  readonly writer: string;
  /** Position in that writer's chain, from 0. */
  readonly index: number;
  /** Hash of the previous event in the same chain (64 zeros for the first). */
  readonly prevHash: string;
  /** SHA-256 over the canonical JSON of the event without `hash` and `seq`. */
  readonly hash: string;
};
