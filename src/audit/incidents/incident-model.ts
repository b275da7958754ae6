/**
 * Incident state is derived from the audit trail: `incident.opened` starts an incident and each
 * `incident.updated` records a transition, note or ticked checklist items, with who (the event's
 * actor) and when (its time). The history is therefore as tamper-evident as the trail itself.
 */
import type { IncidentEventData, StoredEvent } from '../event.js';
import { incidentCategory, type IncidentSeverity } from './taxonomy.js';

export type IncidentStatus = 'open' | 'acknowledged' | 'closed';

/** What incident events carry in `data` (title, rule, dedupe key, note and ticked items included). */
export type IncidentRecordData = IncidentEventData;

export interface IncidentHistoryEntry {
  readonly eventId: string;
  readonly at: string;
  readonly by: string;
  readonly status: IncidentStatus;
  readonly note?: string;
  readonly ticked?: readonly string[];
}

export interface Incident {
  readonly id: string;
  readonly category: string;
  readonly title: string;
  readonly severity: IncidentSeverity;
  readonly status: IncidentStatus;
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly ruleId?: string;
  readonly dedupeKey?: string;
  readonly triggeredBy: readonly string[];
  /** Checklist item ids ticked so far. */
  readonly ticked: readonly string[];
  readonly history: readonly IncidentHistoryEntry[];
}

/** Fold incident events (any order of arrival, applied in seq order) into incidents by id. */
export function foldIncidents(events: Iterable<StoredEvent>): Map<string, Incident> {
  const out = new Map<string, Incident>();
  for (const e of events) {
    if (e.type !== 'incident.opened' && e.type !== 'incident.updated') continue;
    const d = e.data as IncidentRecordData;
    const by = e.actor?.id ?? e.source ?? 'attest';
    const prev = out.get(d.incidentId);
    if (e.type === 'incident.opened') {
      if (prev) continue; // a second open of the same id (a re-run scan) changes nothing
      out.set(d.incidentId, {
        id: d.incidentId,
        category: d.category,
        title: d.title ?? incidentCategory(d.category).title,
        severity: d.severity,
        status: 'open',
        openedAt: e.time,
        updatedAt: e.time,
        ...(d.ruleId ? { ruleId: d.ruleId } : {}),
        ...(d.dedupeKey ? { dedupeKey: d.dedupeKey } : {}),
        triggeredBy: d.triggeredBy ?? [],
        ticked: [],
        history: [{ eventId: e.id, at: e.time, by, status: 'open', ...(d.note ? { note: d.note } : {}) }],
      });
      continue;
    }
    if (!prev) continue;
    const status = d.status ?? prev.status;
    const ticked = [...new Set([...prev.ticked, ...(d.ticked ?? [])])];
    out.set(d.incidentId, {
      ...prev,
      status,
      severity: d.severity,
      updatedAt: e.time,
      ticked,
      history: [...prev.history, { eventId: e.id, at: e.time, by, status, ...(d.note ? { note: d.note } : {}), ...(d.ticked?.length ? { ticked: d.ticked } : {}) }],
    });
  }
  return out;
}

/** Allowed status changes: open → acknowledged → closed, or open → closed; closed is final. */
export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  if (from === 'closed') return false;
  if (to === 'acknowledged') return from === 'open';
  if (to === 'closed') return true;
  return false;
}
