import type { MappedText } from './normalize-text.js';
import { SIGNATURE_RULES, type SignatureRule } from './signature-rules.js';
import type { InjectionCategory, InjectionSource } from './types.js';

/** One signature match. Offsets are into the view named by `view` (`folded` or `cased`). */
export interface SignatureHit {
  readonly rule: string;
  readonly category: InjectionCategory;
  readonly weight: number;
  readonly view: 'folded' | 'cased';
  readonly start: number;
  readonly end: number;
}

/** Word tokens as parallel arrays (no object per token, exact-size typed offsets: less garbage per call). */
export interface Tokens {
  readonly words: string[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

interface CompiledRule {
  readonly rule: SignatureRule;
  readonly steps: readonly ReadonlySet<string>[];
  readonly gap: number;
  /** Steps in reverse order, for `near` rules matched from their second step. */
  readonly reversedSteps: readonly ReadonlySet<string>[];
}

const COMPILED: readonly CompiledRule[] = SIGNATURE_RULES.map((rule) => ({
  rule,
  steps: rule.steps.map((s) => new Set(s.split(' ').filter(Boolean))),
  gap: rule.gap ?? 3,
  reversedSteps: rule.steps.map((st) => new Set(st.split(' ').filter(Boolean))).reverse(),
}));

/** First-step word → rules starting with it (both steps for `near` rules). */
const BY_FIRST_WORD: ReadonlyMap<string, { compiled: CompiledRule; reversed: boolean }[]> = (() => {
  const index = new Map<string, { compiled: CompiledRule; reversed: boolean }[]>();
  const add = (word: string, compiled: CompiledRule, reversed: boolean): void => {
    const list = index.get(word) ?? [];
    list.push({ compiled, reversed });
    index.set(word, list);
  };
  for (const compiled of COMPILED) {
    for (const w of compiled.steps[0] ?? []) add(w, compiled, false);
    if (compiled.rule.near && compiled.steps.length === 2) for (const w of compiled.steps[1] ?? []) add(w, compiled, true);
  }
  return index;
})();

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;

/** Split folded text into word tokens (letters/digits), max 40 chars each for lookup. Counts first, then fills exact-size arrays. */
export function tokenize(text: string): Tokens {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const w = isWordCode(text.charCodeAt(i));
    if (w && !inWord) count++;
    inWord = w;
  }
  const words = new Array<string>(count);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  let n = 0;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && !isWordCode(text.charCodeAt(i))) i++;
    const s = i;
    while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
    if (i > s) {
      words[n] = text.slice(s, i - s > 40 ? s + 40 : i);
      starts[n] = s;
      ends[n++] = i;
    }
  }
  return { words, starts, ends };
}

