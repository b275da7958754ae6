import { AttestError } from '../core/errors.js';
import type { Control } from './control.js';
import type { ControlId } from './control-ids.js';

/** The Attest AI control catalog (being filled in by the lead; see control-ids.ts for the ids). */
export const CONTROLS: readonly Control[] = [];

const BY_ID = new Map(CONTROLS.map((c) => [c.id, c]));

export function getControl(id: ControlId): Control {
  const c = BY_ID.get(id);
  if (!c) throw new AttestError('NOT_FOUND', `unknown control ${id}`);
  return c;
}
