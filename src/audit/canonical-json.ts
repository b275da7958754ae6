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
  const out: string[] = [];
  write(value, out, 0);
  return out.join('');
}

const MAX_DEPTH = 64;

function write(value: unknown, out: string[], depth: number): void {
  if (depth > MAX_DEPTH) throw new TypeError('canonical JSON: nesting deeper than 64 levels');
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON: non-finite number');
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new TypeError(`canonical JSON: cannot encode a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      if (value[i] === undefined) throw new TypeError('canonical JSON: undefined array element');
      write(value[i], out, depth + 1);
    }
    out.push(']');
    return;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  out.push('{');
  keys.forEach((k, i) => {
    if (i > 0) out.push(',');
    out.push(JSON.stringify(k), ':');
    write(obj[k], out, depth + 1);
  });
  out.push('}');
}
