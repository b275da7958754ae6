/**
 * Validates untrusted JSON as an `AuditEventInput` (ajv, one compiled schema per type) and
 * reports the first problem as `path: message`, e.g. `data.outcome: must be one of allowed, denied, …`.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { sha256Hex } from './_sha256.js';
import { EVENT_TYPES, type AuditEventInput, type AuditEventType, type ContentBody } from './event.js';
import { eventSchemaFor } from './event-schema.js';

export type EventValidation = { readonly ok: true; readonly event: AuditEventInput } | { readonly ok: false; readonly message: string };

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;

let compiled: Map<AuditEventType, ValidateFunction> | undefined;

function validators(): Map<AuditEventType, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: false, strict: true });
  addFormats(ajv);
  compiled = new Map(EVENT_TYPES.map((t) => [t, ajv.compile(eventSchemaFor(t))]));
  return compiled;
}

function describe(err: ErrorObject): string {
  const path = err.instancePath.split('/').filter(Boolean).join('.');
  let msg = err.message ?? 'is invalid';
  if (err.keyword === 'enum') msg = `must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (err.keyword === 'additionalProperties') msg = `unknown property "${(err.params as { additionalProperty: string }).additionalProperty}"`;
  if (err.keyword === 'required') return `${path ? `${path}.` : ''}${(err.params as { missingProperty: string }).missingProperty}: is required`;
  return `${path || '(event)'}: ${msg}`;
}

const BODY_FIELDS = ['prompt', 'output', 'arguments', 'query'] as const;

/** Validate one parsed JSON value as an event input. */
export function validateEventInput(value: unknown): EventValidation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: '(event): must be a JSON object' };
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    return { ok: false, message: `type: must be one of ${EVENT_TYPES.join(', ')}` };
  }
  const validate = validators().get(type as AuditEventType)!;
  if (!validate(value)) return { ok: false, message: describe(validate.errors![0]!) };
  const data = (value as { data: Record<string, unknown> }).data;
  for (const f of BODY_FIELDS) {
    const body = data[f] as ContentBody | undefined;
    if (!body) continue;
    if (body.mode === 'hash' && body.text !== undefined) return { ok: false, message: `data.${f}.text: must be absent when mode is hash` };
    if (body.mode !== 'hash' && body.text === undefined) return { ok: false, message: `data.${f}.text: is required when mode is ${body.mode}` };
    if (body.mode === 'store' && sha256Hex(body.text!) !== body.sha256) return { ok: false, message: `data.${f}.sha256: does not match text` };
  }
  return { ok: true, event: value as AuditEventInput };
}
