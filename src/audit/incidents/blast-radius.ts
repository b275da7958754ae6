/**
 * Blast radius of an incident, from the audit trail: every user, session, document, tool,
 * provider key and model reached by events linked to the incident's triggering events, within a
 * time window around the incident (default ±24 h). Linking is transitive: events sharing a
 * session, request, actor or key with the trigger events are linked (hop 1); events sharing one
 * with those are linked too (hop 2, the default depth), and so on.
 */
import { AttestError } from '../../core/errors.js';
import type { StoredEvent } from '../event.js';
import type { AuditStore } from '../store.js';
import type { Incident } from './incident-model.js';

export type LinkKind = 'session' | 'request' | 'actor' | 'key';
export const LINK_KINDS: readonly LinkKind[] = ['session', 'request', 'actor', 'key'];

export interface BlastRadiusOptions {
  /** Window before and after the first trigger event (default 24 h). */
  readonly windowMs?: number;
  /** Link through these identifiers (default all). */
  readonly via?: readonly LinkKind[];
  /** Transitive depth (default 2; 0 = the trigger events only). */
  readonly hops?: number;
  /** Stop reading after this many events in the window (default 1,000,000). */
  readonly maxEvents?: number;
}

export interface ReachedEntity {
  readonly id: string;
  /** Linked events before / at-or-after the incident time. */
  readonly before: number;
  readonly after: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Extra facts: document labels/tenant/denied, tool outcomes, actor kind, provider. */
  readonly detail?: Record<string, unknown>;
}

export interface BlastRadius {
  readonly incidentId: string;
  readonly anchor: string;
  readonly window: { readonly since: string; readonly until: string };
  readonly via: readonly LinkKind[];
  readonly hops: number;
  readonly linkedEvents: number;
  readonly truncated: boolean;
  readonly users: readonly ReachedEntity[];
  /** Agents and services (actors that are not people). */
  readonly principals: readonly ReachedEntity[];
  readonly sessions: readonly ReachedEntity[];
  readonly documents: readonly ReachedEntity[];
  readonly tools: readonly ReachedEntity[];
  readonly keys: readonly ReachedEntity[];
  readonly models: readonly ReachedEntity[];
}

function keyIdOf(e: StoredEvent): string | undefined {
  if (e.type === 'model.request' || e.type === 'key.use') return e.data.keyId;
  return undefined;
}

/** The link identifiers an event carries, as `kind:value`. */
export function linksOf(e: StoredEvent, via: readonly LinkKind[]): string[] {
  const out: string[] = [];
  if (via.includes('session') && e.session) out.push(`session:${e.session}`);
  if (via.includes('request') && e.requestId) out.push(`request:${e.requestId}`);
  if (via.includes('actor') && e.actor) out.push(`actor:${e.actor.id}`);
  const key = keyIdOf(e);
  if (via.includes('key') && key) out.push(`key:${key}`);
  return out;
}

