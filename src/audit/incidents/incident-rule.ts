/**
 * Declarative incident rules: data, not code. A rule matches events by type and conditions on
 * dotted paths, in one of four shapes:
 * - `single`: one event opens an incident;
 * - `sequence`: a `first` event followed by a `then` event with the same correlation value
 *   (request, session, approval id…) within a window, unless an `unless` event came in between;
 * - `threshold`: the count (or the sum of a numeric field) of matching events per group within a
 *   sliding window reaches a limit;
 * - `novelty`: a value never seen for a group (e.g. a key's source IP) after some history.
 * Each rule names the fields that make two triggers "the same incident" (`dedupe`).
 */
import type { AuditEventType, StoredEvent } from '../event.js';
import type { IncidentCategoryId, IncidentSeverity } from './taxonomy.js';

type Scalar = string | number | boolean;

/** One test on the value at `path` (dotted; `$.`-prefixed `ref` paths point at the event root). */
export interface Condition {
  readonly path: string;
  readonly eq?: Scalar;
  readonly ne?: Scalar;
  readonly in?: readonly Scalar[];
  /** The value is an array containing any of these (case-insensitive for strings). */
  readonly includesAny?: readonly string[];
  /** The value is a string containing any of these substrings (case-insensitive). */
  readonly containsAny?: readonly string[];
  readonly exists?: boolean;
  /** Differs from the value at another path of the same event (`$.actor.tenant`). */
  readonly neRef?: string;
  /** The value is an array with at least one element meeting all these conditions. */
  readonly some?: readonly Condition[];
  /** Invert the whole condition (e.g. "categories include none of …"). */
  readonly not?: boolean;
}

export interface EventPattern {
  readonly type: AuditEventType | readonly AuditEventType[];
  /** Every condition must hold. */
  readonly where?: readonly Condition[];
  /** When present, at least one group must hold entirely (alternatives, e.g. Attest's and other producers' vocabularies). */
  readonly anyOf?: readonly (readonly Condition[])[];
}

interface RuleBase {
  readonly id: string;
  readonly category: IncidentCategoryId;
  /** Overrides the category's default severity. */
  readonly severity?: IncidentSeverity;
  readonly title: string;
  /** Paths (on the triggering event) whose values identify one incident. */
  readonly dedupe: readonly string[];
}

export interface SingleRule extends RuleBase {
  readonly kind: 'single';
  readonly match: EventPattern;
}
export interface SequenceRule extends RuleBase {
  readonly kind: 'sequence';
  readonly first: EventPattern;
  readonly then: EventPattern;
  /** Correlation path on both events (e.g. `requestId`, `session`, `data.approvalId`). */
  readonly correlate: string;
  /** Paths whose values must also be equal on both events (e.g. `data.tool`). */
  readonly same?: readonly string[];
  /** An event of this pattern with the same correlation value cancels pending `first` events. */
  readonly unless?: EventPattern;
  readonly withinMs: number;
}
export interface ThresholdRule extends RuleBase {
  readonly kind: 'threshold';
  readonly match: EventPattern;
  readonly groupBy: string;
  /** Numeric path to sum; absent = count events. */
  readonly sum?: string;
  readonly atLeast: number;
  readonly windowMs: number;
}
export interface NoveltyRule extends RuleBase {
  readonly kind: 'novelty';
  readonly match: EventPattern;
  readonly groupBy: string;
  readonly value: string;
  /** Events seen for the group before a new value counts as novel. */
  readonly minHistory: number;
}
export type IncidentRule = SingleRule | SequenceRule | ThresholdRule | NoveltyRule;

/** Value at a dotted path; walking stops (undefined) at anything that is not an object. */
export function valueAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const key of (path.startsWith('$.') ? path.slice(2) : path).split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

const lower = (v: unknown): unknown => (typeof v === 'string' ? v.toLowerCase() : v);

function test(c: Condition, scope: unknown, root: unknown): boolean {
  return c.not === true ? !holds(c, scope, root) : holds(c, scope, root);
}

function holds(c: Condition, scope: unknown, root: unknown): boolean {
  const v = valueAt(scope, c.path);
  if (c.exists !== undefined && (v !== undefined && v !== null) !== c.exists) return false;
  if (c.eq !== undefined && v !== c.eq) return false;
  if (c.ne !== undefined && v === c.ne) return false;
  if (c.in !== undefined && !c.in.includes(v as Scalar)) return false;
  if (c.includesAny !== undefined) {
    if (!Array.isArray(v)) return false;
    const want = new Set(c.includesAny.map((s) => s.toLowerCase()));
    if (!v.some((x) => want.has(lower(x) as string))) return false;
  }
  if (c.containsAny !== undefined) {
    if (typeof v !== 'string') return false;
    const s = v.toLowerCase();
    if (!c.containsAny.some((needle) => s.includes(needle.toLowerCase()))) return false;
  }
  if (c.neRef !== undefined) {
    const other = valueAt(root, c.neRef);
    if (v === undefined || other === undefined || v === other) return false;
  }
  if (c.some !== undefined) {
    if (!Array.isArray(v)) return false;
    const conds = c.some;
    if (!v.some((el) => conds.every((cc) => test(cc, el, root)))) return false;
  }
  return true;
}

/** Does the event match the pattern? */
export function matches(p: EventPattern, e: StoredEvent): boolean {
  const types: readonly AuditEventType[] = typeof p.type === 'string' ? [p.type] : p.type;
  if (!types.includes(e.type)) return false;
  if (!(p.where ?? []).every((c) => test(c, e, e))) return false;
  return p.anyOf === undefined || p.anyOf.some((group) => group.every((c) => test(c, e, e)));
}

/** A path's value as a string key ('' when absent). */
export function keyOf(e: StoredEvent, path: string): string {
  const v = valueAt(e, path);
  return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}
