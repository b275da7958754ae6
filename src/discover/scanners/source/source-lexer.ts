/**
 * A small, linear-time lexer for the languages the source scanners read. It does not parse;
 * it finds comments and string literals so detectors never mistake a comment, a docstring or
 * prose in a string for code. Every view keeps the original length and newlines, so an offset
 * in a view is an offset in the file.
 */

export type SourceLanguage = 'js' | 'python' | 'go' | 'java' | 'kotlin' | 'csharp';

export interface StringLiteral {
  /** Raw contents between the quotes (escapes left as written). */
  readonly value: string;
  /** Offset of the opening quote. */
  readonly start: number;
  /** Offset just past the closing quote. */
  readonly end: number;
  /** 1-based line of the opening quote. */
  readonly line: number;
}

export interface LexedSource {
  readonly text: string;
  /** Comments and string contents blanked (quotes kept): what detectors match code against. */
  readonly code: string;
  /** Comments blanked, strings kept: for option values such as `human_input_mode="ALWAYS"`. */
  readonly noComments: string;
  readonly strings: readonly StringLiteral[];
  /** Offset of each line start; `lineStarts[0] === 0`. */
  readonly lineStarts: readonly number[];
}

type Range = readonly [start: number, end: number];

const NL = 10;
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const BACKTICK = 96;

/** Characters that can start a comment, string or regex; everything else is skipped fast. */
const SPECIAL = new Uint8Array(128);
for (const ch of '#/"\'`') SPECIAL[ch.charCodeAt(0)] = 1;

/** Characters after which a `/` in JS starts a regular expression rather than a division. */
const REGEX_PRECEDERS = new Set('(,=:[!&|?{};+-*%<>~^'.split('').map((c) => c.charCodeAt(0)));

/** 1-based line of `offset` by binary search. */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Same length, newlines kept, everything else a space (one repeat per line, not one regex match per char). */
function spaces(segment: string): string {
  if (!segment.includes('\n')) return ' '.repeat(segment.length);
  return segment
    .split('\n')
    .map((part) => ' '.repeat(part.length))
    .join('\n');
}

function blank(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  const out: string[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    out.push(text.slice(pos, s), spaces(text.slice(s, e)));
    pos = e;
  }
  out.push(text.slice(pos));
  return out.join('');
}

/** End of a quoted string that may not span lines; returns the offset of the closing quote (or the line end). */
function endOfQuoted(text: string, from: number, quote: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === quote || c === NL) return i;
    else i++;
  }
  return text.length;
}

/** End of a block delimited by `close` (comment end, triple quote, raw string); returns offset just past it. */
function endOfBlock(text: string, from: number, close: string, escapes: boolean): number {
  if (!escapes) {
    const j = text.indexOf(close, from);
    return j < 0 ? text.length : j + close.length;
  }
  const first = close.charCodeAt(0);
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === first && text.startsWith(close, i)) return i + close.length;
    else i++;
  }
  return text.length;
}

/** JS template literal: skips `${ … }` with nested braces and strings; returns offset just past the closing backtick. */
function endOfTemplate(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === BACKTICK) return i + 1;
    else if (c === 36 /* $ */ && text.charCodeAt(i + 1) === 123 /* { */) {
      let depth = 1;
      i += 2;
      while (i < text.length && depth > 0) {
        const d = text.charCodeAt(i);
        if (d === 123) depth++;
        else if (d === 125) depth--;
        else if (d === 39 || d === 34) i = endOfQuoted(text, i + 1, d);
        else if (d === BACKTICK) i = endOfTemplate(text, i + 1) - 1;
        i++;
      }
    } else i++;
  }
  return text.length;
}

function prevSignificant(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0) {
    const c = text.charCodeAt(j);
    if (c !== 32 && c !== 9 && c !== 13 && c !== NL) return c;
    j--;
  }
  return -1;
}

