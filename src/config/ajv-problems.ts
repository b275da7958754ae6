/**
 * Turn ajv errors into located, human-worded problems: the YAML node each error is about
 * gives the line and column; the wording says what was expected and what was found.
 */
import type { ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import { findProviderKeys } from '../signatures/provider-keys.js';
import type { ConfigProblem } from './config-problem.js';
import { CONFIG_SECTIONS } from './config-schema.js';

const MAX_SHOWN = 40;

/** A value as shown in a message: short strings quoted, never anything that looks like a key. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') {
    if (value.length > MAX_SHOWN || findProviderKeys(value).length > 0) return `a string of ${value.length} characters`;
    // A URL with user info may carry a password.
    if (value.includes('://') && value.includes('@')) return 'a URL with credentials (not shown)';
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

function segmentsOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^\d{1,9}$/.test(s) ? Number(s) : s));
}

/** `answers.foo`, `vendors[0].kind`. */
export function dottedPath(segments: readonly (string | number)[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function nodeAt(doc: Document, segments: readonly (string | number)[]): Node | undefined {
  if (segments.length === 0) return doc.contents ?? undefined;
  const n = doc.getIn(segments, true);
  return n && typeof n === 'object' && 'range' in n ? (n as Node) : undefined;
}

/** The key node of `prop` in the map at `segments` (for unknown keys). */
function keyNodeAt(doc: Document, segments: readonly (string | number)[], prop: string): Node | undefined {
  const map = nodeAt(doc, segments);
  if (!map || !isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === prop) return pair.key;
  }
  return undefined;
}

function position(lc: LineCounter, doc: Document, segments: readonly (string | number)[], node: Node | undefined): { line: number; column: number } {
  let n = node;
  for (let i = segments.length; !n?.range && i >= 0; i--) n = nodeAt(doc, segments.slice(0, i));
  const offset = n?.range?.[0] ?? 0;
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

function unknownKeyMessage(segments: readonly (string | number)[], known: readonly string[], prop: string): string {
  const where = segments.filter((s) => typeof s === 'string');
  const last = where[where.length - 1];
  const hint = nearest(prop, known);
  const suffix = hint ? ` (did you mean "${hint}"?)` : '';
  if (segments.length === 0) return hint ? `unknown section${suffix}` : `unknown section (expected one of ${CONFIG_SECTIONS.join(', ')})`;
  if (last === 'answers' && segments[0] === 'vendors') return `unknown vendor question${suffix}`;
  if (last === 'answers') return `unknown question${suffix}`;
  if (last === 'rules' && segments[0] === 'incidents' && segments.length === 2) return `unknown incident rule id${suffix}`;
  return `unknown key${suffix}`;
}

/** The known key closest to `word` by edit distance, if close enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.slice(0, 64), c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Convert ajv errors (run with allErrors) to problems, one per problem, in file order. */
export function ajvProblems(errors: readonly ErrorObject[], doc: Document, lc: LineCounter): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  // A failed oneOf/anyOf reports every branch too; keep the one summary line instead.
  const alternatives = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  for (const e of errors) {
    if (alternatives.some((a) => e.schemaPath.startsWith(a) && e.instancePath !== '')) continue;
    // A bad key name is reported by the name's own error (located at the key); skip the summary.
    if (e.keyword === 'propertyNames') continue;
    const segments = segmentsOf(e.instancePath);
    const value = segments.length === 0 ? doc.toJS() : doc.getIn(segments);
    let path = dottedPath(segments);
    let node = nodeAt(doc, segments);
    if (e.propertyName !== undefined) {
      node = keyNodeAt(doc, segments, e.propertyName) ?? node;
      path = dottedPath([...segments, e.propertyName]);
    }
    let message: string;
    switch (e.keyword) {
      case 'additionalProperties': {
        const prop = String((e.params as { additionalProperty: string }).additionalProperty);
        const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        node = keyNodeAt(doc, segments, prop) ?? node;
        path = dottedPath([...segments, prop]);
        message = unknownKeyMessage(segments, known, prop);
        break;
      }
      case 'type': {
        const t = (e.params as { type: string | string[] }).type;
        const expected = (Array.isArray(t) ? t : [t]).filter((x) => x !== 'null').join(' or ');
        message = `expected ${expected === 'object' ? 'a mapping' : expected === 'array' ? 'a list' : expected}, got ${describeValue(value)}`;
        break;
      }
      case 'enum': {
        const allowed = [...new Set((e.params as { allowedValues: unknown[] }).allowedValues.filter((v) => v !== null).map(String))];
        message = `expected one of ${allowed.join(', ')}, got ${describeValue(value)}`;
        break;
      }
      case 'required':
        message = `missing required key "${(e.params as { missingProperty: string }).missingProperty}"`;
        break;
      case 'minLength':
        message = 'must not be empty';
        break;
      case 'oneOf':
      case 'anyOf':
        message = `does not match any allowed form, got ${describeValue(value)}`;
        break;
      case 'pattern':
        message = `has the wrong format, got ${describeValue(value)}`;
        break;
      default:
        message = e.message ?? 'invalid';
    }
    // A section schema may word its own problem (`x-problem`); it never echoes the value (it may be a secret).
    const own = (e.parentSchema as { 'x-problem'?: unknown } | undefined)?.['x-problem'];
    if (typeof own === 'string' && (e.keyword === 'not' || e.keyword === 'pattern')) message = own;
    out.push({ path, ...position(lc, doc, segments, node), message });
  }
  const seen = new Set<string>();
  return out
    .filter((p) => {
      const k = `${p.line}:${p.column}:${p.path}:${p.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
