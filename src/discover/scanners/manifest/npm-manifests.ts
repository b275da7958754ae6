/**
 * npm: package.json (dependencies, devDependencies, optionalDependencies, peerDependencies) and
 * package-lock.json / npm-shrinkwrap.json (v1 `dependencies` tree; v2/v3 `packages` map).
 */
import { asRecord, asString, badInput, findLine, parseJson, type Declared, type ManifestFormat } from './manifest-support.js';

const SECTIONS: ReadonlyArray<readonly [key: string, scope: string | undefined]> = [
  ['dependencies', undefined],
  ['devDependencies', 'dev'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
];

export const packageJsonFormat: ManifestFormat = {
  name: 'npm-package-json',
  ecosystem: 'npm',
  kind: 'manifest',
  matches: (base) => base === 'package.json',
  extract(text, path, wanted) {
    const root = asRecord(parseJson(text, path));
    if (!root) throw badInput(path, 'invalid package.json: top level is not an object', 1);
    const out: Declared[] = [];
    for (const [key, scope] of SECTIONS) {
      const deps = asRecord(root[key]);
      if (!deps) continue;
      const sectionAt = text.indexOf(`"${key}"`);
      for (const [name, range] of Object.entries(deps)) {
        if (!wanted(name)) continue;
        const version = asString(range);
        const line = findLine(text, `"${name}"`, sectionAt);
        out.push({ name, ...(version ? { version } : {}), ...(line ? { line } : {}), ...(scope ? { scope } : {}) });
      }
    }
    return out;
  },
};

/** `node_modules/a/node_modules/@s/b` → `@s/b`. */
function nameFromLockPath(key: string): string | undefined {
  const at = key.lastIndexOf('node_modules/');
  return at < 0 ? undefined : key.slice(at + 'node_modules/'.length);
}

function v1Tree(text: string, deps: Record<string, unknown>, wanted: (n: string) => boolean, out: Declared[], depth: number): void {
  if (depth > 64) return;
  for (const [name, entry] of Object.entries(deps)) {
    const e = asRecord(entry);
    if (!e) continue;
    if (wanted(name)) {
      const version = asString(e['version']);
      const line = findLine(text, `"${name}": {`) ?? findLine(text, `"${name}"`);
      out.push({ name, ...(version ? { version } : {}), ...(line ? { line } : {}), ...(e['dev'] === true ? { scope: 'dev' } : {}) });
    }
    const nested = asRecord(e['dependencies']);
    if (nested) v1Tree(text, nested, wanted, out, depth + 1);
  }
}

export const packageLockFormat: ManifestFormat = {
  name: 'npm-package-lock',
  ecosystem: 'npm',
  kind: 'lockfile',
  matches: (base) => base === 'package-lock.json' || base === 'npm-shrinkwrap.json',
  extract(text, path, wanted) {
    const root = asRecord(parseJson(text, path));
    if (!root) throw badInput(path, 'invalid package-lock.json: top level is not an object', 1);
    const out: Declared[] = [];
    const packages = asRecord(root['packages']);
    if (packages) {
      for (const [key, entry] of Object.entries(packages)) {
        const e = asRecord(entry);
        const name = asString(e?.['name']) ?? nameFromLockPath(key);
        if (!e || !name || !wanted(name) || e['link'] === true) continue;
        const version = asString(e['version']);
        const line = findLine(text, `"${key}"`);
        out.push({ name, ...(version ? { version } : {}), ...(line ? { line } : {}), ...(e['dev'] === true ? { scope: 'dev' } : {}) });
      }
      return out;
    }
    const deps = asRecord(root['dependencies']);
    if (deps) v1Tree(text, deps, wanted, out, 0);
    return out;
  },
};
