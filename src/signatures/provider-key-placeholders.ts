/**
 * Telling a placeholder key (`sk-...`, `your-api-key-here`, `${OPENAI_API_KEY}`, values in
 * `.env.example` or docs) from a real one. Scanning code only, no regex over the value beyond
 * simple linear character tests.
 */

/**
 * Words a placeholder is written with, matched as whole tokens (split on non-alphanumerics) or
 * token prefixes (`YOURKEY`), never as bare substrings: a random key body contains `here` or
 * `todo` somewhere often enough (~1 in 10,000 keys) that substring matching would hide real keys.
 */
const PLACEHOLDER_TOKENS = new Set(['here', 'todo', 'tbd', 'xxx', 'key', 'token', 'secret', 'test', 'demo', 'none', 'null']);
/** At least four letters each: a random token starts with one by chance about once in a million. */
const PLACEHOLDER_PREFIXES = ['your', 'example', 'placeholder', 'changeme', 'replace', 'insert', 'dummy', 'redacted', 'sample', 'enter', 'paste'];
/** Characters that never occur in a key but do in masked or elided values. */
const MASK_MARKS = ['***', '...', '…'];
/** The ten most frequent letters of English text (~70% of its letters; 10/26 of random ones). */
const COMMON_LETTERS = 'etaoinsrhlETAOINSRHL';

const isLower = (c: string): boolean => c >= 'a' && c <= 'z';
const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/**
 * True when the letters of `s` read like words or a camelCase identifier rather than random
 * characters: at most a third are capitals, most capitals start a lowercase run (`FirmwareVersion`),
 * and at least 55% are among English's ten most frequent letters. A uniformly random mixed-case
 * string passes all three about once in 450 at 24 letters, once in 1,500 at 32.
 * @example isWordShaped('updateFirmwareVersionNow') // true
 * @example isWordShaped('dyRXFmEFKxWXXJaAgzRVfFtRFf') // false
 */
export function isWordShaped(s: string): boolean {
  let letters = 0;
  let upper = 0;
  let startsWord = 0;
  let common = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (!isLower(c) && !isUpper(c)) continue;
    letters++;
    if (COMMON_LETTERS.includes(c)) common++;
    if (isUpper(c)) {
      upper++;
      if (isLower(s.charAt(i + 1))) startsWord++;
    }
  }
  if (letters === 0) return false;
  return 3 * upper <= letters && 5 * startsWord >= 3 * upper && 20 * common >= 11 * letters;
}

/**
 * True when a key body looks like random key material: at least `minDistinct` distinct
 * characters, some letters, and either a digit or letters that are not word-shaped
 * ({@link isWordShaped}). No digit is required: a random 32-character alphanumeric body has none
 * about once in 280 keys, while a digit-free body is word-shaped about once in 400,000.
 * @example looksRandomBody('oETZhDqqSiFgNHUDQViXwVYWnCBEIIay', 12) // true
 * @example looksRandomBody('updateFirmwareVersionNow', 10) // false
 */
export function looksRandomBody(body: string, minDistinct: number): boolean {
  if (new Set(body).size < minDistinct) return false;
  let letter = false;
  let digit = false;
  for (let i = 0; i < body.length && !(letter && digit); i++) {
    const c = body.charAt(i);
    if (isDigit(c)) digit = true;
    else if (isLower(c) || isUpper(c)) letter = true;
  }
  return letter && (digit || !isWordShaped(body));
}

/**
 * A chunk of a value that is random key material, not a typed word: `minLength`+ characters,
 * mostly distinct, not word-shaped. Placeholder words inside such a chunk are chance (`…XyOURk…`).
 */
function isRandomChunk(chunk: string, minLength: number): boolean {
  return chunk.length >= minLength && new Set(chunk).size >= Math.min(10, Math.ceil(0.6 * chunk.length)) && !isWordShaped(chunk);
}

/**
 * True when `v` is written with a placeholder word: `your-api-key-here`, `YOUR_OPENAI_API_KEY`,
 * `sk-xxx-xxx`, `sk-test-key`. The value is cut into chunks at the separators people type
 * (`-`, `_`, `.`, whitespace); chunks that are random key material are skipped, the rest are
 * split into alphanumeric tokens and matched against the word lists. When random chunks make up
 * most of the value, a short separated token (`_key_`, `-tBd`, `_XXx_`) is chance too (about
 * one base64url key in 5,000 has one): then only the 4+-letter prefixes (`your…`) count.
 */
