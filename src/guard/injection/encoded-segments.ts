import type { EvasionKind } from './types.js';

/** One encoded run found in the (case-preserving) normalised text, with its decoded form. */
export interface EncodedSegment {
  readonly kind: Extract<EvasionKind, 'base64' | 'hex' | 'rot13' | 'url-encoding' | 'html-entities'>;
  /** Offsets into the text that was scanned. */
  readonly start: number;
  readonly end: number;
  readonly decoded: string;
}

/** Bounds that keep decoding cheap on hostile input. */
export const DECODE_LIMITS = { minEncoded: 16, maxEncoded: 16_384, maxDecoded: 4_096, maxSegments: 16 } as const;

const B64 = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_') B64[ch.charCodeAt(0)] = 1;
const isB64 = (c: number): boolean => c < 128 && B64[c] === 1;
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const hexVal = (c: number): number => (c <= 57 ? c - 48 : (c | 32) - 87);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decoded bytes count as text when they are valid UTF-8 and mostly letters, digits, spaces and punctuation. */
function asReadableText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  if (text.length < 4) return undefined;
  let letters = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 32 || c > 159) letters++;
    else if (c < 32 && c !== 10 && c !== 13 && c !== 9) bad++;
    else if (c >= 127 && c <= 159) bad++;
  }
  if (bad > 0 || letters < text.length * 0.6) return undefined;
  return text.slice(0, DECODE_LIMITS.maxDecoded);
}

