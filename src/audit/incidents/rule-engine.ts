/**
 * Runs incident rules over events in `seq` order, incrementally. Its state (pending sequence
 * starts, threshold windows, novelty history) is plain JSON so a scan can persist it and the
 * next scan continues where the last stopped. Pure: no I/O, no clock (event times only).
 */
import type { StoredEvent } from '../event.js';
import { keyOf, matches, type IncidentRule, type NoveltyRule, type SequenceRule, type ThresholdRule } from './incident-rule.js';
import { incidentCategory, type IncidentCategoryId, type IncidentSeverity } from './taxonomy.js';

/** A rule fired: the service turns new ones into incidents. */
export interface IncidentCandidate {
  readonly ruleId: string;
  readonly category: IncidentCategoryId;
  readonly severity: IncidentSeverity;
  readonly title: string;
  /** Same rule + same key = same incident. */
  readonly dedupeKey: string;
  /** Time of the event that completed the match. */
  readonly time: string;
  /** Event ids that make up the match, oldest first. */
  readonly triggeredBy: readonly string[];
}

interface Pending {
  readonly id: string;
  readonly t: number;
  readonly same: readonly string[];
}

export interface EngineState {
  readonly v: 1;
  pending: Record<string, Record<string, Pending[]>>;
  windows: Record<string, Record<string, [number, number, string][]>>;
  seen: Record<string, Record<string, { n: number; values: string[] }>>;
}

const MAX_KEYS = 10_000;
const MAX_PER_KEY = 100;
const MAX_VALUES = 200;

export function emptyEngineState(): EngineState {
  return { v: 1, pending: {}, windows: {}, seen: {} };
}

/** Keep a record map bounded: drop the oldest-inserted keys beyond the cap. */
function bound<T>(rec: Record<string, T>): void {
  const keys = Object.keys(rec);
  for (let i = 0; i < keys.length - MAX_KEYS; i++) delete rec[keys[i] as string];
}

export class RuleEngine {
  private readonly s: EngineState;

  constructor(
    readonly rules: readonly IncidentRule[],
    state?: EngineState,
  ) {
    this.s = state ? (JSON.parse(JSON.stringify(state)) as EngineState) : emptyEngineState();
  }

  /** A copy of the state to persist. */
  state(): EngineState {
    return JSON.parse(JSON.stringify(this.s)) as EngineState;
  }

  /** Feed one event (in seq order); returns the rules it made fire. */
  feed(e: StoredEvent): IncidentCandidate[] {
    if (e.type === 'incident.opened' || e.type === 'incident.updated') return [];
    const out: IncidentCandidate[] = [];
    for (const rule of this.rules) {
      switch (rule.kind) {
        case 'single':
          if (matches(rule.match, e)) out.push(this.candidate(rule, e, [e.id], ''));
          break;
        case 'sequence':
          this.sequence(rule, e, out);
          break;
        case 'threshold':
          this.threshold(rule, e, out);
          break;
        case 'novelty':
          this.novelty(rule, e, out);
          break;
      }
    }
    return out;
  }

  private candidate(rule: IncidentRule, e: StoredEvent, ids: readonly string[], extra: string): IncidentCandidate {
    const key = [...rule.dedupe.map((p) => keyOf(e, p)), extra].join('|');
    return {
      ruleId: rule.id,
      category: rule.category,
      severity: rule.severity ?? incidentCategory(rule.category).severity,
      title: rule.title,
      dedupeKey: `${rule.id}|${key}`,
      time: e.time,
      triggeredBy: ids,
    };
  }

  private sequence(rule: SequenceRule, e: StoredEvent, out: IncidentCandidate[]): void {
    const corr = keyOf(e, rule.correlate);
    if (!corr) return;
    const t = Date.parse(e.time);
    const byKey = (this.s.pending[rule.id] ??= {});
    const live = (byKey[corr] ?? []).filter((p) => t - p.t <= rule.withinMs);
    const same = (rule.same ?? []).map((p) => keyOf(e, p));
    let rest = live;
    if (rule.unless && matches(rule.unless, e)) {
      rest = [];
    } else if (matches(rule.then, e)) {
      const hit = live.filter((p) => p.same.every((v, i) => v === same[i]));
      if (hit.length > 0) {
        out.push(this.candidate(rule, e, [...hit.map((p) => p.id), e.id], ''));
        rest = live.filter((p) => !hit.includes(p));
      }
    }
    if (matches(rule.first, e)) rest = [...rest, { id: e.id, t, same }].slice(-MAX_PER_KEY);
    if (rest.length > 0) byKey[corr] = rest;
    else delete byKey[corr];
    bound(byKey);
  }

  private threshold(rule: ThresholdRule, e: StoredEvent, out: IncidentCandidate[]): void {
    if (!matches(rule.match, e)) return;
    const group = keyOf(e, rule.groupBy);
    const t = Date.parse(e.time);
    const amount = rule.sum === undefined ? 1 : Number(keyOf(e, rule.sum)) || 0;
    const byKey = (this.s.windows[rule.id] ??= {});
    const win = (byKey[group] ?? []).filter(([at]) => t - at < rule.windowMs);
    win.push([t, amount, e.id]);
    const total = win.reduce((n, [, v]) => n + v, 0);
    if (total >= rule.atLeast) {
      // One incident per group per window-sized bucket; the window restarts after firing.
      out.push(this.candidate(rule, e, win.slice(-20).map(([, , id]) => id), String(Math.floor(t / rule.windowMs))));
      delete byKey[group];
    } else {
      byKey[group] = win.slice(-10_000);
    }
    bound(byKey);
  }

  private novelty(rule: NoveltyRule, e: StoredEvent, out: IncidentCandidate[]): void {
    if (!matches(rule.match, e)) return;
    const group = keyOf(e, rule.groupBy);
    const value = keyOf(e, rule.value);
    const byKey = (this.s.seen[rule.id] ??= {});
    const h = (byKey[group] ??= { n: 0, values: [] });
    if (!h.values.includes(value)) {
      if (h.n >= rule.minHistory) out.push(this.candidate(rule, e, [e.id], ''));
      h.values = [...h.values, value].slice(-MAX_VALUES);
    }
    h.n += 1;
    bound(byKey);
  }
}
