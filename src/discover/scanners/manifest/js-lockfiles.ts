/**
 * pnpm-lock.yaml (lockfile v5, v6 and v9 package keys) and yarn.lock (classic v1 and berry).
 */
import { isMap, isScalar } from 'yaml';
import { badInput, parseYamlText, type Declared, type ManifestFormat } from './manifest-support.js';

/**
 * A pnpm package key → name and version.
 * v9 `@ai-sdk/openai@1.0.0(zod@3.23.8)`, v6 `/openai@4.52.0`, v5 `/openai/4.52.0_zod@3.23.8`.
 */
export function parsePnpmKey(key: string): { name: string; version: string } | undefined {
  let k = key.startsWith('/') ? key.slice(1) : key;
  const paren = k.indexOf('(');
  if (paren > 0) k = k.slice(0, paren);
  const at = k.indexOf('@', 1);
  if (at > 0) return { name: k.slice(0, at), version: k.slice(at + 1) };
  const parts = k.split('/');
  const scoped = k.startsWith('@');
  const name = scoped ? parts.slice(0, 2).join('/') : parts[0];
  const version = (scoped ? parts[2] : parts[1])?.split('_')[0];
  return name && version ? { name, version } : undefined;
}

export const pnpmLockFormat: ManifestFormat = {
  name: 'npm-pnpm-lock',
  ecosystem: 'npm',
  kind: 'lockfile',
  matches: (base) => base === 'pnpm-lock.yaml',
  extract(text, path, wanted) {
    const { doc, lineOf } = parseYamlText(text, path);
    const out: Declared[] = [];
    const packages = doc.get('packages');
    if (packages === undefined || packages === null) return out;
    if (!isMap(packages)) throw badInput(path, 'invalid pnpm-lock.yaml: `packages` is not a mapping');
    for (const item of packages.items) {
      const key = isScalar(item.key) ? String(item.key.value) : undefined;
      const parsed = key ? parsePnpmKey(key) : undefined;
      if (!parsed || !wanted(parsed.name)) continue;
      const offset = isScalar(item.key) ? item.key.range?.[0] : undefined;
      out.push({ name: parsed.name, version: parsed.version, ...(offset === undefined ? {} : { line: lineOf(offset) }) });
    }
    return out;
  },
};

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && (t.startsWith('"') || t.startsWith("'")) ? t.slice(1, -1) : t;
}

/** `openai@^4.0.0`, `"@s/x@npm:^1.0.0"` → package name. */
function descriptorName(descriptor: string): string | undefined {
  const d = unquote(descriptor);
  const at = d.indexOf('@', 1);
  return at > 0 ? d.slice(0, at) : undefined;
}

export const yarnLockFormat: ManifestFormat = {
  name: 'npm-yarn-lock',
  ecosystem: 'npm',
  kind: 'lockfile',
  matches: (base) => base === 'yarn.lock',
  extract(text, path, wanted) {
    const out: Declared[] = [];
    const lines = text.split('\n');
    let current: { names: string[]; line: number; version?: string } | undefined;
    const flush = (): void => {
      if (!current) return;
      if (current.version === undefined && current.names.length > 0) throw badInput(path, 'invalid yarn.lock: entry without a version', current.line);
      for (const name of current.names) if (wanted(name)) out.push({ name, version: current.version ?? '', line: current.line });
      current = undefined;
    };
    for (let i = 0; i < lines.length; i++) {
      const raw = (lines[i] ?? '').replace(/\r$/, '');
      if (raw.trim() === '' || raw.startsWith('#')) continue;
      if (!raw.startsWith(' ')) {
        if (!raw.endsWith(':')) throw badInput(path, `invalid yarn.lock: unexpected line "${raw.slice(0, 60)}"`, i + 1);
        flush();
        const header = raw.slice(0, -1);
        if (header === '__metadata') {
          current = { names: [], line: i + 1 };
          continue;
        }
        const names = [...new Set(header.split(',').map((d) => descriptorName(d)).filter((n): n is string => n !== undefined))];
        if (names.length === 0) throw badInput(path, `invalid yarn.lock: cannot read package from "${header.slice(0, 60)}"`, i + 1);
        current = { names, line: i + 1 };
        continue;
      }
      const t = raw.trim();
      if (current && current.version === undefined && /^version:?\s/.test(t) && raw.startsWith('  ') && !raw.startsWith('   ')) {
        current.version = unquote(t.replace(/^version:?\s+/, ''));
      }
    }
    flush();
    return out;
  },
};
