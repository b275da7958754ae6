/**
 * Python: requirements*.txt (and pip-tools *.in), pyproject.toml (PEP 621, PEP 735 groups,
 * Poetry, uv), Pipfile, and the lock files poetry.lock, uv.lock and pdm.lock.
 */
import { asArray, asRecord, asString, badInput, findLine, findLineStarting, parseTomlText, type Declared, type ManifestFormat } from './manifest-support.js';
import { parseRequirement, parseRequirementLine, stripHashComment } from './pep508.js';

export const requirementsFormat: ManifestFormat = {
  name: 'pypi-requirements',
  ecosystem: 'pypi',
  kind: 'manifest',
  matches: (base, path) =>
    (base.startsWith('requirements') && (base.endsWith('.txt') || base.endsWith('.in'))) ||
    (/(^|\/)requirements\/[^/]+\.(txt|in)$/i.test(path)),
  extract(text, path, wanted) {
    const out: Declared[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const first = i;
      let logical = stripHashComment((lines[i] ?? '').replace(/\r$/, ''));
      while (logical.trimEnd().endsWith('\\') && i + 1 < lines.length) {
        logical = logical.trimEnd().slice(0, -1) + ' ' + stripHashComment((lines[++i] ?? '').replace(/\r$/, ''));
      }
      const parsed = parseRequirementLine(logical);
      if (parsed.kind === 'invalid') throw badInput(path, `invalid requirement "${logical.trim().slice(0, 80)}"`, first + 1);
      if (parsed.kind === 'package' && wanted(parsed.req.name)) {
        out.push({ name: parsed.req.name, ...(parsed.req.version ? { version: parsed.req.version } : {}), line: first + 1 });
      }
    }
    return out;
  },
};

function requirementList(text: string, path: string, list: unknown, scope: string | undefined, wanted: (n: string) => boolean, out: Declared[]): void {
  for (const item of asArray(list)) {
    const s = asString(item);
    if (s === undefined) continue; // PEP 735 `{ include-group = "x" }`
    const req = parseRequirement(s);
    if (!req) throw badInput(path, `invalid requirement "${s.slice(0, 80)}"`, findLine(text, s));
    if (!wanted(req.name)) continue;
    const line = findLine(text, s);
    out.push({ name: req.name, ...(req.version ? { version: req.version } : {}), ...(line ? { line } : {}), ...(scope ? { scope } : {}) });
  }
}

/** `name = "^1.0"` or `name = { version = "^1.0", extras = [...] }` tables (Poetry, Pipfile). */
function nameTable(text: string, table: unknown, scope: string | undefined, wanted: (n: string) => boolean, out: Declared[]): void {
  for (const [name, spec] of Object.entries(asRecord(table) ?? {})) {
    if (name.toLowerCase() === 'python' || !wanted(name)) continue;
    const version = asString(spec) ?? asString(asRecord(spec)?.['version']) ?? asString(asRecord(spec)?.['git']);
    const line = findLineStarting(text, [`${name} =`, `${name}=`, `"${name}" =`, `"${name}"=`]);
    out.push({ name, ...(version ? { version } : {}), ...(line ? { line } : {}), ...(scope ? { scope } : {}) });
  }
}

export const pyprojectFormat: ManifestFormat = {
  name: 'pypi-pyproject',
  ecosystem: 'pypi',
  kind: 'manifest',
  matches: (base) => base === 'pyproject.toml',
  extract(text, path, wanted) {
    const doc = parseTomlText(text, path);
    const out: Declared[] = [];
    const project = asRecord(doc['project']);
    requirementList(text, path, project?.['dependencies'], undefined, wanted, out);
    for (const [group, list] of Object.entries(asRecord(project?.['optional-dependencies']) ?? {})) requirementList(text, path, list, group, wanted, out);
    for (const [group, list] of Object.entries(asRecord(doc['dependency-groups']) ?? {})) requirementList(text, path, list, group, wanted, out);
    const tool = asRecord(doc['tool']);
    requirementList(text, path, asRecord(tool?.['uv'])?.['dev-dependencies'], 'dev', wanted, out);
    const poetry = asRecord(tool?.['poetry']);
    nameTable(text, poetry?.['dependencies'], undefined, wanted, out);
    nameTable(text, poetry?.['dev-dependencies'], 'dev', wanted, out);
    for (const [group, g] of Object.entries(asRecord(poetry?.['group']) ?? {})) nameTable(text, asRecord(g)?.['dependencies'], group, wanted, out);
    return out;
  },
};

export const pipfileFormat: ManifestFormat = {
  name: 'pypi-pipfile',
  ecosystem: 'pypi',
  kind: 'manifest',
  matches: (base) => base === 'pipfile',
  extract(text, path, wanted) {
    const doc = parseTomlText(text, path);
    const out: Declared[] = [];
    nameTable(text, doc['packages'], undefined, wanted, out);
    nameTable(text, doc['dev-packages'], 'dev', wanted, out);
    return out;
  },
};

export const pythonLockFormat: ManifestFormat = {
  name: 'pypi-lock',
  ecosystem: 'pypi',
  kind: 'lockfile',
  matches: (base) => base === 'poetry.lock' || base === 'uv.lock' || base === 'pdm.lock',
  extract(text, path, wanted) {
    const doc = parseTomlText(text, path);
    const out: Declared[] = [];
    for (const entry of asArray(doc['package'])) {
      const p = asRecord(entry);
      const name = asString(p?.['name']);
      if (!p || !name || !wanted(name)) continue;
      const version = asString(p['version']);
      const line = findLineStarting(text, [`name = "${name}"`]);
      out.push({ name, ...(version ? { version } : {}), ...(line ? { line } : {}) });
    }
    return out;
  },
};