function decodeBase64(run: string): string | undefined {
  let s = run.replace(/-/g, '+').replace(/_/g, '/');
  while (s.length % 4 !== 0) s += '=';
  let bin: string;
  try {
    bin = atob(s);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return asReadableText(bytes);
}

function decodeHexDigits(digits: string): string | undefined {
  const bytes = new Uint8Array(digits.length >> 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = hexVal(digits.charCodeAt(2 * i)) * 16 + hexVal(digits.charCodeAt(2 * i + 1));
  return asReadableText(bytes);
}

/** Base64 / base64url and contiguous hex runs. */
function scanAlphabetRuns(text: string, out: EncodedSegment[]): void {
  let i = 0;
  while (i < text.length && out.length < DECODE_LIMITS.maxSegments) {
    if (!isB64(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let allHex = true;
    let mixed = 0;
    while (j < text.length && isB64(text.charCodeAt(j))) {
      const c = text.charCodeAt(j);
      if (!isHex(c)) allHex = false;
      if (c >= 48 && c <= 57) mixed |= 1;
      else if (c >= 65 && c <= 90) mixed |= 2;
      else if (c >= 97 && c <= 122) mixed |= 4;
      j++;
    }
    let end = j;
    while (end < text.length && end - j < 2 && text[end] === '=') end++;
    const len = j - i;
    if (len >= DECODE_LIMITS.minEncoded && len <= DECODE_LIMITS.maxEncoded) {
      const run = text.slice(i, j);
      if (allHex && len % 2 === 0) {
        const decoded = decodeHexDigits(run);
        if (decoded !== undefined) out.push({ kind: 'hex', start: i, end, decoded });
      } else if (mixed === 7 || (mixed & 6) === 6 || end > j) {
        const decoded = decodeBase64(run);
        if (decoded !== undefined) out.push({ kind: 'base64', start: i, end, decoded });
      }
    }
    i = end > i ? end : i + 1;
  }
}

/** `\x69\x67…`, `0x69 0x67…` and `69 67 6e …` byte lists (6+ bytes). */
/**
 * Walk a hex byte list starting at `i` (`de ad be ef`, `\\xde\\xad`, `0xde, 0xad`). Returns the end offset
 * and the number of byte pairs; pushes the pairs to `digits` only when given (the first walk counts
 * without allocating: most starts are ordinary words such as `be` or `add`).
 */
function walkHexList(text: string, i: number, digits?: string[]): { end: number; count: number } {
  let j = i;
  let count = 0;
  for (;;) {
    let k = j;
    if (text[k] === '\\' && (text[k + 1] === 'x' || text[k + 1] === 'X')) k += 2;
    else if (text[k] === '0' && (text[k + 1] === 'x' || text[k + 1] === 'X')) k += 2;
    if (!isHex(text.charCodeAt(k)) || !isHex(text.charCodeAt(k + 1)) || isHex(text.charCodeAt(k + 2))) break;
    if (k === j && count > 0 && text[j - 1] !== ' ' && text[j - 1] !== ',') break;
    digits?.push(text.slice(k, k + 2));
    count++;
    j = k + 2;
    while (text[j] === ' ' || text[j] === ',') j++;
    if (count * 2 > DECODE_LIMITS.maxEncoded) break;
  }
  return { end: j, count };
}

function scanHexByteLists(text: string, out: EncodedSegment[]): void {
  let i = 0;
  while (i < text.length && out.length < DECODE_LIMITS.maxSegments) {
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (!isHex(text.charCodeAt(i)) && text[i] !== '\\') {
      i++;
      continue;
    }
    if (isB64(prev) && text[i] !== '\\') {
      i++;
      continue;
    }
    const { end: j, count } = walkHexList(text, i);
    if (count >= 6) {
      const digits: string[] = [];
      walkHexList(text, i, digits);
      const decoded = decodeHexDigits(digits.join(''));
      if (decoded !== undefined) out.push({ kind: 'hex', start: i, end: j, decoded });
      i = j;
    } else {
      i = Math.max(i + 1, j);
    }
  }
}

/** Non-space runs with 3+ `%HH` escapes. */
function scanUrlEncoded(text: string, out: EncodedSegment[]): void {
  let i = text.indexOf('%') < 0 ? text.length : 0;
  while (i < text.length && out.length < DECODE_LIMITS.maxSegments) {
    if (text[i] === ' ' || text[i] === '\n') {
      i++;
      continue;
    }
    let j = i;
    let escapes = 0;
    while (j < text.length && text[j] !== ' ' && text[j] !== '\n' && j - i < DECODE_LIMITS.maxEncoded) {
      if (text[j] === '%' && isHex(text.charCodeAt(j + 1)) && isHex(text.charCodeAt(j + 2))) escapes++;
      j++;
    }
    if (escapes >= 3) {
      let decoded: string | undefined;
      try {
        decoded = decodeURIComponent(text.slice(i, j).replace(/\+/g, ' '));
      } catch {
        decoded = undefined;
      }
      if (decoded !== undefined) out.push({ kind: 'url-encoding', start: i, end: j, decoded: decoded.slice(0, DECODE_LIMITS.maxDecoded) });
    }
    i = j + 1;
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', colon: ':', sol: '/', lpar: '(', rpar: ')', excl: '!', quest: '?', period: '.', comma: ',',
};

/** Parse one HTML entity at i: returns [decoded, length] or undefined. Bounded to 12 chars. */
function entityAt(text: string, i: number): [string, number] | undefined {
  if (text[i] !== '&') return undefined;
  let j = i + 1;
  while (j < text.length && j - i < 12 && text[j] !== ';') j++;
  if (text[j] !== ';') return undefined;
  const body = text.slice(i + 1, j);
  let cp: number | undefined;
  if (body[0] === '#') cp = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
  if (cp !== undefined) return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? [String.fromCodePoint(cp), j - i + 1] : undefined;
  const named = NAMED_ENTITIES[body.toLowerCase()];
  return named === undefined ? undefined : [named, j - i + 1];
}

/** Regions holding 3+ HTML entities, at most 2 plain characters apart. */
function scanHtmlEntities(text: string, out: EncodedSegment[]): void {
  let i = text.indexOf('&');
  while (i >= 0 && i < text.length && out.length < DECODE_LIMITS.maxSegments) {
    const parts: string[] = [];
    let entities = 0;
    let j = i;
    let gap = 0;
    while (j < text.length && gap <= 2 && j - i < DECODE_LIMITS.maxEncoded) {
      const e = entityAt(text, j);
      if (e) {
        parts.push(e[0]);
        entities++;
        j += e[1];
        gap = 0;
      } else {
        parts.push(text[j] as string);
        j++;
        gap++;
      }
    }
    if (entities >= 3) {
      const decoded = parts.slice(0, parts.length - gap).join('');
      out.push({ kind: 'html-entities', start: i, end: j - gap, decoded: decoded.slice(0, DECODE_LIMITS.maxDecoded) });
    }
    i = text.indexOf('&', Math.max(i + 1, j - gap));
  }
}

/** rot13 of ASCII letters. */
export function rot13(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(((c - 65 + 13) % 26) + 65);
    else if (c >= 97 && c <= 122) out += String.fromCharCode(((c - 97 + 13) % 26) + 97);
    else out += text[i];
  }
  return out;
}

/** Hash of a lower-cased ASCII word (FNV-1a), used to test rot13 markers without allocating. */
function wordHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ (text.charCodeAt(k) | 32), 0x01000193);
  return h >>> 0;
}

/** rot13 forms of words that carry injections; one hit in a text triggers a rot13 rescan. */
const ROT13_MARKERS: ReadonlySet<number> = new Set(
  ['ignore', 'instructions', 'previous', 'system', 'prompt', 'disregard', 'password', 'reveal', 'secret', 'jailbreak', 'forget', 'rules', 'override']
    .map((w) => rot13(w))
    .map((w) => wordHash(w, 0, w.length)),
);

const isAsciiLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** If the text carries rot13 marker words, decode the region around them. */
function scanRot13(text: string, out: EncodedSegment[]): void {
  let first = -1;
  let last = -1;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && !isAsciiLetterCode(text.charCodeAt(i))) i++;
    const s = i;
    while (i < text.length && isAsciiLetterCode(text.charCodeAt(i))) i++;
    if (i - s >= 4 && i - s <= 16 && ROT13_MARKERS.has(wordHash(text, s, i))) {
      if (first < 0) first = s;
      last = i;
    }
  }
  if (first < 0) return;
  const start = Math.max(0, first - 400);
  const end = Math.min(text.length, last + 400);
  out.push({ kind: 'rot13', start, end, decoded: rot13(text.slice(start, end)).slice(0, DECODE_LIMITS.maxDecoded) });
}

/**
 * Find encoded segments (base64, hex, URL-encoding, HTML entities, rot13) in a case-preserving text.
 * Every scanner is a single forward pass with bounded look-ahead; output is capped.
 */
export function findEncodedSegments(text: string): EncodedSegment[] {
  const out: EncodedSegment[] = [];
  scanAlphabetRuns(text, out);
  scanHexByteLists(text, out);
  scanUrlEncoded(text, out);
  scanHtmlEntities(text, out);
  scanRot13(text, out);
  return out.slice(0, DECODE_LIMITS.maxSegments);
}
