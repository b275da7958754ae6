/**
 * The JSON Schema of attest.yaml, composed from the catalog's questions (`answers:`), the
 * vendor questionnaire (`vendors:`) and the guard, audit, export and incidents sections' own schemas.
 */
import type { Control, ControlQuestion } from '../catalog/control.js';
import { VENDOR_KINDS, VENDOR_QUESTIONS } from '../assess/vendor/vendor-questionnaire.js';
import { auditSectionSchema, exportSectionSchema, guardSectionSchema, incidentsSectionSchema } from './section-schemas.js';

/** The top-level sections of attest.yaml, as the "unknown section" message lists them. */
export const CONFIG_SECTIONS = ['answers', 'guard', 'audit', 'export', 'incidents', 'vendors'] as const;

/**
 * A choice like "30" may be written as the YAML number 30: accept both spellings.
 * An empty value (`key:` with nothing after it, e.g. an uncommented template line) means unanswered.
 */
function questionSchema(q: Pick<ControlQuestion, 'type' | 'choices'>): object {
  switch (q.type) {
    case 'boolean':
      return { type: ['boolean', 'null'] };
    case 'text':
      return { type: ['string', 'null'] };
    case 'choice': {
      const choices = q.choices ?? [];
      const numeric = choices.filter((c) => /^-?\d{1,15}(\.\d{1,15})?$/.test(c)).map(Number);
      return { enum: [...choices, ...numeric, null] };
    }
  }
}

/** `answers:` — one property per catalog question; anything else is an unknown question. */
export function answersSchema(controls: readonly Control[]): object {
  const properties: Record<string, object> = {};
  for (const c of controls) for (const q of c.questions ?? []) properties[q.key] = questionSchema(q);
  return { type: ['object', 'null'], properties, additionalProperties: false };
}

/** `vendors:` — a list of vendors under review with their questionnaire answers. */
export function vendorsSchema(): object {
  const properties: Record<string, object> = {};
  for (const q of VENDOR_QUESTIONS) properties[q.key] = questionSchema(q);
  return {
    type: ['array', 'null'],
    items: {
      type: 'object',
      required: ['name', 'kind'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1 },
        kind: { enum: [...VENDOR_KINDS] },
        notes: { type: 'string' },
        answers: { type: ['object', 'null'], properties, additionalProperties: false },
      },
    },
  };
}

/** The whole attest.yaml schema. */
export function attestConfigSchema(controls: readonly Control[]): object {
  return {
    type: ['object', 'null'],
    additionalProperties: false,
    properties: {
      answers: answersSchema(controls),
      guard: guardSectionSchema,
      audit: auditSectionSchema,
      vendors: vendorsSchema(),
      export: exportSectionSchema,
      incidents: incidentsSectionSchema,
    },
  };
}
