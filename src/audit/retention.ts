/**
 * Retention with legal holds. Events are removed only as whole checkpointed segments, and
 * only when every event in the segment is older than the retention cut-off and none matches
 * a legal hold; each removal leaves a signed prune record (the segment's checkpoint stays),
 * so `verify` checks the record and carries on from the checkpoint's signed chain heads.
 */

/** Events matching every given criterion are held (a hold with no criteria holds everything). */
export interface LegalHold {
  readonly id: string;
  readonly actor?: string;
  readonly session?: string;
  /** ISO 8601, inclusive. */
  readonly since?: string;
  /** ISO 8601, exclusive. */
  readonly until?: string;
  readonly reason?: string;
  readonly createdAt?: string;
}

/** The fields of an event a hold looks at. */
export interface HoldSubject {
  readonly actorId: string | null;
  readonly session: string | null;
  /** ISO 8601 UTC (the store normalises event times). */
  readonly time: string;
}

/** Does `hold` cover this event? */
export function holdMatches(hold: LegalHold, e: HoldSubject): boolean {
  if (hold.actor !== undefined && hold.actor !== e.actorId) return false;
  if (hold.session !== undefined && hold.session !== e.session) return false;
  const t = Date.parse(e.time);
  if (hold.since !== undefined && t < Date.parse(hold.since)) return false;
  if (hold.until !== undefined && t >= Date.parse(hold.until)) return false;
  return true;
}

export interface RetentionResult {
  /** Checkpoint numbers whose segments were pruned in this run. */
  readonly prunedCheckpoints: number[];
  readonly eventsRemoved: number;
  /** Segments old enough to prune but kept because of a legal hold. */
  readonly heldCheckpoints: number[];
  readonly cutoff: string;
}
