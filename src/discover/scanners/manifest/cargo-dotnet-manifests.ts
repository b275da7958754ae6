/** Rust Cargo.toml dependency tables and .NET project files (PackageReference / PackageVersion). */
import {
  asArray,
  asRecord,
  asString,
  badInput,
  findLine,
  findLineStarting,
  parseTomlText,
  parseXmlText,
  type Declared,
  type ManifestFormat,
} from './manifest-support.js';

const CARGO_TABLES: ReadonlyArray<readonly [key: string, scope: string | undefined]> = [
  ['dependencies', undefined],
  ['dev-dependencies', 'dev'],
  ['build-dependencies', 'build'],
];

function cargoTable(text: string, table: unknown, scope: string | undefined, wanted: (n: string) => boolean, out: Declared[]): void {
  for (const [key, spec] of Object.entries(asRecord(table) ?? {})) {
    const t = asRecord(spec);
    const name = asString(t?.['package']) ?? key;
    if (!wanted(name)) continue;
    const version = asString(spec) ?? asString(t?.['version']) ?? asString(t?.['git']);
    const line = findLineStarting(text, [`${key} =`, `${key}=`, `"${key}" =`]) ?? findLine(text, `.${key}]`);
    out.push({ name, ...(version ? { version } : {}), ...(line ? { line } : {}), ...(scope ? { scope } : {}) });
  }
}

export const cargoFormat: ManifestFormat = {
  name: 'cargo-toml',
  ecosystem: 'cargo',
  kind: 'manifest',
  matches: (base) => base === 'cargo.toml',
  extract(text, path, wanted) {
    const doc = parseTomlText(text, path);
    const out: Declared[] = [];
    for (const [key, scope] of CARGO_TABLES) cargoTable(text, doc[key], scope, wanted, out);
    cargoTable(text, asRecord(doc['workspace'])?.['dependencies'], 'workspace', wanted, out);
    for (const target of Object.values(asRecord(doc['target']) ?? {})) {
      for (const [key, scope] of CARGO_TABLES) cargoTable(text, asRecord(target)?.[key], scope, wanted, out);
    }
    return out;
  },
};

export const dotnetProjectFormat: ManifestFormat = {
  name: 'nuget-project',
  ecosystem: 'nuget',
  kind: 'manifest',
  matches: (base) => /\.(cs|fs|vb)proj$/.test(base) || base === 'directory.packages.props',
  extract(text, path, wanted) {
    const doc = parseXmlText(text, path, ['ItemGroup', 'PackageReference', 'PackageVersion']);
    const project = asRecord(doc['Project']);
    if (!project) throw badInput(path, 'invalid project file: no <Project> element', 1);
    const out: Declared[] = [];
    for (const group of asArray(project['ItemGroup'])) {
      const g = asRecord(group);
      for (const ref of [...asArray(g?.['PackageReference']), ...asArray(g?.['PackageVersion'])]) {
        const r = asRecord(ref);
        const name = asString(r?.['@_Include']) ?? asString(r?.['@_Update']);
        if (!r || !name || !wanted(name)) continue;
        const version = asString(r['@_Version']) ?? asString(r['Version']) ?? asString(r['@_VersionOverride']);
        const line = findLine(text, `"${name}"`);
        out.push({ name, ...(version ? { version } : {}), ...(line ? { line } : {}) });
      }
    }
    return out;
  },
};
