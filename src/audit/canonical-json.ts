/**
 * Canonical JSON: the byte string every audit hash and signature is computed over.
 *
 * Rules (a subset of RFC 8785 JCS that our event model needs):
 * - object keys sorted by UTF-16 code unit order (JavaScript's default sort), no duplicates;
 * - no whitespace anywhere;
 * - strings and numbers serialised exactly as `JSON.stringify` does (finite numbers only);
 * - `undefined` object members are omitted (as `JSON.stringify` does); `undefined` in arrays,
 *   functions, symbols, bigints and non-finite numbers are rejected, so two implementations
 *   cannot silently disagree.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

const MAX_DEPTH = 64;

// String concatenation (V8 ropes) and one sort of the few keys per object:
// this runs once per appended event and once per verified one, so it is kept allocation-light.
function write(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new TypeError('canonical JSON: nesting deeper than 64 levels');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON: non-finite number');
      return JSON.stringify(value);
    case 'object':
      break;
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new TypeError(`canonical JSON: cannot encode a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) throw new TypeError('canonical JSON: undefined array element');
      out += (i > 0 ? ',' : '') + write(value[i], depth + 1);
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(k)}:${write(v, depth + 1)}`;
    first = false;
  }
  return `${out}}`;
}