function matchFrom(words: readonly string[], at: number, steps: readonly ReadonlySet<string>[], gap: number): number {
  let pos = at;
  for (let s = 1; s < steps.length; s++) {
    const set = steps[s] as ReadonlySet<string>;
    let found = -1;
    const limit = Math.min(words.length - 1, pos + 1 + gap);
    for (let j = pos + 1; j <= limit; j++) {
      if (set.has(words[j] as string)) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    pos = found;
  }
  return pos;
}

/** Keyword-sequence rules over the folded view. At most one hit per rule per start token. */
function matchPhraseRules(tokens: Tokens, source: InjectionSource, hits: SignatureHit[]): void {
  const { words, starts, ends } = tokens;
  for (let i = 0; i < words.length; i++) {
    const candidates = BY_FIRST_WORD.get(words[i] as string);
    if (!candidates) continue;
    for (const { compiled, reversed } of candidates) {
      const steps = reversed ? compiled.reversedSteps : compiled.steps;
      const last = matchFrom(words, i, steps, compiled.gap);
      if (last < 0) continue;
      const { rule } = compiled;
      const weight = source === 'indirect' && rule.indirectWeight !== undefined ? rule.indirectWeight : rule.weight;
      hits.push({ rule: rule.id, category: rule.category, weight, view: 'folded', start: starts[i] as number, end: ends[last] as number });
    }
  }
}

const CHAT_TEMPLATE_MARKERS = ['<|im_start|>', '<|im_end|>', '<|system|>', '<|endoftext|>', '<<sys>>', '[inst]', '<|begin_of_text|>', '<|start_header_id|>', '<|eot_id|>', '<bos>', '<|assistant|>', '<|user|>'];

/** Chat-template control tokens pasted into content to fake a system/assistant turn. */
function matchChatTemplates(folded: MappedText, hits: SignatureHit[]): void {
  for (const marker of CHAT_TEMPLATE_MARKERS) {
    const at = folded.text.indexOf(marker);
    if (at >= 0) hits.push({ rule: 'chat-template-token', category: 'instruction-override', weight: 0.75, view: 'folded', start: at, end: at + marker.length });
  }
}

const EXFIL_PLACEHOLDER_WORDS = ['data', 'secret', 'history', 'conversation', 'summary', 'query', 'password', 'key', 'token', 'info', 'chat', 'email', 'user', 'message'];

const URL_STOP = new Set([')', ' ', '\n', '(', ']', '!']);

/**
 * A query parameter VALUE that names what to leak (`?q=data`, `?c=conversation_history`, `?p=SECRET`):
 * one of the placeholder words, optionally joined to more letters by `_`/`-`. Parameter names do not
 * count, so badge and CI links (`badge.svg?token=lWZ9…`, `?query=workflow%3Abuild`) are not placeholders.
 */
function hasPlaceholderValue(query: string): boolean {
  for (const pair of query.slice(1).split('&')) {
    const eq = pair.indexOf('=');
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    if (value.length === 0 || value.length > 40) continue;
    let word = 0;
    while (word < value.length && value.charCodeAt(word) >= 97 && value.charCodeAt(word) <= 122) word++;
    const head = value.slice(0, word);
    if (!EXFIL_PLACEHOLDER_WORDS.includes(head)) continue;
    let k = word;
    while (k < value.length && /[a-z_-]/.test(value[k] as string)) k++;
    if (k === value.length) return true;
  }
  return false;
}

/** Markdown images / links whose URL carries a query for data: `![x](https://h/p?q=[DATA])`. */
function matchMarkdownExfil(cased: MappedText, hits: SignatureHit[]): void {
  const text = cased.text;
  let i = text.indexOf('](');
  while (i >= 0) {
    let open = i - 1;
    while (open >= 0 && i - open < 200 && text[open] !== '[' && text[open] !== '\n') open--;
    const isImage = open > 0 && text[open] === '[' && text[open - 1] === '!';
    let j = i + 2;
    while (j < text.length && j - i < 500 && !URL_STOP.has(text[j] as string)) j++;
    const url = text.slice(i + 2, j).toLowerCase();
    const remote = url.startsWith('http') || url.startsWith('//');
    const q = url.indexOf('?');
    if (remote && q >= 0) {
      const query = url.slice(q);
      const placeholder = /[[{<$]/.test(query) || hasPlaceholderValue(query);
      const weight = placeholder ? (isImage ? 0.9 : 0.7) : isImage ? 0.45 : 0.2;
      hits.push({ rule: isImage ? 'markdown-image-exfil' : 'markdown-link-exfil', category: 'exfiltration', weight, view: 'cased', start: isImage ? open - 1 : Math.max(0, i - 1), end: Math.min(text.length, j + 1) });
    }
    i = text.indexOf('](', i + 2);
  }
}

/** HTML/JS payloads meant to be echoed into a page: `javascript:` URLs, `<script>`, `<img src=... onerror=`. */
function matchScriptPayloads(folded: MappedText, hits: SignatureHit[]): void {
  const text = folded.text;
  for (const [marker, weight] of [['javascript:', 0.6], ['<script', 0.45], ['onerror=', 0.6], ['onload=', 0.45]] as const) {
    let at = text.indexOf(marker);
    // Docs mention these too: `JavaScript:` ending a sentence, `//javascript:80/x` as a host name,
    // `<script src="dist/lib.js">` in an install section. Those are weak evidence; a `javascript:` URL with code after it is not.
    let w: number = weight;
    for (; at >= 0; at = text.indexOf(marker, at + marker.length)) {
      w = scriptMarkerWeight(text, at, marker, weight);
      if (w >= 0.5) break;
    }
    if (at < 0) at = text.indexOf(marker);
    if (at >= 0) hits.push({ rule: 'script-payload', category: 'other', weight: w, view: 'folded', start: at, end: at + marker.length });
  }
}

function scriptMarkerWeight(text: string, at: number, marker: string, weight: number): number {
  const next = text.charCodeAt(at + marker.length);
  if (marker === 'javascript:') return ((next >= 97 && next <= 122) || next === 47 || next === 37) && text.charCodeAt(at - 1) !== 47 ? weight : 0.3;
  // HTML examples in docs are full of `<script>` blocks; on its own the tag is weak evidence (the classifier weighs it).
  if (marker === '<script') return next === 62 ? 0.45 : 0.3;
  return weight;
}

const BRACKETS = '()[]{}<>';

/**
 * GCG-style adversarial suffix: a single line that starts as prose and ends in a run of
 * "token soup" chunks (punctuation glued to letters, internal capitals, mixed scripts,
 * unbalanced brackets). Scored over a 10-chunk sliding window.
 */
function matchTokenSoup(cased: MappedText, hits: SignatureHit[]): void {
  const text = cased.text;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - lineStart >= 40) scanSoupLine(text, lineStart, Math.min(lineEnd, lineStart + 4000), hits);
    lineStart = lineEnd + 1;
  }
}

const TRAILING_PUNCT = '.,!?:;"\')';
const LEADING_PUNCT = '"\'(';

/** Soup flag and bracket counts of `text[from, to)`, packed as soup | opens << 1 | closes << 12 (no allocation). */
function chunkIsSoup(text: string, from: number, to: number): number {
  let letters = 0;
  let punct = 0;
  let innerCap = false;
  let opens = 0;
  let closes = 0;
  let cjk = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    const isLowerC = c >= 97 && c <= 122;
    const isUpperC = c >= 65 && c <= 90;
    if (isLowerC || isUpperC) letters++;
    else if (c > 0x2e80) cjk = true;
    else if (c > 32 && c < 127 && !(c >= 48 && c <= 57)) {
      punct++;
      const b = BRACKETS.indexOf(text[k] as string);
      if (b >= 0 && b % 2 === 0) opens++;
      else if (b >= 0) closes++;
    }
    if (isUpperC && k > from) {
      const p = text.charCodeAt(k - 1);
      if (p >= 97 && p <= 122) innerCap = true;
    }
  }
  const inner = punct - (TRAILING_PUNCT.includes(text[to - 1] as string) ? 1 : 0) - (LEADING_PUNCT.includes(text[from] as string) ? 1 : 0);
  const soup = (letters > 0 && inner >= 2) || (letters >= 3 && inner >= 1 && innerCap) || (cjk && letters > 0) || (letters === 0 && punct >= 3);
  return (soup ? 1 : 0) | (Math.min(opens, 1023) << 1) | (Math.min(closes, 1023) << 12);
}

