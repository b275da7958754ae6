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
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000;

const WORDLIKE = /^[\p{L}\p{N}]$/u;

const BUILDER_SCRATCH_MAX = 1 << 16;
let scratchCodes = new Uint16Array(4096);
let scratchOffsets = new Int32Array(4096);
let scratchInUse = false;

/**
 * Growable UTF-16 code + original-offset buffer (typed arrays: no per-char strings). One builder at a
 * time borrows a shared scratch buffer (released by `build`), so ordinary inputs allocate only the result.
 */
class MapBuilder {
  private codes: Uint16Array;
  private offsets: Int32Array;
  private n = 0;
  private readonly borrowed: boolean;
  constructor(capacity: number) {
    const cap = Math.max(16, capacity);
    this.borrowed = !scratchInUse && cap <= BUILDER_SCRATCH_MAX;
    if (this.borrowed) {
      scratchInUse = true;
      if (scratchCodes.length < cap) {
        scratchCodes = new Uint16Array(Math.min(BUILDER_SCRATCH_MAX, Math.max(cap, 2 * scratchCodes.length)));
        scratchOffsets = new Int32Array(scratchCodes.length);
      }
      this.codes = scratchCodes;
      this.offsets = scratchOffsets;
    } else {
      this.codes = new Uint16Array(cap);
      this.offsets = new Int32Array(cap);
    }
  }
  private grow(): void {
    const codes = new Uint16Array(this.codes.length * 2);
    codes.set(this.codes.subarray(0, this.n));
    this.codes = codes;
    const offsets = new Int32Array(this.offsets.length * 2);
    offsets.set(this.offsets.subarray(0, this.n));
    this.offsets = offsets;
  }
  pushCode(c: number, at: number): void {
    if (this.n === this.codes.length) this.grow();
    this.codes[this.n] = c;
    this.offsets[this.n++] = at;
  }
  push(s: string, at: number): void {
    for (let i = 0; i < s.length; i++) this.pushCode(s.charCodeAt(i), at);
  }
  pushChar(ch: string, at: number): void {
    this.pushCode(ch.charCodeAt(0), at);
  }
  get length(): number {
    return this.n;
  }
  /** Copy out the result and release the shared scratch. Call exactly once. */
  build(endOffset: number): MappedText {
    const map = new Int32Array(this.n + 1);
    map.set(this.offsets.subarray(0, this.n));
    map[this.n] = endOffset;
    const text = codesToString(this.codes, this.n);
    if (this.borrowed) scratchInUse = false;
    return { text, map };
  }
}

const UTF16 = new TextDecoder('utf-16le');

/**
 * Join UTF-16 codes into a string. TextDecoder builds it straight from the buffer (no argument
 * array: ~6x faster and ~9x less garbage than `fromCharCode.apply` at 2 KB); it would replace lone
 * surrogates, so texts holding any surrogate take the `apply` path, in chunks (argument-count limit).
 */
function codesToString(codes: Uint16Array, n: number): string {
  let surrogate = false;
  for (let i = 0; i < n && !surrogate; i++) surrogate = ((codes[i] as number) & 0xf800) === 0xd800;
  if (!surrogate) return UTF16.decode(codes.subarray(0, n));
  let s = '';
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return s;
}

const IDENTITY_CACHE_MAX = 1 << 16;
let identityCache = new Int32Array(0);

/** map[i] = i for i <= n. Shared (read-only) for ordinary sizes to avoid an allocation per call. */
function identityMap(n: number): Int32Array {
  if (n + 1 > IDENTITY_CACHE_MAX) return Int32Array.from({ length: n + 1 }, (_, i) => i);
  if (identityCache.length < n + 1) {
    identityCache = new Int32Array(Math.min(IDENTITY_CACHE_MAX, Math.max(4096, 2 * (n + 1))));
    for (let i = 0; i < identityCache.length; i++) identityCache[i] = i;
  }
  return identityCache;
}