/** Regex literal from `/` at `from`; returns offset past the closing `/` or -1 if it is not one on this line. */
function endOfRegex(text: string, from: number): number {
  let i = from + 1;
  let inClass = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === NL) return -1;
    if (c === BACKSLASH) i += 2;
    else if (c === 91) {
      inClass = true;
      i++;
    } else if (c === 93) {
      inClass = false;
      i++;
    }
    else if (c === SLASH && !inClass) return i + 1;
    else i++;
  }
  return -1;
}

/**
 * Lex `text` as `lang`. Python triple-quoted strings (docstrings, prompt prose) are treated as
 * comments: they are neither code nor string literals for the detectors.
 */
export function lexSource(text: string, lang: SourceLanguage): LexedSource {
  const comments: Range[] = [];
  const contents: Range[] = [];
  const strings: StringLiteral[] = [];
  const lineStarts: number[] = [0];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) lineStarts.push(k + 1);
  const addString = (start: number, cs: number, ce: number, end: number): void => {
    if (ce > cs) contents.push([cs, ce]);
    strings.push({ value: text.slice(cs, ce), start, end, line: lineAt(lineStarts, start) });
  };
  const hashComments = lang === 'python';
  const slashComments = !hashComments;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128 || SPECIAL[c] !== 1) {
      i++;
      continue;
    }
    if (hashComments && c === 35 /* # */) {
      const e = text.indexOf('\n', i);
      const end = e < 0 ? n : e;
      comments.push([i, end]);
      i = end;
    } else if (slashComments && c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      const e = text.indexOf('\n', i);
      const end = e < 0 ? n : e;
      comments.push([i, end]);
      i = end;
    } else if (slashComments && c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const end = endOfBlock(text, i + 2, '*/', false);
      comments.push([i, end]);
      i = end;
    } else if (lang === 'js' && c === SLASH && (REGEX_PRECEDERS.has(prevSignificant(text, i)) || prevSignificant(text, i) === -1)) {
      const end = endOfRegex(text, i);
      if (end < 0) i++;
      else {
        contents.push([i + 1, end - 1]);
        i = end;
      }
    } else if ((c === 34 || c === 39) && text.startsWith(c === 34 ? '"""' : "'''", i) && lang !== 'js' && lang !== 'go' && (c === 34 || lang === 'python')) {
      const close = c === 34 ? '"""' : "'''";
      const end = endOfBlock(text, i + 3, close, lang === 'python');
      if (lang === 'python') comments.push([i, end]);
      else addString(i, i + 3, Math.max(i + 3, end - 3), end);
      i = end;
    } else if (c === 34 || (c === 39 && lang !== 'java' && lang !== 'kotlin' && lang !== 'csharp' && lang !== 'go')) {
      const verbatim = lang === 'csharp' && c === 34 && text.charCodeAt(i - 1) === 64; /* @"…" */
      let close: number;
      if (verbatim) {
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) { close = n; break; }
          if (text.charCodeAt(q + 1) === 34) j = q + 2;
          else { close = q; break; }
        }
      } else close = endOfQuoted(text, i + 1, c);
      const end = Math.min(n, close + 1);
      addString(i, i + 1, close, end);
      i = end;
    } else if (c === 39) {
      // Char / rune literal in Go, Java, Kotlin, C#: skip it so `'"'` does not open a string.
      const close = endOfQuoted(text, i + 1, 39);
      i = Math.min(n, close + 1);
    } else if (c === BACKTICK && (lang === 'js' || lang === 'go')) {
      const end = lang === 'js' ? endOfTemplate(text, i + 1) : endOfBlock(text, i + 1, '`', false);
      addString(i, i + 1, Math.max(i + 1, end - 1), end);
      i = end;
    } else i++;
  }
  const noComments = blank(text, comments);
  const all = [...comments, ...contents].sort((a, b) => a[0] - b[0]);
  return { text, code: blank(text, all), noComments, strings, lineStarts };
}