/** Per-chunk scratch (start, end, packed soup/brackets), reused across calls: a 4000-char line has at most 2000 chunks. */
const CHUNK_START = new Int32Array(2048);
const CHUNK_END = new Int32Array(2048);
const CHUNK_INFO = new Int32Array(2048);

function scanSoupLine(text: string, from: number, to: number, hits: SignatureHit[]): void {
  let n = 0;
  let plainWords = 0;
  let i = from;
  while (i < to && n < CHUNK_START.length) {
    while (i < to && (text[i] === ' ' || text[i] === '\t')) i++;
    const s = i;
    while (i < to && text[i] !== ' ' && text[i] !== '\t') i++;
    if (i > s) {
      const info = chunkIsSoup(text, s, Math.min(i, s + 64));
      CHUNK_START[n] = s;
      CHUNK_END[n] = i;
      CHUNK_INFO[n] = info;
      if ((info & 1) === 0) plainWords++;
      n++;
    }
  }
  if (n < 12) return;
  const W = 10;
  let soup = 0;
  let opens = 0;
  let closes = 0;
  let best = -1;
  let bestAt = -1;
  for (let k = 0; k < n; k++) {
    const c = CHUNK_INFO[k] as number;
    soup += c & 1;
    opens += (c >> 1) & 1023;
    closes += c >> 12;
    if (k >= W) {
      const o = CHUNK_INFO[k - W] as number;
      soup -= o & 1;
      opens -= (o >> 1) & 1023;
      closes -= o >> 12;
    }
    if (k >= W - 1 && soup >= 4 && Math.abs(opens - closes) >= 2 && soup > best) {
      best = soup;
      bestAt = k;
    }
  }
  if (bestAt < 0 || plainWords < 6) return;
  const weight = best >= 6 ? 0.7 : 0.45;
  hits.push({ rule: 'adversarial-token-soup', category: 'adversarial-suffix', weight, view: 'cased', start: CHUNK_START[Math.max(0, bestAt - W + 1)] as number, end: CHUNK_END[bestAt] as number });
}

/** Run every signature over a normalised text (`tokens`: `tokenize(folded.text)`, if the caller has it). Linear in its length (bounded windows, capped lines). */
export function matchSignatures(cased: MappedText, folded: MappedText, source: InjectionSource = 'direct', tokens: Tokens = tokenize(folded.text)): SignatureHit[] {
  const hits: SignatureHit[] = [];
  matchPhraseRules(tokens, source, hits);
  matchChatTemplates(folded, hits);
  matchMarkdownExfil(cased, hits);
  matchScriptPayloads(folded, hits);
  matchTokenSoup(cased, hits);
  return hits;
}
