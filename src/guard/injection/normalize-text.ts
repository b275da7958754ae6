import type { EvasionKind } from './types.js';
import { CONFUSABLES, LEET, isBidiControl, isCombiningMark, isInvisible, isTagChar } from './unicode-tables.js';

/**
 * A normalised view of a text with a map back to the original: `map[k]` is the UTF-16
 * offset in the original of the character that produced `text[k]`; `map[text.length]`
 * is the original length.
 */
export interface MappedText {
  readonly text: string;
  readonly map: Int32Array;
}

/** Result of the full normalisation: `cased` keeps case (decoders need it), `folded` is for matching. */
export interface NormalizedView {
  readonly cased: MappedText;
  readonly folded: MappedText;
  readonly evasion: Set<EvasionKind>;
  /** ASCII decoded from Unicode tag characters (smuggled text), if any. */
  readonly tagText: string;
}

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordChar = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  return isAsciiLetter(c) || isDigit(c) || c > 127;
};
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000;

const WORDLIKE = /^[\p{L}\p{N}]$/u;

class MapBuilder {
  private readonly parts: string[] = [];
  private readonly offsets: number[] = [];
  push(s: string, at: number): void {
    for (let i = 0; i < s.length; i++) {
      this.parts.push(s[i] as string);
      this.offsets.push(at);
    }
  }
  pushChar(ch: string, at: number): void {
    this.parts.push(ch);
    this.offsets.push(at);
  }
  lastChar(): string | undefined {
    return this.parts[this.parts.length - 1];
  }
  build(endOffset: number): MappedText {
    const map = new Int32Array(this.offsets.length + 1);
    map.set(this.offsets);
    map[this.offsets.length] = endOffset;
    return { text: this.parts.join(''), map };
  }
}

/** Stage A: drop invisible and bidi controls, decode tag characters, NFKD and strip combining marks. Case kept. */
function stripAndFold(text: string, evasion: Set<EvasionKind>): { view: MappedText; tagText: string } {
  const out = new MapBuilder();
  const tags: string[] = [];
  let prevWord = false;
  let pendingInvisible = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (isTagChar(cp)) {
      if (cp >= 0xe0020 && cp <= 0xe007e) {
        const ch = String.fromCharCode(cp - 0xe0000);
        tags.push(ch);
        out.pushChar(ch, i);
      }
    } else if (isBidiControl(cp)) {
      evasion.add('bidi');
    } else if (isInvisible(cp)) {
      pendingInvisible = prevWord;
    } else if (cp < 128) {
      const isWord = isAsciiLetter(cp) || isDigit(cp);
      if (pendingInvisible && isWord) evasion.add('zero-width');
      pendingInvisible = false;
      prevWord = isWord;
      out.pushChar(String.fromCharCode(cp), i);
    } else {
      const decomposed = String.fromCodePoint(cp).normalize('NFKD');
      for (const part of decomposed) {
        const pcp = part.codePointAt(0) as number;
        if (!isCombiningMark(pcp) && !isInvisible(pcp)) out.push(part, i);
      }
      const isWord = WORDLIKE.test(String.fromCodePoint(cp));
      if (pendingInvisible && isWord) evasion.add('zero-width');
      pendingInvisible = false;
      prevWord = isWord;
    }
    i += width;
  }
  const tagText = tags.join('');
  if (tagText.length > 0) evasion.add('tag-chars');
  return { view: out.build(text.length), tagText };
}

/** Stage B: lower-case, fold homoglyphs, collapse whitespace (runs of 2+ become a hard boundary `\n`). */
function lowerAndFold(src: MappedText, evasion: Set<EvasionKind>): MappedText {
  const out = new MapBuilder();
  const { text, map } = src;
  let wordHasLatin = false;
  let wordHasConfusable = false;
  let spaceRun = 0;
  let spaceAt = 0;
  const endWord = (): void => {
    if (wordHasLatin && wordHasConfusable) evasion.add('homoglyph');
    wordHasLatin = false;
    wordHasConfusable = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const c = ch.charCodeAt(0);
    if (isSpace(c)) {
      if (spaceRun === 0) spaceAt = map[i] as number;
      spaceRun += c === 10 ? 2 : 1;
      endWord();
      continue;
    }
    if (spaceRun > 0) {
      if (out.lastChar() !== undefined) out.pushChar(spaceRun > 1 ? '\n' : ' ', spaceAt);
      spaceRun = 0;
    }
    const at = map[i] as number;
    if (c < 128) {
      if (isAsciiLetter(c)) wordHasLatin = true;
      else if (!isDigit(c)) endWord();
      out.pushChar(c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch, at);
      continue;
    }
    const folded = CONFUSABLES.get(ch);
    if (folded !== undefined) {
      wordHasConfusable = true;
      out.pushChar(folded, at);
    } else {
      out.push(ch.toLowerCase(), at);
    }
  }
  endWord();
  return out.build(map[text.length] as number);
}

const SPACING_SEPARATORS = new Set([' ', '.', '-', '_', '*', '/', '|', '+', '~', ',', "'", '`', '·']);

