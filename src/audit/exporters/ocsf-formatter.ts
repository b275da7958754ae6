/**
 * Maps audit events to OCSF 1.1-shaped records (pure). `metadata.uid` is the event id (receivers
 * dedupe on it), `metadata.sequence` the store seq; fields OCSF has no place for go under `unmapped`.
 *
 * Class choices: model.request/model.response/tool.call/approval.decision/config.change ->
 * API Activity (6003); retrieval -> Datastore Activity (6005); guard.verdict -> Detection Finding
 * (2004); key.use/identity.auth -> Authentication (3002); incident.* -> Incident Finding (2005).
 */
import type { StoredEvent } from '../event.js';

export const OCSF_VERSION = '1.1.0';

interface ClassInfo {
  readonly classUid: number;
  readonly className: string;
  readonly categoryUid: number;
  readonly categoryName: string;
  readonly activityId: number;
  readonly activityName: string;
}

const API = { classUid: 6003, className: 'API Activity', categoryUid: 6, categoryName: 'Application Activity' };
const AUTH = { classUid: 3002, className: 'Authentication', categoryUid: 3, categoryName: 'Identity & Access Management' };

function classOf(e: StoredEvent): ClassInfo {
  switch (e.type) {
    case 'model.request':
      return { ...API, activityId: 1, activityName: 'Create' };
    case 'model.response':
      return { ...API, activityId: 2, activityName: 'Read' };
    case 'tool.call':
      return { ...API, activityId: 99, activityName: 'Tool Call' };
    case 'approval.decision':
      return { ...API, activityId: 99, activityName: 'Approval Decision' };
    case 'config.change':
      return { ...API, activityId: 3, activityName: 'Update' };
    case 'retrieval':
      return { classUid: 6005, className: 'Datastore Activity', categoryUid: 6, categoryName: 'Application Activity', activityId: 2, activityName: 'Read' };
    case 'guard.verdict':
      return { classUid: 2004, className: 'Detection Finding', categoryUid: 2, categoryName: 'Findings', activityId: 1, activityName: 'Create' };
    case 'key.use':
    case 'identity.auth':
      return { ...AUTH, activityId: 1, activityName: 'Logon' };
    case 'incident.opened':
      return { classUid: 2005, className: 'Incident Finding', categoryUid: 2, categoryName: 'Findings', activityId: 1, activityName: 'Create' };
    case 'incident.updated':
      return { classUid: 2005, className: 'Incident Finding', categoryUid: 2, categoryName: 'Findings', activityId: 2, activityName: 'Update' };
  }
}

/** OCSF severity_id: 1 informational … 5 critical. */
export function severityOf(e: StoredEvent): { id: number; name: string } {
  switch (e.type) {
    case 'guard.verdict':
      return e.data.action === 'block' ? { id: 4, name: 'High' } : e.data.action === 'alert' ? { id: 3, name: 'Medium' } : { id: 1, name: 'Informational' };
    case 'incident.opened':
    case 'incident.updated': {
      const map = { critical: { id: 5, name: 'Critical' }, high: { id: 4, name: 'High' }, medium: { id: 3, name: 'Medium' }, low: { id: 2, name: 'Low' } } as const;
      return map[e.data.severity];
    }
    case 'key.use':
      return e.data.outcome === 'ok' ? { id: 1, name: 'Informational' } : { id: 3, name: 'Medium' };
    case 'identity.auth':
      return e.data.outcome === 'success' ? { id: 1, name: 'Informational' } : { id: 2, name: 'Low' };
    case 'tool.call':
      return e.data.outcome === 'denied' ? { id: 2, name: 'Low' } : { id: 1, name: 'Informational' };
    case 'approval.decision':
    case 'config.change':
    case 'model.request':
    case 'model.response':
    case 'retrieval':
      return { id: 1, name: 'Informational' };
  }
}

/** OCSF status_id: 1 success, 2 failure, 0 unknown. */
function statusOf(e: StoredEvent): { status_id: number; status: string } | Record<string, never> {
  const ok = { status_id: 1, status: 'Success' };
  const fail = { status_id: 2, status: 'Failure' };
  switch (e.type) {
    case 'tool.call':
      return e.data.outcome === 'allowed' ? ok : e.data.outcome === 'pending-approval' ? { status_id: 99, status: 'Pending' } : fail;
    case 'key.use':
      return e.data.outcome === 'ok' ? ok : fail;
    case 'identity.auth':
      return e.data.outcome === 'success' ? ok : fail;
    case 'approval.decision':
      return e.data.decision === 'approved' ? ok : fail;
    case 'config.change':
    case 'guard.verdict':
    case 'incident.opened':
    case 'incident.updated':
    case 'model.request':
    case 'model.response':
    case 'retrieval':
      return {};
  }
}

