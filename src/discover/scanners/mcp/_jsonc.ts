/**
 * JSON with comments and trailing commas (VS Code, Zed, opencode settings), parsed by first
 * blanking comments (newlines kept, so line numbers survive) and dropping trailing commas, in one
 * linear scan that respects string literals.
 */
import { AttestError } from '../../../core/errors.js';

/** Remove `//` and block comments and trailing commas outside strings; keep every newline. */
export function stripJsonc(text: string): string {
  const out: string[] = [];
  let i = 0;
  let inString = false;
  let pendingComma = -1; // index in `out` of a comma that may turn out to be trailing
  while (i < text.length) {
    const c = text[i] ?? '';
    if (inString) {
      out.push(c);
      if (c === '\\' && i + 1 < text.length) {
        out.push(text[i + 1] ?? '');
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] === '\n') out.push('\n');
        i++;
      }
      i += 2;
      continue;
    }
    if (c === '}' || c === ']') {
      if (pendingComma !== -1) out[pendingComma] = ' ';
      pendingComma = -1;
    } else if (c === ',') {
      pendingComma = out.length;
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      pendingComma = -1;
    }
    if (c === '"') inString = true;
    out.push(c);
    i++;
  }
  return out.join('');
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parse JSON or JSONC; a syntax error is a one-line BAD_INPUT with its line. */
export function parseJsonc(text: string, path: string): unknown {
  const clean = stripJsonc(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  try {
    return JSON.parse(clean);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d{1,10})/.exec(msg);
    const lineCol = /line (\d{1,10})/.exec(msg);
    const line = pos ? lineAt(clean, Number(pos[1])) : lineCol ? Number(lineCol[1]) : undefined;
    // The parser's message can quote the input (a secret): report only the position.
    throw new AttestError('BAD_INPUT', 'invalid JSON (syntax error)', { where: path, ...(line !== undefined ? { line } : {}) });
  }
}
