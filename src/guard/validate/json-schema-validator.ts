import { Ajv, type ValidateFunction } from 'ajv';

/** A JSON Schema object (draft-07 / 2019-09 subset ajv supports by default). */
export type JsonSchema = Record<string, unknown>;

export interface SchemaIssue {
  /** JSON Pointer into the output (`/items/0/price`), `` for the root, or `(parse)` when not JSON. */
  readonly path: string;
  readonly message: string;
}

export type SchemaResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: readonly SchemaIssue[] };

const ajv = new Ajv({ allErrors: true, strict: false });
const byId = new Map<string, ValidateFunction>();
const byObject = new WeakMap<object, ValidateFunction>();

/** Compile once: cached by `$id` when the schema has one, else by object identity. */
function compiled(schema: JsonSchema): ValidateFunction {
  const id = typeof schema.$id === 'string' ? schema.$id : undefined;
  const hit = id !== undefined ? byId.get(id) : byObject.get(schema);
  if (hit) return hit;
  const fn = id !== undefined ? (ajv.getSchema(id) ?? ajv.compile(schema)) : ajv.compile(schema);
  if (id !== undefined) byId.set(id, fn);
  else byObject.set(schema, fn);
  return fn;
}

/** Models often wrap JSON in a ```json fence; take the fenced body when the whole output is one. */
function unfence(text: string): string {
  const t = text.trim();
  if (!t.startsWith('```')) return t;
  const firstNl = t.indexOf('\n');
  const close = t.lastIndexOf('```');
  return firstNl > 0 && close > firstNl ? t.slice(firstNl + 1, close).trim() : t;
}

/**
 * Validate a model's structured output against a JSON Schema before it triggers an action (AI-VAL-01).
 * @example
 * const r = validateStructuredOutput('{"amount": -5}', { $id: 'refund', type: 'object', properties: { amount: { type: 'number', minimum: 0 } } });
 * // r.ok === false, r.issues[0] = { path: '/amount', message: 'must be >= 0' }
 */
export function validateStructuredOutput(text: string, schema: JsonSchema): SchemaResult {
  let value: unknown;
  try {
    value = JSON.parse(unfence(text));
  } catch (err) {
    return { ok: false, issues: [{ path: '(parse)', message: `not JSON: ${(err as Error).message}` }] };
  }
  const validate = compiled(schema);
  if (validate(value)) return { ok: true, value };
  const issues = (validate.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
    return { path: e.instancePath, message: `${e.message ?? e.keyword}${extra}` };
  });
  return { ok: false, issues };
}
