/**
 * Make a human snippet safe to store: provider keys become `[REDACTED:rule]`, and the value
 * after a secret-bearing flag or word (`--api-key x`, `Bearer x`, `token=x`, `password: x`)
 * becomes `[REDACTED]`. Scanning code, no backtracking regex.
 */
import { findProviderKeys, redactionLabel } from '../../../signatures/provider-keys.js';

const SECRET_WORDS = ['api-key', 'api_key', 'apikey', 'token', 'bearer', 'password', 'passwd', 'secret', 'authorization', 'x-api-key'];

function isSecretWord(word: string): boolean {
  const w = word.toLowerCase().replace(/^[-"'{([]+|[:="',)\]]+$/g, '');
  return SECRET_WORDS.some((s) => w === s || w.endsWith(`_${s}`) || w.endsWith(`-${s}`));
}

/** Mask the value that follows a secret word, either `word=value`, `word: value` or `word value`. */
function maskAfterSecretWords(text: string): string {
  const tokens = text.split(' ');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const eq = Math.max(t.indexOf('='), t.indexOf(':'));
    if (eq > 0 && eq < t.length - 1 && isSecretWord(t.slice(0, eq))) {
      tokens[i] = `${t.slice(0, eq + 1)}[REDACTED]`;
    } else if (isSecretWord(t) && i + 1 < tokens.length && (tokens[i + 1] ?? '') !== '') {
      const next = tokens[i + 1] ?? '';
      if (!next.startsWith('$') && !isSecretWord(next)) tokens[i + 1] = '[REDACTED]';
    }
  }
  return tokens.join(' ');
}

/**
 * @example redactSnippet('vllm serve m --api-key abc123') // 'vllm serve m --api-key [REDACTED]'
 */
export function redactSnippet(text: string, max = 200): string {
  let out = '';
  let at = 0;
  for (const m of findProviderKeys(text)) {
    out += text.slice(at, m.index) + redactionLabel(m.rule.id);
    at = m.index + m.value.length;
  }
  out += text.slice(at);
  out = maskAfterSecretWords(out);
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
