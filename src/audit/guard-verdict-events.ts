/**
 * The bridge from a guard verdict (`attest/guard` scan()) to audit events: one `guard.verdict`
 * event per detector that fired, carrying its strongest action and score, its categories and its
 * control id. The gateway, the MCP proxy and `attest guard scan` record verdicts through this, so
 * the incident rules (src/audit/incidents/default-rules.ts) see one vocabulary.
 */
import type { Verdict } from '../guard/scanner.js';
import { ACTION_RANK as RANK, type GuardAction } from '../guard/detection.js';
import type { Actor, AuditEventInput } from './event.js';

export interface VerdictContext {
  readonly stage: 'input' | 'retrieved' | 'tool-result' | 'output';
  readonly actor?: Actor;
  readonly session?: string;
  readonly requestId?: string;
  readonly source?: string;
  readonly time?: string;
}

/** `guard.verdict` events for a verdict: none when nothing was detected. */
export function guardVerdictEvents(verdict: Verdict, ctx: VerdictContext): AuditEventInput[] {
  const byDetector = new Map<string, { action: GuardAction; score: number; categories: string[]; controlId: string }>();
  for (const d of verdict.detections) {
    const cur = byDetector.get(d.detector);
    if (!cur) {
      byDetector.set(d.detector, { action: d.action, score: d.score, categories: [d.category], controlId: d.controlId });
      continue;
    }
    if (RANK[d.action] > RANK[cur.action]) {
      cur.action = d.action;
      cur.controlId = d.controlId;
    }
    cur.score = Math.max(cur.score, d.score);
    if (!cur.categories.includes(d.category)) cur.categories.push(d.category);
  }
  return [...byDetector].map(([detector, v]) => ({
    type: 'guard.verdict' as const,
    ...(ctx.time !== undefined && { time: ctx.time }),
    ...(ctx.actor !== undefined && { actor: ctx.actor }),
    ...(ctx.session !== undefined && { session: ctx.session }),
    ...(ctx.requestId !== undefined && { requestId: ctx.requestId }),
    source: ctx.source ?? 'guard',
    data: {
      detector,
      action: v.action,
      score: Math.round(v.score * 1000) / 1000,
      categories: v.categories,
      controlId: v.controlId,
      stage: ctx.stage,
      ...(ctx.requestId !== undefined && { requestId: ctx.requestId }),
    },
  }));
}
