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

function hasPlaceholderWord(v: string): boolean {
  const tokens = v.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t !== '');
  // The first token is usually the provider prefix (sk, hf, gsk …): only later tokens count as words,
  // except for prefixes such as `your…`, which no provider uses.
  return tokens.some((t, i) => (i > 0 && PLACEHOLDER_TOKENS.has(t)) || PLACEHOLDER_PREFIXES.some((p) => t.startsWith(p)) || /^x{3,}$/.test(t));
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
  if (longestRun(v) >= 6) return true;
  // Strip a short prefix (sk-proj-, hf_ …) and require some variety in the body.
  const body = v.slice(Math.min(12, Math.floor(v.length / 3)));
  if (new Set(body).size < 6) return true;
  return false;
}
