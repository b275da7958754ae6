/**
 * Thin helpers over the `yaml` package's node tree, so deployment scanners can read values and
 * the 1-based line each came from.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { AttestError } from '../../../core/errors.js';

export interface YamlFile {
  readonly docs: readonly Document.Parsed[];
  /** 1-based line of a node (its start), or undefined for synthetic nodes. */
  lineOf(node: unknown): number | undefined;
}

/** Parse every document in `text`; a syntax error is a BAD_INPUT problem with its line. */
export function parseYaml(text: string, path: string): YamlFile {
  const lc = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  for (const d of docs) {
    const err = d.errors[0];
    if (err) {
      const first = err.message.split('\n')[0] ?? err.message;
      throw new AttestError('BAD_INPUT', `invalid YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`, { where: path, ...(err.linePos ? { line: err.linePos[0].line } : {}) });
    }
  }
  return {
    docs,
    lineOf(node: unknown): number | undefined {
      const range = (node as { range?: [number, number, number] } | null)?.range;
      return range ? lc.linePos(range[0]).line : undefined;
    },
  };
}

/** The value node under `key` of a mapping node, or undefined. */
export function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    if (k === key) return (pair.value ?? undefined) as Node | undefined;
  }
  return undefined;
}

/** Follow a chain of keys. */
export function path(node: unknown, ...keys: string[]): Node | undefined {
  let cur: unknown = node;
  for (const k of keys) cur = get(cur, k);
  return cur as Node | undefined;
}

/** A scalar's value as a string (numbers and booleans too), else undefined. */
export function str(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** Items of a sequence node (empty for anything else). */
export function items(node: unknown): readonly unknown[] {
  return isSeq(node) ? node.items : [];
}

/** Key/value pairs of a mapping node as [key string, value node]. */
export function entries(node: unknown): Array<[string, Node | undefined]> {
  if (!isMap(node)) return [];
  return node.items.flatMap((p) => {
    const k = str(p.key);
    return k === undefined ? [] : [[k, (p.value ?? undefined) as Node | undefined] as [string, Node | undefined]];
  });
}

export { isMap, isScalar, isSeq };