function hasPlaceholderWord(v: string): boolean {
  const chunks = v.split(/[-_.\s]+/).filter((c) => c !== '');
  const random = chunks.map((c) => isRandomChunk(c, 20));
  const randomChars = chunks.reduce((n, c) => (isRandomChunk(c, 8) ? n + c.length : n), 0);
  const mostlyRandom = 2 * randomChars >= v.length;
  let index = 0;
  for (const [i, chunk] of chunks.entries()) {
    if (random[i] === true) {
      index++;
      continue;
    }
    for (const raw of chunk.toLowerCase().split(/[^a-z0-9]+/)) {
      if (raw === '') continue;
      if (PLACEHOLDER_PREFIXES.some((p) => raw.startsWith(p))) return true;
      // The first token is usually the provider prefix (sk, hf, gsk …): only later tokens count.
      if (!mostlyRandom && ((index > 0 && PLACEHOLDER_TOKENS.has(raw)) || /^x{3,}$/.test(raw))) return true;
      index++;
    }
  }
  return false;
}

/** Ascending runs that betray a hand-typed value (`1234567890`, `abcdefgh`). */
const SEQUENCES = ['123456789', 'abcdefghij', 'ABCDEFGHIJ', '0123456789abcdef'];

/** Path segments or file-name markers whose values are examples, not secrets. */
const EXAMPLE_FILE_MARKERS = ['.example', '.sample', '.template', '.dist', '.tmpl', 'example.', 'sample.', 'template.'];
const DOC_DIRS = ['docs', 'doc', 'documentation', 'website'];

/** True when `path` is an example/template/docs file whose values are not real secrets. */
export function isExampleContextPath(path: string): boolean {
  const lower = path.toLowerCase();
  const segments = lower.split('/');
  const base = segments[segments.length - 1] ?? '';
  if (EXAMPLE_FILE_MARKERS.some((m) => base.includes(m))) return true;
  return segments.slice(0, -1).some((s) => DOC_DIRS.includes(s));
}

/** Longest run of one repeated character. */
function longestRun(s: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = i > 0 && s[i] === s[i - 1] ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/** True when the value is a template reference: `${VAR}`, `$VAR`, `{{ var }}`, `<key>`, `%VAR%`, `${input:x}`. */
function isTemplateReference(v: string): boolean {
  const t = v.trim();
  if (t.startsWith('$') || t.startsWith('{{') || t.startsWith('%')) return true;
  if (t.startsWith('<') && t.endsWith('>')) return true;
  return t.includes('${') || t.includes('{{') || t.includes('<') || t.includes('>');
}

/**
 * True when `value` is not a real key: a template reference, an obviously hand-typed or masked
 * value, or a value in an example/template/docs file (`.env.example`, `docs/…`).
 * @example isPlaceholderKey('sk-...') // true
 * @example isPlaceholderKey('${OPENAI_API_KEY}') // true
 * @example isPlaceholderKey(realLookingKey, { path: '.env.example' }) // true
 */
export function isPlaceholderKey(value: string, context?: { path?: string; line?: string }): boolean {
  if (context?.path !== undefined && isExampleContextPath(context.path)) return true;
  const v = value.trim();
  if (v.length < 8) return true;
  if (isTemplateReference(v)) return true;
  if (MASK_MARKS.some((m) => v.includes(m))) return true;
  if (hasPlaceholderWord(v)) return true;
  if (SEQUENCES.some((s) => v.includes(s))) return true;
  // A run of six is filler in a short value (`sk-abc123xxxxxx`) but chance in a long random one
  // (64 hex characters hold a run of six about once in 19,000 keys); ten is never chance.
  const run = longestRun(v);
  if (run >= 10 || (run >= 6 && 4 * run >= v.length)) return true;
  // Strip a short prefix (sk-proj-, hf_ …) and require some variety in the body.
  const body = v.slice(Math.min(12, Math.floor(v.length / 3)));
  if (new Set(body).size < 6) return true;
  return false;
}
