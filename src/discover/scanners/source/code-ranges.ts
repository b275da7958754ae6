/**
 * Extents in the code view (strings and comments already blanked, so brackets inside them do
 * not count): a call's parentheses, a block's braces, a Python body by indentation, and the
 * body of a named function. Every scan is bounded by MAX_SCAN characters.
 */
import type { SourceLanguage } from './source-lexer.js';

export const MAX_SCAN = 20_000;

export interface Extent {
  readonly start: number;
  readonly end: number;
}

/** From the first `open` at or after `from`, the offset just past its matching `close`. */
export function matchBracket(code: string, from: number, open: string, close: string): Extent | undefined {
  const start = code.indexOf(open, from);
  if (start < 0 || start - from > MAX_SCAN) return undefined;
  const limit = Math.min(code.length, start + MAX_SCAN);
  let depth = 0;
  for (let i = start; i < limit; i++) {
    const c = code[i];
    if (c === open) depth++;
    else if (c === close && --depth === 0) return { start: from, end: i + 1 };
  }
  return { start: from, end: limit };
}

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n++;
  return n;
}

/** A Python block headed by the line at `headerOffset`: the header and every more-indented line after it. */
export function pythonBlock(code: string, headerOffset: number): Extent {
  const lineStart = code.lastIndexOf('\n', headerOffset - 1) + 1;
  let nl = code.indexOf('\n', headerOffset);
  const base = indentOf(code.slice(lineStart, nl < 0 ? code.length : nl));
  // The header may span lines while its parentheses are open.
  const sig = matchBracket(code, headerOffset, '(', ')');
  if (sig && sig.end > 0) nl = code.indexOf('\n', sig.end);
  let end = nl < 0 ? code.length : nl;
  const limit = Math.min(code.length, headerOffset + MAX_SCAN);
  while (nl >= 0 && nl < limit) {
    const next = code.indexOf('\n', nl + 1);
    const line = code.slice(nl + 1, next < 0 ? code.length : next);
    if (line.trim() !== '') {
      if (indentOf(line) <= base) break;
      end = next < 0 ? code.length : next;
    }
    nl = next;
  }
  return { start: lineStart, end };
}

const IDENT = /^[A-Za-z_$][\w$]{0,80}$/;

/** The body of function `name` defined in this file (def / function / const = / func), if any. */
export function functionBody(code: string, lang: SourceLanguage, name: string): Extent | undefined {
  if (!IDENT.test(name)) return undefined;
  const heads: string[] =
    lang === 'python' ? [`def ${name}(`] : lang === 'go' ? [`func ${name}(`] : [`function ${name}(`, `const ${name} =`, `let ${name} =`, `${name}(`];
  for (const head of heads) {
    let at = code.indexOf(head);
    while (at >= 0) {
      const prev = at > 0 ? code[at - 1] ?? ' ' : ' ';
      if (!/[\w$.]/.test(prev)) {
        if (lang === 'python') return pythonBlock(code, at);
        const body = matchBracket(code, at, '{', '}');
        // `name(` must be a declaration: its `{` comes before the next `;`.
        const semi = code.indexOf(';', at);
        if (body && (head !== `${name}(` || semi < 0 || code.indexOf('{', at) < semi)) return { start: at, end: body.end };
      }
      at = code.indexOf(head, at + head.length);
    }
  }
  return undefined;
}
