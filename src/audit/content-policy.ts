/**
 * Content policy for the bodies inside events (prompt, output, tool arguments, retrieval
 * query): keep them verbatim (`store`), keep only their SHA-256 (`hash`), or keep a
 * redacted copy (`redact`). The policy is applied by the store before an event is hashed,
 * so what is chained is exactly what is kept. A body is never upgraded: a producer that
 * sent only a hash keeps only a hash, whatever the store's mode.
 */
import { sha256Hex } from './_sha256.js';
import type { AuditEventInput, ContentBody, ContentMode } from './event.js';

/** Turns sensitive text into a redacted copy. Must be deterministic. */
export type Redactor = (text: string) => string;

const SECRET_PREFIXES = ['sk-', 'sk_', 'pk_', 'rk_', 'AKIA', 'ASIA', 'ghp_', 'gho_', 'github_pat_', 'xox', 'AIza', 'hf_', 'glpat-'];

/**
 * The default redactor, two linear scans: first runs of 9+ digits (optionally grouped by
 * single spaces or dashes: card, account and id numbers) become `[NUMBER]`; then, token by
 * token (whitespace-separated), e-mail addresses become `[EMAIL]` and tokens that look like
 * provider/API keys become `[SECRET]`. Replace it with the guard's detectors through
 * `ContentPolicy.redactor`.
 */
export const defaultRedactor: Redactor = (text) => redactTokens(redactNumbers(text));

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSep = (c: number): boolean => c === 32 || c === 45;

function redactNumbers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      out += text[i];
      i++;
      continue;
    }
    // A run: digits, with single separators between digit groups.
    let j = i;
    let digits = 0;
    let end = i;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (isDigit(c)) {
        digits++;
        j++;
        end = j;
      } else if (isSep(c) && j + 1 < text.length && isDigit(text.charCodeAt(j + 1))) j++;
      else break;
    }
    out += digits >= 9 ? '[NUMBER]' : text.slice(i, end);
    i = end;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

function redactTokens(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
    out += j > i ? redactToken(text.slice(i, j)) : '';
    let k = j;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    out += text.slice(j, k);
    i = k;
  }
  return out;
}

function redactToken(tok: string): string {
  const at = tok.indexOf('@');
  if (at > 0 && tok.indexOf('.', at) > at + 1) return '[EMAIL]';
  if (tok.length >= 16 && SECRET_PREFIXES.some((p) => tok.includes(p))) return '[SECRET]';
  return tok;
}

export interface ContentPolicy {
  readonly mode: ContentMode;
  readonly redactor?: Redactor;
}

/** Build a content body for `text` under `mode` (for producers). */
export function contentBody(text: string, mode: ContentMode = 'store', redactor: Redactor = defaultRedactor): ContentBody {
  const sha256 = sha256Hex(text);
  if (mode === 'hash') return { mode, sha256 };
  if (mode === 'redact') return { mode, sha256, text: redactor(text) };
  return { mode, sha256, text };
}

function applyBody(body: ContentBody | undefined, policy: ContentPolicy): ContentBody | undefined {
  if (!body) return body;
  if (policy.mode === 'store' || body.mode === 'hash') return body;
  if (policy.mode === 'hash') return { mode: 'hash', sha256: body.sha256 };
  if (body.mode === 'redact') return body;
  return { mode: 'redact', sha256: body.sha256, text: (policy.redactor ?? defaultRedactor)(body.text ?? '') };
}

/** Apply the policy to an event's bodies. Returns the same object when nothing changes. */
export function applyContentPolicy(e: AuditEventInput, policy: ContentPolicy): AuditEventInput {
  if (policy.mode === 'store') return e;
  switch (e.type) {
    case 'model.request':
      return e.data.prompt ? { ...e, data: withBody(e.data, 'prompt', applyBody(e.data.prompt, policy)) } : e;
    case 'model.response':
      return e.data.output ? { ...e, data: withBody(e.data, 'output', applyBody(e.data.output, policy)) } : e;
    case 'tool.call':
      return e.data.arguments ? { ...e, data: withBody(e.data, 'arguments', applyBody(e.data.arguments, policy)) } : e;
    case 'retrieval':
      return e.data.query ? { ...e, data: withBody(e.data, 'query', applyBody(e.data.query, policy)) } : e;
    case 'guard.verdict':
    case 'approval.decision':
    case 'key.use':
    case 'identity.auth':
    case 'config.change':
    case 'incident.opened':
    case 'incident.updated':
      return e;
  }
}

function withBody<T extends object, K extends string>(data: T, key: K, body: ContentBody | undefined): T {
  return { ...data, [key]: body };
}
