import type { Finding } from '../detection.js';
import { MAX_MATCHES } from '../sensitive/sensitive-match.js';

/** Where model output is headed; decides which payload rules apply. */
export type PayloadTarget = 'html' | 'markdown' | 'sql' | 'shell';
export const PAYLOAD_TARGETS: readonly PayloadTarget[] = ['html', 'markdown', 'sql', 'shell'];

interface PayloadRule {
  readonly targets: readonly PayloadTarget[];
  readonly category: string;
  readonly score: number;
  /** Global, linear-time (bounded repetitions only). */
  readonly pattern: RegExp;
  readonly validate?: (m: RegExpExecArray, text: string) => boolean;
  readonly message: string;
}

const WEB: readonly PayloadTarget[] = ['html', 'markdown'];

/** DELETE/UPDATE statement runs to the next `;` (bounded); no WHERE in it means every row. */
function noWhere(m: RegExpExecArray, text: string): boolean {
  const start = m.index + m[0].length;
  const semi = text.indexOf(';', start);
  const stop = Math.min(semi < 0 ? text.length : semi, start + 4000);
  return !/\bWHERE\b/i.test(text.slice(start, stop));
}

const RULES: readonly PayloadRule[] = [
  { targets: WEB, category: 'html_script', score: 0.95, pattern: /<script\b/gi, message: 'script element' },
  {
    targets: WEB,
    category: 'html_event_handler',
    score: 0.9,
    pattern: /<[a-z][a-z0-9-]{0,30}\s[^<>]{0,2000}?\bon[a-z]{3,30}\s{0,4}=/gi,
    message: 'inline event handler attribute',
  },
  {
    targets: WEB,
    category: 'javascript_url',
    score: 0.95,
    pattern: /(?:=\s{0,4}["']?|\]\(\s{0,4}<?)\s{0,4}(?:javascript|vbscript|data:text\/html)[\s:;,]/gi,
    message: 'javascript: / data:text/html URL in a link or attribute',
  },
  {
    targets: WEB,
    category: 'html_embed',
    score: 0.8,
    pattern: /<(?:iframe|object|embed|frameset|base|meta\s[^>]{0,500}?http-equiv)\b|\bsrcdoc\s{0,4}=/gi,
    message: 'embedding or redirecting element',
  },
  {
    targets: ['sql'],
    category: 'sql_stacked_query',
    score: 0.9,
    pattern: /;\s{0,20}(?:DROP|DELETE|INSERT|UPDATE|ALTER|CREATE|TRUNCATE|EXEC|EXECUTE|GRANT|REVOKE|SHUTDOWN|COPY)\b/gi,
    message: 'stacked query after a statement terminator',
  },
  {
    targets: ['sql'],
    category: 'sql_union_select',
    score: 0.9,
    pattern: /\bUNION(?:\s|\/\*[^*]{0,100}\*\/){1,10}(?:ALL(?:\s|\/\*[^*]{0,100}\*\/){1,10})?SELECT\b/gi,
    message: 'UNION SELECT',
  },
  {
    targets: ['sql'],
    category: 'sql_drop',
    score: 0.9,
    pattern: /\bDROP\s{1,10}(?:TABLE|DATABASE|SCHEMA|VIEW|INDEX|USER)\b/gi,
    message: 'DROP statement',
  },
  {
    targets: ['sql'],
    category: 'sql_delete_without_where',
    score: 0.85,
    pattern: /\bDELETE\s{1,10}FROM\s{1,10}[\w."`[\]]{1,128}/gi,
    validate: noWhere,
    message: 'DELETE without WHERE',
  },
  {
    targets: ['sql'],
    category: 'sql_update_without_where',
    score: 0.8,
    pattern: /\bUPDATE\s{1,10}[\w."`[\]]{1,128}\s{1,10}SET\b/gi,
    validate: noWhere,
    message: 'UPDATE without WHERE',
  },
  {
    targets: ['sql'],
    category: 'sql_comment_trick',
    score: 0.8,
    pattern: /['"]\s{0,4}(?:--|#|\/\*)|;\s{0,4}--|[A-Za-z]\/\*[^*]{0,100}\*\/[A-Za-z]/g,
    message: 'comment used to cut or split a statement',
  },
  {
    targets: ['sql'],
    category: 'sql_tautology',
    score: 0.8,
    pattern: /\bOR\s{1,4}(['"]?)([A-Za-z0-9_]{1,20})\1\s{0,4}=\s{0,4}(['"]?)([A-Za-z0-9_]{1,20})\3/gi,
    validate: (m) => m[2] === m[4],
    message: 'always-true OR condition',
  },
  {
    targets: ['shell'],
    category: 'shell_destructive',
    score: 0.95,
    pattern: /\b(?:rm\s{1,4}-[A-Za-z]{1,6}|mkfs(?:\.[a-z0-9]{1,8})?\s|dd\s{1,4}if=|shred\s|chmod\s{1,4}-R\s{1,4}777|:\(\)\s{0,4}\{\s{0,4}:\|:&\s{0,4}\};:)/g,
    validate: (m) => !m[0].startsWith('rm') || (/r/i.test(m[0].slice(3)) && /f/.test(m[0].slice(3))),
    message: 'destructive command',
  },
  {
    targets: ['shell'],
    category: 'shell_command_substitution',
    score: 0.85,
    pattern: /\$\([^)\n]{1,500}\)|`[^`\n]{1,500}`/g,
    message: 'command substitution',
  },
  {
    targets: ['shell'],
    category: 'shell_chained_command',
    score: 0.85,
    pattern: /(?:;|&&|\|\||\n)\s{0,4}(?:curl|wget|nc|ncat|netcat|bash|sh|zsh|python[0-9.]{0,4}|perl|ruby|php|chmod|chown|mkfifo|eval|exec|sudo|su|base64\s{1,4}-d)\b/g,
    message: 'chained command',
  },
  {
    targets: ['shell'],
    category: 'shell_pipe_to_interpreter',
    score: 0.9,
    pattern: /\|\s{0,4}(?:sudo\s{1,4})?(?:ba|z|k|da)?sh\b|\|\s{0,4}(?:python[0-9.]{0,4}|perl|ruby|node)\b/g,
    message: 'output piped into an interpreter',
  },
  {
    targets: ['shell'],
    category: 'shell_redirect_system',
    score: 0.85,
    pattern: />{1,2}\s{0,4}\/(?:etc|dev\/sd|dev\/nvme|boot|usr\/bin|bin)\//g,
    message: 'redirect into a system path',
  },
];

const ENTITY = /&(?:#x([0-9a-f]{1,6})|#([0-9]{1,7})|(colon|tab|newline|lpar|rpar));?/gi;
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', lpar: '(', rpar: ')' };
const URL_ATTR = /(?:\b(?:href|src|action|formaction|xlink:href|data)\s{0,4}=\s{0,4}["']?|\]\(\s{0,4}<?)/gi;
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data:text\/html)[:;,]?/;

/** An attribute value as a browser reads its scheme: entities decoded, whitespace and controls dropped, lower case. */
function schemeOf(raw: string): string {
  const decoded = raw.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? Number(dec) : -1;
    if (code >= 0) return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    return NAMED[(named ?? '').toLowerCase()] ?? '';
  });
  let out = '';
  for (const ch of decoded) if (ch > ' ' && ch !== '\u007f') out += ch;
  return out.toLowerCase();
}

/**
 * `javascript:` hidden with entities or control characters (`java&#x09;script:`, `&#106;avascript:`),
 * which browsers still execute: decode the first ~120 characters of each URL attribute and check the scheme.
 */
function findObfuscatedSchemes(text: string): Finding[] {
  const findings: Finding[] = [];
  URL_ATTR.lastIndex = 0;
  for (let m = URL_ATTR.exec(text); m !== null && findings.length < MAX_MATCHES; m = URL_ATTR.exec(text)) {
    const start = m.index + m[0].length;
    const raw = text.slice(start, start + 120);
    if (!raw.includes('&') && !/[\u0000-\u001f]/.test(raw.slice(0, 16))) continue; // plain forms are the javascript_url rule's
    if (!DANGEROUS_SCHEME.test(schemeOf(raw))) continue;
    const end = start + (/["'\s>)]/.exec(raw)?.index ?? raw.length);
    findings.push({ category: 'javascript_url', score: 0.95, spans: [{ start: m.index, end: Math.max(end, start + 1) }], message: 'obfuscated javascript:/data: URL (entities or control characters)' });
  }
  return findings;
}

/**
 * HTML/JS, SQL and shell payloads in output headed for a downstream interpreter (AI-VAL-02).
 * @example findPayloads("x'; DROP TABLE users; --", ['sql'])
 */
export function findPayloads(text: string, targets: readonly PayloadTarget[]): Finding[] {
  const findings: Finding[] = targets.includes('html') || targets.includes('markdown') ? findObfuscatedSchemes(text) : [];
  for (const rule of RULES) {
    if (!rule.targets.some((t) => targets.includes(t))) continue;
    const re = rule.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null && findings.length < MAX_MATCHES; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (rule.validate && !rule.validate(m, text)) continue;
      findings.push({ category: rule.category, score: rule.score, spans: [{ start: m.index, end: m.index + m[0].length }], message: rule.message });
    }
  }
  return findings;
}
