// Test-only builders for realistic event sequences.
import type { Actor, AuditEventInput, StoredEvent } from '../../event.js';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');

/** ISO time `min` minutes after a fixed start. */
export const at = (min: number): string => new Date(T0 + min * 60_000).toISOString();

export const user = (id: string, tenant = 'acme'): Actor => ({ id, kind: 'user', tenant });

/** Seal inputs into StoredEvents with sequential seq and ids `e1`, `e2`, … (for pure engine tests). */
export function seal(inputs: readonly AuditEventInput[]): StoredEvent[] {
  return inputs.map((e, i) => ({ ...e, v: 1, id: `e${i + 1}`, seq: i + 1, time: e.time ?? at(i), writer: 'w', index: i, prevHash: '0'.repeat(64), hash: 'f'.repeat(64) }) as StoredEvent);
}