class Tally {
  private readonly m = new Map<string, { before: number; after: number; firstSeen: string; lastSeen: string; detail: Record<string, unknown> }>();
  add(id: string, e: StoredEvent, afterAnchor: boolean, detail?: (d: Record<string, unknown>) => void): void {
    let t = this.m.get(id);
    if (!t) {
      t = { before: 0, after: 0, firstSeen: e.time, lastSeen: e.time, detail: {} };
      this.m.set(id, t);
    }
    if (afterAnchor) t.after += 1;
    else t.before += 1;
    if (e.time < t.firstSeen) t.firstSeen = e.time;
    if (e.time > t.lastSeen) t.lastSeen = e.time;
    detail?.(t.detail);
  }
  list(): ReachedEntity[] {
    return [...this.m.entries()]
      .map(([id, t]) => ({ id, before: t.before, after: t.after, firstSeen: t.firstSeen, lastSeen: t.lastSeen, ...(Object.keys(t.detail).length ? { detail: t.detail } : {}) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

function bump(d: Record<string, unknown>, key: string, value: string): void {
  const counts = (d[key] ??= {}) as Record<string, number>;
  counts[value] = (counts[value] ?? 0) + 1;
}

/**
 * Compute the blast radius of an incident.
 *
 * @example
 * const radius = await blastRadius(store, incident, { windowMs: 6 * 3600_000, hops: 1 });
 */
export async function blastRadius(store: AuditStore, incident: Incident, opts: BlastRadiusOptions = {}): Promise<BlastRadius> {
  const via = opts.via ?? LINK_KINDS;
  const hops = opts.hops ?? 2;
  const windowMs = opts.windowMs ?? 24 * 3600_000;
  const maxEvents = opts.maxEvents ?? 1_000_000;
  const triggers: StoredEvent[] = [];
  for (const id of incident.triggeredBy) {
    const e = await store.get(id);
    if (e) triggers.push(e);
  }
  if (triggers.length === 0) throw new AttestError('NOT_FOUND', `none of the events that triggered ${incident.id} is in the store (pruned by retention?)`, { where: incident.id });
  const anchorMs = Math.min(...triggers.map((e) => Date.parse(e.time)));
  const since = new Date(anchorMs - windowMs).toISOString();
  const until = new Date(anchorMs + windowMs).toISOString();

  const events: StoredEvent[] = [];
  let truncated = false;
  for await (const e of store.query({ since, until })) {
    if (e.type === 'incident.opened' || e.type === 'incident.updated') continue;
    if (events.length >= maxEvents) {
      truncated = true;
      break;
    }
    events.push(e);
  }

  const linked = new Set(triggers.map((e) => e.id));
  let frontier = new Set(triggers.flatMap((e) => linksOf(e, via)));
  const reachedLinks = new Set(frontier);
  for (let hop = 0; hop < hops && frontier.size > 0; hop++) {
    const next = new Set<string>();
    for (const e of events) {
      if (linked.has(e.id)) continue;
      const ls = linksOf(e, via);
      if (!ls.some((l) => frontier.has(l))) continue;
      linked.add(e.id);
      for (const l of ls) if (!reachedLinks.has(l)) next.add(l);
    }
    for (const l of next) reachedLinks.add(l);
    frontier = next;
  }

  const users = new Tally();
  const principals = new Tally();
  const sessions = new Tally();
  const documents = new Tally();
  const tools = new Tally();
  const keys = new Tally();
  const models = new Tally();
  const byId = new Map([...events, ...triggers].map((e) => [e.id, e]));
  for (const id of linked) {
    const e = byId.get(id);
    if (!e) continue;
    const after = Date.parse(e.time) >= anchorMs;
    if (e.actor) (e.actor.kind === 'user' ? users : principals).add(e.actor.id, e, after, (d) => {
      d.kind = e.actor?.kind;
      if (e.actor?.tenant) d.tenant = e.actor.tenant;
    });
    if (e.session) sessions.add(e.session, e, after);
    const key = keyIdOf(e);
    if (key) keys.add(key, e, after, (d) => (e.type === 'key.use' ? bump(d, 'outcomes', e.data.outcome) : undefined));
    switch (e.type) {
      case 'retrieval':
        for (const doc of e.data.documents) {
          documents.add(doc.id, e, after, (d) => {
            d.index = e.data.index;
            if (doc.tenant) d.tenant = doc.tenant;
            if (doc.labels?.length) d.labels = doc.labels;
            bump(d, 'access', doc.allowed ? 'allowed' : 'denied');
          });
        }
        break;
      case 'tool.call':
        tools.add(e.data.tool, e, after, (d) => bump(d, 'outcomes', e.data.outcome));
        break;
      case 'model.request':
      case 'model.response':
        models.add(`${e.data.provider}/${e.data.model}`, e, after);
        break;
      case 'identity.auth':
        if (e.data.subject) users.add(e.data.subject, e, after);
        break;
      case 'guard.verdict':
      case 'approval.decision':
      case 'key.use':
      case 'config.change':
      case 'incident.opened':
      case 'incident.updated':
        break;
    }
  }

  return {
    incidentId: incident.id,
    anchor: new Date(anchorMs).toISOString(),
    window: { since, until },
    via,
    hops,
    linkedEvents: linked.size,
    truncated,
    users: users.list(),
    principals: principals.list(),
    sessions: sessions.list(),
    documents: documents.list(),
    tools: tools.list(),
    keys: keys.list(),
    models: models.list(),
  };
}
