/**
 * PEP 508 requirement strings (`openai[datalib]>=1.30,<2; python_version>="3.9"`) and
 * requirements.txt lines, read by scanning, not by one large regex.
 */

export interface Requirement {
  readonly name: string;
  /** Version specifier as written (`>=1.30,<2`, `==0.3.1`), or a direct URL after `@`. */
  readonly version?: string;
  readonly extras?: readonly string[];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}/;
const SPEC_START = new Set(['<', '>', '=', '!', '~', '@', ';', '(']);

/** Parse one PEP 508 string; undefined when it is not one. */
export function parseRequirement(raw: string): Requirement | undefined {
  const s = raw.trim();
  const m = NAME.exec(s);
  if (!m) return undefined;
  let name = m[0];
  while (/[._-]$/.test(name)) name = name.slice(0, -1);
  let rest = s.slice(name.length).trimStart();
  let extras: string[] | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    extras = rest.slice(1, close).split(',').map((e) => e.trim()).filter(Boolean);
    rest = rest.slice(close + 1).trimStart();
  }
  if (rest !== '' && !SPEC_START.has(rest[0] ?? '')) return undefined;
  // `=` alone is not an operator (PEP 440 has ==, ===, ~=, !=, <=, >=).
  if (rest[0] === '=' && rest[1] !== '=') return undefined;
  const semi = rest.indexOf(';');
  let spec = (semi >= 0 ? rest.slice(0, semi) : rest).trim();
  if (spec.startsWith('(') && spec.endsWith(')')) spec = spec.slice(1, -1).trim();
  if (spec.startsWith('@')) spec = spec.slice(1).trim();
  return { name, ...(spec ? { version: spec.replace(/\s+/g, '') } : {}), ...(extras ? { extras } : {}) };
}

/** Options that carry no package (`-r`, `-c`, `--index-url` …). */
const SKIP_OPTIONS = /^(-r|-c|-i|-f|--requirement|--constraint|--index-url|--extra-index-url|--find-links|--trusted-host|--pre|--no-binary|--only-binary|--prefer-binary|--require-hashes|--no-index|--use-feature|--config-settings|--hash)\b/;

export type RequirementLine = { kind: 'package'; req: Requirement } | { kind: 'skip' } | { kind: 'invalid' };

/** One logical requirements.txt line (continuations already joined, comments removed). */
export function parseRequirementLine(line: string): RequirementLine {
  let t = line.trim();
  if (t === '') return { kind: 'skip' };
  if (t.startsWith('-e ') || t.startsWith('--editable')) t = t.replace(/^(-e|--editable)[\s=]+/, '');
  else if (t.startsWith('-')) return SKIP_OPTIONS.test(t) ? { kind: 'skip' } : { kind: 'invalid' };
  // Direct references: a URL or path with `#egg=name`, or a bare archive/VCS URL (no name to report).
  if (/^[a-z+]{2,12}:\/\//i.test(t) || t.startsWith('.') || t.startsWith('/')) {
    const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]{0,200})/.exec(t);
    return egg?.[1] ? { kind: 'package', req: { name: egg[1], version: t.split('#')[0] ?? t } } : { kind: 'skip' };
  }
  t = t.replace(/\s--hash[=\s]\S+/g, '');
  const req = parseRequirement(t);
  return req ? { kind: 'package', req } : { kind: 'invalid' };
}

/** Remove a `#` comment (at line start or after whitespace; `#egg=` inside URLs stays). */
export function stripHashComment(line: string): string {
  if (line.trimStart().startsWith('#')) return '';
  const m = /\s#/.exec(line);
  return m ? line.slice(0, m.index) : line;
}
