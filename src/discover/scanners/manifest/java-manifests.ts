/**
 * Java: pom.xml dependencies (with `${property}` versions resolved from `<properties>`),
 * Gradle build scripts (`implementation("g:a:v")`, `implementation 'g:a:v'`, map notation)
 * and Gradle version catalogs (libs.versions.toml).
 */
import { lexSource } from '../source/source-lexer.js';
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

function resolveProperty(value: string | undefined, props: Record<string, unknown>): string | undefined {
  if (!value) return undefined;
  const m = /^\$\{([\w.-]{1,120})\}$/.exec(value.trim());
  if (!m?.[1]) return value.trim();
  return asString(props[m[1]])?.trim() ?? value.trim();
}

function pomDependencies(project: Record<string, unknown>): { dep: Record<string, unknown>; scope?: string }[] {
  const out: { dep: Record<string, unknown>; scope?: string }[] = [];
  const add = (container: unknown, scope?: string): void => {
    for (const d of asArray(asRecord(container)?.['dependency'])) {
      const dep = asRecord(d);
      if (dep) out.push(scope ? { dep, scope } : { dep });
    }
  };
  add(project['dependencies']);
  add(asRecord(project['dependencyManagement'])?.['dependencies'], 'managed');
  for (const p of asArray(asRecord(project['profiles'])?.['profile'])) add(asRecord(p)?.['dependencies']);
  return out;
}

export const pomFormat: ManifestFormat = {
  name: 'maven-pom',
  ecosystem: 'maven',
  kind: 'manifest',
  matches: (base) => base === 'pom.xml',
  extract(text, path, wanted) {
    const doc = parseXmlText(text, path, ['dependency', 'profile']);
    const project = asRecord(doc['project']);
    if (!project) throw badInput(path, 'invalid pom.xml: no <project> element', 1);
    const props = asRecord(project['properties']) ?? {};
    const out: Declared[] = [];
    for (const { dep, scope } of pomDependencies(project)) {
      const group = asString(dep['groupId'])?.trim();
      const artifact = asString(dep['artifactId'])?.trim();
      if (!group || !artifact || !wanted(`${group}:${artifact}`)) continue;
      const version = resolveProperty(asString(dep['version']), props);
      const depScope = scope ?? asString(dep['scope'])?.trim();
      const line = findLine(text, `<artifactId>${artifact}</artifactId>`);
      out.push({ name: `${group}:${artifact}`, ...(version ? { version } : {}), ...(line ? { line } : {}), ...(depScope ? { scope: depScope } : {}) });
    }
    return out;
  },
};

const COORD = /^([A-Za-z0-9_.-]{1,200}):([A-Za-z0-9_.-]{1,200})(?::([^:@\s]{1,100}))?(?:@[A-Za-z0-9]{1,20})?$/;

export const gradleFormat: ManifestFormat = {
  name: 'maven-gradle',
  ecosystem: 'maven',
  kind: 'manifest',
  matches: (base) => base === 'build.gradle' || base === 'build.gradle.kts',
  extract(text, path, wanted) {
    // Groovy strings use ' and ", Kotlin only "; the JS lexer reads both and strips // and /* */ comments.
    const src = lexSource(text, path.endsWith('.kts') ? 'kotlin' : 'js');
    const out: Declared[] = [];
    for (const s of src.strings) {
      const m = COORD.exec(s.value);
      if (m?.[1] && m[2] && m[1].includes('.')) {
        const name = `${m[1]}:${m[2]}`;
        if (wanted(name)) out.push({ name, ...(m[3] ? { version: m[3] } : {}), line: s.line });
      }
    }
    // Map notation: implementation group: 'g', name: 'a', version: 'v'
    const byLine = new Map<number, Record<string, string>>();
    for (const s of src.strings) {
      const key = /(group|name|version)\s*[:=]\s*$/.exec(src.code.slice(Math.max(0, s.start - 16), s.start))?.[1];
      if (!key) continue;
      const entry = byLine.get(s.line) ?? {};
      entry[key] = s.value;
      byLine.set(s.line, entry);
    }
    for (const [line, e] of byLine) {
      if (!e['group'] || !e['name']) continue;
      const name = `${e['group']}:${e['name']}`;
      if (wanted(name)) out.push({ name, ...(e['version'] ? { version: e['version'] } : {}), line });
    }
    return out;
  },
};

export const versionCatalogFormat: ManifestFormat = {
  name: 'maven-version-catalog',
  ecosystem: 'maven',
  kind: 'manifest',
  matches: (base) => base.endsWith('.versions.toml'),
  extract(text, path, wanted) {
    const doc = parseTomlText(text, path);
    const versions = asRecord(doc['versions']) ?? {};
    const out: Declared[] = [];
    for (const [alias, spec] of Object.entries(asRecord(doc['libraries']) ?? {})) {
      let module: string | undefined;
      let version: string | undefined;
      const str = asString(spec);
      const table = asRecord(spec);
      if (str) {
        const m = COORD.exec(str);
        module = m?.[1] && m[2] ? `${m[1]}:${m[2]}` : undefined;
        version = m?.[3];
      } else if (table) {
        const group = asString(table['group']);
        module = asString(table['module']) ?? (group && asString(table['name']) ? `${group}:${asString(table['name'])}` : undefined);
        const v = table['version'];
        const ref = asString(asRecord(v)?.['ref']);
        version = asString(v) ?? (ref ? asString(versions[ref]) : undefined) ?? asString(asRecord(v)?.['strictly']) ?? asString(asRecord(v)?.['require']);
      }
      if (!module || !wanted(module)) continue;
      const line = findLineStarting(text, [`${alias} =`, `${alias}=`, `"${alias}" =`]);
      out.push({ name: module, ...(version ? { version } : {}), ...(line ? { line } : {}) });
    }
    return out;
  },
};