/** Length of a separator (1 or 2 chars, e.g. `. `) starting at i, or 0. Hard boundaries (`\n`) never count. */
function separatorLength(text: string, i: number): number {
  const a = text[i];
  if (a === undefined || !SPACING_SEPARATORS.has(a)) return 0;
  const b = text[i + 1];
  if (b !== undefined && b !== a && SPACING_SEPARATORS.has(b) && (b === ' ' || a === ' ')) return 2;
  return 1;
}

/** True when text[i] is a one-character word: a word char not touching other word chars. */
function isSingleCharToken(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined || !isWordChar(ch)) return false;
  const prev = text[i - 1];
  const next = text[i + 1];
  return (prev === undefined || !isWordChar(prev)) && (next === undefined || !isWordChar(next));
}

/** Stage C part 1: join letter-by-letter spacing games (`i g n o r e`, `i.g.n.o.r.e`) of 4+ letters. */
function joinSpacedLetters(src: MappedText, evasion: Set<EvasionKind>): MappedText {
  const { text, map } = src;
  const out = new MapBuilder();
  let i = 0;
  while (i < text.length) {
    if (isSingleCharToken(text, i)) {
      const letters = [i];
      let j = i + 1;
      for (;;) {
        const sep = separatorLength(text, j);
        if (sep === 0 || !isSingleCharToken(text, j + sep)) break;
        letters.push(j + sep);
        j = j + sep + 1;
      }
      if (letters.length >= 4) {
        evasion.add('spacing');
        for (const k of letters) out.pushChar(text[k] as string, map[k] as number);
        i = j;
        continue;
      }
    }
    out.pushChar(text[i] as string, map[i] as number);
    i++;
  }
  return out.build(map[text.length] as number);
}

const isLower = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z';

/** Stage C part 2: fold leetspeak inside tokens where a leet character sits between letters (`pr3v10us`). */
function foldLeet(src: MappedText, evasion: Set<EvasionKind>): MappedText {
  const { text, map } = src;
  const chars = text.split('');
  let start = 0;
  while (start < chars.length) {
    while (start < chars.length && (chars[start] === ' ' || chars[start] === '\n')) start++;
    let end = start;
    while (end < chars.length && chars[end] !== ' ' && chars[end] !== '\n') end++;
    if (end - start >= 3 && end - start <= 32) foldLeetToken(chars, start, end, evasion);
    start = end;
  }
  return { text: chars.join(''), map };
}

function foldLeetToken(chars: string[], start: number, end: number, evasion: Set<EvasionKind>): void {
  let letters = 0;
  let firstLetter = -1;
  let lastLetter = -1;
  for (let k = start; k < end; k++) {
    if (isLower(chars[k])) {
      letters++;
      if (firstLetter < 0) firstLetter = k;
      lastLetter = k;
    }
  }
  if (letters < 2) return;
  let interior = false;
  for (let k = firstLetter + 1; k < lastLetter; k++) {
    const ch = chars[k] as string;
    if (LEET[ch] !== undefined && isDigitOrLeetSymbol(chars, k)) interior = true;
  }
  if (!interior) return;
  let folded = 0;
  for (let k = start; k < end; k++) {
    const ch = chars[k] as string;
    const sub = LEET[ch];
    if (sub === undefined || !isDigitOrLeetSymbol(chars, k)) continue;
    const nearLetter = isLower(chars[k - 1]) || isLower(chars[k + 1]) || LEET[chars[k + 1] ?? ''] !== undefined;
    if (nearLetter) {
      chars[k] = sub;
      folded++;
    }
  }
  if (folded >= 2 && end - start >= 4) evasion.add('leetspeak');
}

/** Digits always qualify; symbols (@ $ ! |) only between two letters-or-leet characters. */
function isDigitOrLeetSymbol(chars: string[], k: number): boolean {
  const ch = chars[k] as string;
  if (ch >= '0' && ch <= '9') return true;
  const prev = chars[k - 1];
  const next = chars[k + 1];
  return (isLower(prev) || (prev !== undefined && prev >= '0' && prev <= '9')) && (isLower(next) || (next !== undefined && LEET[next] !== undefined));
}

/** Run every normalisation stage. Linear in the input length. */
export function normalizeView(text: string): NormalizedView {
  const evasion = new Set<EvasionKind>();
  const { view: cased, tagText } = stripAndFold(text, evasion);
  const lowered = lowerAndFold(cased, evasion);
  const joined = joinSpacedLetters(lowered, evasion);
  const folded = foldLeet(joined, evasion);
  // Compose maps: stage B/C maps point into `cased`'s ORIGINAL offsets already (each stage copies offsets).
  return { cased, folded, evasion, tagText };
}

/** Map a half-open range of a mapped view back to the original text. */
export function toOriginalRange(view: MappedText, start: number, end: number, original: string): { start: number; end: number } {
  const s = view.map[Math.max(0, Math.min(start, view.text.length))] as number;
  if (end <= start) return { start: s, end: s };
  const lastAt = view.map[Math.min(end, view.text.length) - 1] as number;
  const cp = original.codePointAt(lastAt) ?? 0;
  return { start: s, end: Math.min(original.length, lastAt + (cp > 0xffff ? 2 : 1)) };
}