/** Stage A: drop invisible and bidi controls, decode tag characters, NFKD and strip combining marks. Case kept. */
function stripAndFold(text: string, evasion: Set<EvasionKind>): { view: MappedText; tagText: string } {
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) if (text.charCodeAt(i) > 127) ascii = false;
  if (ascii) return { view: { text, map: identityMap(text.length) }, tagText: '' };
  const out = new MapBuilder(text.length + 16);
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
      out.pushCode(cp, i);
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
  const out = new MapBuilder(src.text.length + 16);
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
      if (out.length > 0) out.pushCode(spaceRun > 1 ? 10 : 32, spaceAt);
      spaceRun = 0;
    }
    const at = map[i] as number;
    if (c < 128) {
      if (isAsciiLetter(c)) wordHasLatin = true;
      else if (!isDigit(c)) endWord();
      out.pushCode(c >= 65 && c <= 90 ? c + 32 : c, at);
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

/** Word character by code; false for NaN (out of range), like a missing neighbour. */
const isWordCodeAt = (c: number): boolean => isAsciiLetter(c) || isDigit(c) || c > 127;

/** True when text[i] is a one-character word: a word char not touching other word chars. */
function isSingleCharToken(text: string, i: number): boolean {
  if (!isWordCodeAt(text.charCodeAt(i))) return false;
  return !isWordCodeAt(text.charCodeAt(i - 1)) && !isWordCodeAt(text.charCodeAt(i + 1));
}

/** Quick pre-check: is there any run of 4+ separated single-character tokens? */
function hasSpacedRun(text: string): boolean {
  let run = 0;
  let i = 0;
  while (i < text.length) {
    if (isSingleCharToken(text, i)) {
      run++;
      const sep = separatorLength(text, i + 1);
      if (run >= 4) return true;
      if (sep === 0) run = 0;
      i += 1 + sep;
    } else {
      run = 0;
      i++;
    }
  }
  return false;
}

/** Stage C part 1: join letter-by-letter spacing games (`i g n o r e`, `i.g.n.o.r.e`) of 4+ letters. */
function joinSpacedLetters(src: MappedText, evasion: Set<EvasionKind>): MappedText {
  const { text, map } = src;
  if (!hasSpacedRun(text)) return src;
  const out = new MapBuilder(text.length + 16);
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
        for (const k of letters) out.pushCode(text.charCodeAt(k), map[k] as number);
        i = j;
        continue;
      }
    }
    out.pushCode(text.charCodeAt(i), map[i] as number);
    i++;
  }
  return out.build(map[text.length] as number);
}

const isLowerCode = (c: number): boolean => c >= 97 && c <= 122;
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const LEET_CODES: Int16Array = (() => {
  const t = new Int16Array(128).fill(-1);
  for (const [k, v] of Object.entries(LEET)) t[k.charCodeAt(0)] = v.charCodeAt(0);
  return t;
})();
const leetOf = (c: number): number => (c < 128 ? (LEET_CODES[c] as number) : -1);

/** Digits always qualify; symbols (@ $ ! |) only between a letter/digit and a letter/leet char. */
function leetApplies(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (isDigitCode(c)) return true;
  const prev = text.charCodeAt(k - 1);
  const next = text.charCodeAt(k + 1);
  return (isLowerCode(prev) || isDigitCode(prev)) && (isLowerCode(next) || leetOf(next) >= 0);
}

/** Fold one token's leet characters if one sits between letters (`pr3v10us`); returns undefined if unchanged. */
function foldLeetToken(text: string, start: number, end: number, evasion: Set<EvasionKind>): string | undefined {
  let letters = 0;
  let firstLetter = -1;
  let lastLetter = -1;
  for (let k = start; k < end; k++) {
    if (isLowerCode(text.charCodeAt(k))) {
      letters++;
      if (firstLetter < 0) firstLetter = k;
      lastLetter = k;
    }
  }
  if (letters < 2) return undefined;
  let interior = false;
  for (let k = firstLetter + 1; k < lastLetter && !interior; k++) interior = leetOf(text.charCodeAt(k)) >= 0 && leetApplies(text, k);
  if (!interior) return undefined;
  const codes: number[] = [];
  let folded = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    const sub = leetOf(c);
    const nearLetter = isLowerCode(text.charCodeAt(k - 1)) || isLowerCode(text.charCodeAt(k + 1)) || leetOf(text.charCodeAt(k + 1)) >= 0;
    if (sub >= 0 && leetApplies(text, k) && nearLetter) {
      codes.push(sub);
      folded++;
    } else codes.push(c);
  }
  if (folded >= 2 && end - start >= 4) evasion.add('leetspeak');
  return String.fromCharCode(...codes);
}

/** Stage C part 2: leetspeak folding inside tokens. Same length, so the offset map is unchanged. */
function foldLeet(src: MappedText, evasion: Set<EvasionKind>): MappedText {
  const { text, map } = src;
  const pieces: string[] = [];
  let copied = 0;
  let start = 0;
  while (start < text.length) {
    while (start < text.length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 10)) start++;
    let end = start;
    let hasLeet = false;
    while (end < text.length && text.charCodeAt(end) !== 32 && text.charCodeAt(end) !== 10) {
      if (leetOf(text.charCodeAt(end)) >= 0) hasLeet = true;
      end++;
    }
    if (hasLeet && end - start >= 3 && end - start <= 32) {
      const folded = foldLeetToken(text, start, end, evasion);
      if (folded !== undefined) {
        pieces.push(text.slice(copied, start), folded);
        copied = end;
      }
    }
    start = end;
  }
  if (pieces.length === 0) return src;
  pieces.push(text.slice(copied));
  return { text: pieces.join(''), map };
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
