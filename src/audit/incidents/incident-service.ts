/**
 * Incidents over an AuditStore: `scan` runs the rules over events appended since the last scan
 * and opens incidents (as `incident.opened` events); `acknowledge`/`close` append
 * `incident.updated` events. The scan position and rule state live in
 * `<stateDir>/incidents/scan-state.json`, saved after the incidents are appended; incident ids
 * are derived from rule + dedupe key, so a scan repeated after a crash opens nothing twice.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { AttestError } from '../../core/errors.js';
import type { Actor, StoredEvent } from '../event.js';
import type { AuditStore } from '../store.js';
import { readJsonFile, writeJsonFile } from './_atomic-json.js';
import { DEFAULT_RULES } from './default-rules.js';
import type { IncidentRule } from './incident-rule.js';
import { canTransition, foldIncidents, type Incident, type IncidentRecordData, type IncidentStatus } from './incident-model.js';
import { RuleEngine, type EngineState, type IncidentCandidate } from './rule-engine.js';
import { incidentCategory } from './taxonomy.js';

interface ScanState {
  readonly lastSeq: number;
  readonly engine: EngineState;
  readonly rules: readonly string[];
}

export interface ScanResult {
  readonly fromSeq: number;
  readonly toSeq: number;
  readonly scanned: number;
  readonly opened: readonly Incident[];
  /** Rules fired for incidents that were already open (deduped). */
  readonly deduped: number;
}

export interface IncidentServiceOptions {
  /** Directory for scan state (default `.attest`). */
  readonly stateDir?: string;
  readonly rules?: readonly IncidentRule[];
  /** Who the service records as the actor of incidents it opens. */
  readonly detector?: Actor;
}

export interface UpdateOptions {
  readonly by: string;
  readonly note?: string | undefined;
  /** Checklist item ids to tick. */
  readonly tick?: readonly string[] | undefined;
}

/** Deterministic incident id from rule and dedupe key. */
export function incidentIdFor(dedupeKey: string): string {
  return `inc-${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 16)}`;
}

export class IncidentService {
  private readonly statePath: string;
  private readonly rules: readonly IncidentRule[];
  private readonly detector: Actor;

  constructor(
    readonly store: AuditStore,
    opts: IncidentServiceOptions = {},
  ) {
    this.statePath = join(opts.stateDir ?? '.attest', 'incidents', 'scan-state.json');
    this.rules = opts.rules ?? DEFAULT_RULES;
    this.detector = opts.detector ?? { id: 'attest-incident-scan', kind: 'service' };
  }

  /** All incidents, newest first. */
  async list(filter: { status?: IncidentStatus } = {}): Promise<Incident[]> {
    const all = [...(await this.incidents()).values()].reverse();
    return filter.status ? all.filter((i) => i.status === filter.status) : all;
  }

  async get(id: string): Promise<Incident | undefined> {
    return (await this.incidents()).get(id);
  }

  /** Run the rules over events since the last scan and open incidents for new matches. */
  async scan(opts: { batch?: number } = {}): Promise<ScanResult> {
    const saved = await readJsonFile<ScanState>(this.statePath);
    const sameRules = saved && saved.rules.join(',') === this.rules.map((r) => r.id).join(',');
    const fromSeq = sameRules ? saved.lastSeq : 0;
    const engine = new RuleEngine(this.rules, sameRules ? saved.engine : undefined);
    const known = new Set((await this.incidents()).keys());
    const opened: Incident[] = [];
    let deduped = 0;
    let seq = fromSeq;
    let scanned = 0;
    const pending: IncidentCandidate[] = [];
    const flush = async (): Promise<void> => {
      const fresh = pending.splice(0).filter((c) => {
        const id = incidentIdFor(c.dedupeKey);
        if (known.has(id)) {
          deduped += 1;
          return false;
        }
        known.add(id);
        return true;
      });
      if (fresh.length > 0) {
        const stored = await this.store.appendBatch(fresh.map((c) => this.openEvent(c)));
        opened.push(...foldIncidents(stored).values());
      }
      await writeJsonFile(this.statePath, { lastSeq: seq, engine: engine.state(), rules: this.rules.map((r) => r.id) } satisfies ScanState);
    };
    const limit = opts.batch ?? 5000;
    for (;;) {
      let n = 0;
      for await (const e of this.store.query({ afterSeq: seq, limit })) {
        pending.push(...engine.feed(e));
        seq = e.seq;
        n += 1;
      }
      scanned += n;
      await flush();
      if (n < limit) break;
    }
    return { fromSeq, toSeq: seq, scanned, opened, deduped };
  }

  async acknowledge(id: string, opts: UpdateOptions): Promise<Incident> {
    return this.transition(id, 'acknowledged', opts);
  }

  async close(id: string, opts: UpdateOptions): Promise<Incident> {
    return this.transition(id, 'closed', opts);
  }

  private async transition(id: string, to: IncidentStatus, opts: UpdateOptions): Promise<Incident> {
    const inc = await this.get(id);
    if (!inc) throw new AttestError('NOT_FOUND', 'no such incident (see `attest incident list`)', { where: id });
    if (inc.status === to && to === 'acknowledged') throw new AttestError('BAD_INPUT', 'incident is already acknowledged', { where: id });
    if (!canTransition(inc.status, to)) throw new AttestError('BAD_INPUT', `incident is ${inc.status}; cannot move it to ${to}`, { where: id });
    const valid = new Set(incidentCategory(inc.category).checklist.map((c) => c.id));
    const unknown = (opts.tick ?? []).filter((t) => !valid.has(t));
    if (unknown.length > 0) throw new AttestError('BAD_INPUT', `unknown checklist item ${unknown.join(', ')} for ${inc.category} (see \`attest incident show ${id}\`)`, { where: id });
    const data: IncidentRecordData = {
      incidentId: id,
      category: inc.category,
      severity: inc.severity,
      status: to,
      ...(opts.note ? { note: opts.note } : {}),
      ...(opts.tick?.length ? { ticked: [...opts.tick] } : {}),
    };
    await this.store.append({ type: 'incident.updated', actor: { id: opts.by, kind: 'user' }, source: 'attest-incident', data });
    const after = await this.get(id);
    if (!after) throw new AttestError('INTERNAL', `incident ${id} vanished after update`);
    return after;
  }

  private openEvent(c: IncidentCandidate): { type: 'incident.opened'; actor: Actor; source: string; data: IncidentRecordData } {
    const data: IncidentRecordData = {
      incidentId: incidentIdFor(c.dedupeKey),
      category: c.category,
      severity: c.severity,
      status: 'open',
      triggeredBy: c.triggeredBy,
      title: c.title,
      ruleId: c.ruleId,
      dedupeKey: c.dedupeKey,
    };
    return { type: 'incident.opened', actor: this.detector, source: 'attest-incident', data };
  }

  private async incidents(): Promise<Map<string, Incident>> {
    const events: StoredEvent[] = [];
    for await (const e of this.store.query({ types: ['incident.opened', 'incident.updated'] })) events.push(e);
    return foldIncidents(events);
  }
}