function typeSpecific(e: StoredEvent): Record<string, unknown> {
  switch (e.type) {
    case 'model.request':
      return { api: { operation: 'model.request', service: { name: e.data.provider }, request: { uid: e.requestId } }, resources: [{ type: 'model', name: e.data.model }] };
    case 'model.response':
      return { api: { operation: 'model.response', service: { name: e.data.provider }, request: { uid: e.requestId ?? e.data.requestId } }, resources: [{ type: 'model', name: e.data.model }] };
    case 'tool.call':
      return { api: { operation: 'tool.call', service: { name: e.data.server ?? 'tool' } }, resources: [{ type: 'tool', name: e.data.tool }] };
    case 'approval.decision':
      return { api: { operation: 'approval.decision' }, resources: e.data.tool ? [{ type: 'tool', name: e.data.tool }] : [] };
    case 'config.change':
      return { api: { operation: 'config.change' }, resources: [{ type: e.data.component, name: e.data.key }] };
    case 'retrieval':
      return { database: { name: e.data.index }, resources: e.data.documents.map((d) => ({ type: 'document', uid: d.id, labels: d.labels ?? [] })) };
    case 'guard.verdict':
      return {
        finding_info: { uid: e.id, title: `${e.data.detector}: ${e.data.action}`, types: e.data.categories ?? [], analytic: { name: e.data.detector } },
        action: e.data.action,
        disposition: e.data.action === 'block' ? 'Blocked' : e.data.action === 'redact' ? 'Corrected' : e.data.action === 'alert' ? 'Alert' : 'Allowed',
      };
    case 'key.use':
      return { auth_protocol: 'API Key', src_endpoint: e.data.sourceIp ? { ip: e.data.sourceIp } : undefined, service: { name: e.data.provider } };
    case 'identity.auth':
      return { auth_protocol: e.data.method, user: e.data.subject ? { uid: e.data.subject } : undefined };
    case 'incident.opened':
    case 'incident.updated':
      return { finding_info: { uid: e.data.incidentId, title: e.data.category, related_events: (e.data.triggeredBy ?? []).map((uid) => ({ uid })) }, status_detail: e.data.status };
  }
}

/** An OCSF record; `metadata.uid` is the event id. */
export type OcsfRecord = Record<string, unknown> & { metadata: { uid: string; sequence: number; [k: string]: unknown } };

/**
 * One OCSF-shaped record for one event.
 *
 * @example
 * formatOcsf(event).metadata.uid === event.id
 */
export function formatOcsf(e: StoredEvent): OcsfRecord {
  const c = classOf(e);
  const sev = severityOf(e);
  return {
    class_uid: c.classUid,
    class_name: c.className,
    category_uid: c.categoryUid,
    category_name: c.categoryName,
    activity_id: c.activityId,
    activity_name: c.activityName,
    type_uid: c.classUid * 100 + c.activityId,
    time: Date.parse(e.time),
    severity_id: sev.id,
    severity: sev.name,
    ...statusOf(e),
    metadata: {
      uid: e.id,
      sequence: e.seq,
      version: OCSF_VERSION,
      log_name: 'attest-audit',
      correlation_uid: e.requestId,
      product: { name: 'Attest', vendor_name: 'Attest' },
    },
    actor: e.actor ? { user: { uid: e.actor.id, type: e.actor.kind, org: e.actor.tenant ? { uid: e.actor.tenant } : undefined }, session: e.session ? { uid: e.session } : undefined } : undefined,
    ...typeSpecific(e),
    unmapped: { attest: { type: e.type, v: e.v, writer: e.writer, index: e.index, hash: e.hash, prevHash: e.prevHash, source: e.source, session: e.session, data: e.data } },
  };
}

/** JSON lines, one record per event, each line ending in `\n`. */
export function formatOcsfLines(events: readonly StoredEvent[]): string {
  return events.map((e) => `${JSON.stringify(formatOcsf(e))}\n`).join('');
}
