/**
 * Build the extra benign corpus for the injection classifier: `tsx scripts/extract-guard-extra.ts [--out DIR]`.
 *
 * Real documentation prose found on the build machine, with a recorded licence per row:
 * - README files of this repo's installed npm packages (package, version and licence from package.json);
 * - README files under /usr/share/doc (Debian package, version from dpkg, licence from its copyright file);
 * - this repo's own docs, except the guard docs (they quote attacks).
 * Prompt-injection / guardrail packages and any file with injection-looking wording are excluded.
 * Files are cut into chunks at paragraph boundaries (never inside a fenced code block) with seeded lengths.
 * The output (data/guard-extra/*.jsonl) is committed, so training never depends on what is installed.
 * Rows: {"text", "label": 0, "kind": "benign", "source", "package", "version", "license"}.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { isPermissive } from '../bench/lib/licence.js';
import { mulberry32 } from '../src/core/seeded-random.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { out: { type: 'string', default: join(repoRoot, 'data', 'guard-extra') }, seed: { type: 'string', default: '20261122' } } });

/** Guardrail / prompt-injection packages: their docs are full of attack examples. */
const EXCLUDED_PACKAGES = new Set(['@andersmyrmel/vard', '@presidio-dev/hai-guardrails', 'llm_guardrail', 'llm-guard', 'llmverify']);
/** A file with any of these is dropped whole (offline filter over trusted files, not user input). */
const INJECTION_LOOKING = /ignore (all |the |any )?(previous|prior|above|earlier)|disregard|jailbreak|prompt[- ]injection|system prompt|do anything now|\bDAN\b|you are now|pretend (to be|you)|act as (a|an) |developer mode|forget (everything|all|your)|guardrail|llm|chatgpt|openai|anthropic|as an ai\b/i;
const MAX_CHUNKS_PER_FILE = 6;
const MAX_FILE_BYTES = 400_000;

interface ExtraRow {
  readonly text: string;
  readonly label: 0;
  readonly kind: 'benign';
  readonly source: string;
  readonly package: string;
  readonly version: string;
  readonly license: string;
}

/** Paragraphs (blank-line separated), keeping fenced code blocks whole. */
function paragraphs(text: string): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let inFence = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trimStart().startsWith('```')) inFence = !inFence;
    if (!inFence && line.trim() === '') {
      if (cur.length > 0) out.push(cur.join('\n'));
      cur = [];
    } else cur.push(line);
  }
  if (cur.length > 0) out.push(cur.join('\n'));
  return out;
}

/** Consecutive paragraphs joined into chunks whose target length is drawn per chunk (short prompts to long pages). */
function chunks(text: string, rand: () => number): string[] {
  const out: string[] = [];
  let cur = '';
  const nextTarget = (): number => {
    const r = rand();
    return r < 0.35 ? 150 + rand() * 450 : r < 0.8 ? 600 + rand() * 1400 : 2000 + rand() * 3000;
  };
  let target = nextTarget();
  for (const p of paragraphs(text)) {
    cur = cur ? `${cur}\n\n${p}` : p;
    if (cur.length >= target) {
      out.push(cur.trim());
      cur = '';
      target = nextTarget();
    }
  }
  if (cur.trim().length >= 150) out.push(cur.trim());
  return out.filter((c) => c.length >= 80 && c.length <= 20_000 && (c.match(/[a-z]/gi)?.length ?? 0) >= 0.4 * c.length);
}

/** Keep every k-th chunk so a long README does not dominate (deterministic). */
function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)] as T);
}

function readText(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return undefined;
    const buf = readFileSync(path);
    const text = (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
    return text.includes('\uFFFD') ? undefined : text;
  } catch {
    return undefined;
  }
}

function npmRows(rand: () => number): ExtraRow[] {
  const nm = join(repoRoot, 'node_modules');
  const dirs: string[] = [];
  for (const name of readdirSync(nm).sort()) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) for (const sub of readdirSync(join(nm, name)).sort()) dirs.push(`${name}/${sub}`);
    else dirs.push(name);
  }
  const rows: ExtraRow[] = [];
  for (const pkg of dirs) {
    if (EXCLUDED_PACKAGES.has(pkg)) continue;
    const readme = readdirSync(join(nm, pkg)).find((f) => /^readme\.(md|markdown)$/i.test(f));
    if (!readme || !existsSync(join(nm, pkg, 'package.json'))) continue;
    const meta = JSON.parse(readFileSync(join(nm, pkg, 'package.json'), 'utf8')) as { name?: string; version?: string; license?: unknown };
    const license = typeof meta.license === 'string' ? meta.license : '';
    if (!license || meta.name !== pkg || !isPermissive(license)) continue;
    const text = readText(join(nm, pkg, readme));
    if (!text || INJECTION_LOOKING.test(text)) continue;
    spread(chunks(text, rand), MAX_CHUNKS_PER_FILE).forEach((c, i) =>
      rows.push({ text: c, label: 0, kind: 'benign', source: `npm/${pkg}@${meta.version}:${readme}#${i}`, package: pkg, version: String(meta.version), license }),
    );
  }
  return rows;
}

/** `License:` of the first stanza of a machine-readable (DEP-5) Debian copyright file, else undefined. */
function debianLicense(pkgDir: string): string | undefined {
  const text = readText(join(pkgDir, 'copyright')) ?? '';
  if (!/^Format:\s*\S/m.test(text)) return undefined;
  return /^License:\s*(\S.*)$/m.exec(text)?.[1]?.trim();
}

function debianRows(rand: () => number): ExtraRow[] {
  const root = '/usr/share/doc';
  if (!existsSync(root)) return [];
  const versions = new Map<string, string>();
  try {
    const out = execFileSync('dpkg-query', ['-W', '-f=${Package}\t${Version}\n'], { encoding: 'utf8' });
    for (const line of out.split('\n')) {
      const [p, v] = line.split('\t');
      if (p && v) versions.set(p.split(':')[0] as string, v);
    }
  } catch {
    // no dpkg: versions stay unknown
  }
  const rows: ExtraRow[] = [];
  for (const pkg of readdirSync(root).sort()) {
    const dir = join(root, pkg);
    if (!statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir)
      .filter((f) => /^readme([.-].*)?$/i.test(f) || /\.(md|markdown)(\.gz)?$/i.test(f))
      .filter((f) => !/changelog|copyright|news|\.html/i.test(f))
      .sort();
    const license = debianLicense(dir);
    if (files.length === 0 || license === undefined || !isPermissive(license)) continue;
    for (const f of files) {
      const text = readText(join(dir, f));
      if (!text || INJECTION_LOOKING.test(text)) continue;
      spread(chunks(text, rand), MAX_CHUNKS_PER_FILE).forEach((c, i) =>
        rows.push({ text: c, label: 0, kind: 'benign', source: `debian/${pkg}:/usr/share/doc/${pkg}/${f}#${i}`, package: pkg, version: versions.get(pkg) ?? 'unknown', license }),
      );
    }
  }
  return rows;
}

function repoDocRows(rand: () => number): ExtraRow[] {
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const files = ['README.md', ...readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.md') && !f.startsWith('guard')).map((f) => `docs/${f}`)].sort();
  const rows: ExtraRow[] = [];
  for (const f of files) {
    const text = readText(join(repoRoot, f));
    if (!text) continue;
    // The repo's docs describe the guard (whole files would be dropped); drop only paragraphs that quote attacks.
    const clean = paragraphs(text).filter((p) => !INJECTION_LOOKING.test(p)).join('\n\n');
    spread(chunks(clean, rand), MAX_CHUNKS_PER_FILE).forEach((c, i) =>
      rows.push({ text: c, label: 0, kind: 'benign', source: `attest/docs:${f}#${i}`, package: 'attest', version, license: 'Apache-2.0' }),
    );
  }
  return rows;
}

function dedupe(rows: readonly ExtraRow[], seen: Set<string>): ExtraRow[] {
  return rows.filter((r) => {
    const key = r.text.replace(/\s+/g, ' ').trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function main(): void {
  const seed = Number(args.seed);
  mkdirSync(args.out, { recursive: true });
  const seen = new Set<string>();
  const sets: [string, ExtraRow[]][] = [
    ['npm-readmes.jsonl', dedupe(npmRows(mulberry32(seed)), seen)],
    ['debian-docs.jsonl', dedupe(debianRows(mulberry32(seed + 1)), seen)],
    ['attest-docs.jsonl', dedupe(repoDocRows(mulberry32(seed + 2)), seen)],
  ];
  const summary: string[] = [];
  for (const [file, rows] of sets) {
    writeFileSync(join(args.out, file), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const chars = rows.reduce((s, r) => s + r.text.length, 0);
    const line = `${file}: ${rows.length} rows, ${new Set(rows.map((r) => r.package)).size} packages, ${(chars / 1024).toFixed(0)} KiB of text`;
    summary.push(`| ${file} | ${rows.length} | ${new Set(rows.map((r) => r.package)).size} | ${(chars / 1024).toFixed(0)} KiB |`);
    process.stdout.write(`${line}\n`);
  }
  writeFileSync(join(args.out, 'SOURCES.md'), sourcesMarkdown(summary, sets.flatMap(([file, rows]) => rows.map((r) => ({ file, ...r })))));
}

function sourcesMarkdown(summary: readonly string[], rows: readonly (ExtraRow & { file: string })[]): string {
  const packages = new Map<string, { file: string; version: string; license: string; rows: number }>();
  for (const r of rows) {
    const key = `${r.file}|${r.package}`;
    const p = packages.get(key) ?? { file: r.file, version: r.version, license: r.license, rows: 0 };
    p.rows++;
    packages.set(key, p);
  }
  const table = [...packages.entries()].map(([key, p]) => `| ${p.file} | ${key.split('|')[1]} | ${p.version} | ${p.license} | ${p.rows} |`);
  return `# Extra benign corpus for the injection classifier: sources and licences

Generated by \`tsx scripts/extract-guard-extra.ts\` (seed ${args.seed}) from documentation installed on the build machine,
and committed so that \`npm run train:guard\` reproduces on a clean clone. All rows are benign (\`label\` 0) documentation
prose in the shared guard data's row format, plus \`package\`, \`version\` and \`license\` per row; \`source\` names the
file (\`npm/<package>@<version>:README.md#<chunk>\`, \`debian/<package>:/usr/share/doc/...#<chunk>\`, \`attest/docs:<file>#<chunk>\`).

| file | rows | packages | text |
|---|---|---|---|
${summary.join('\n')}

How rows were made:
- npm: the README of every package installed in this repo's node_modules whose package.json names a permissive licence
  (MIT, ISC, BSD, Apache-2.0, BlueOak, CC0, or an \`OR\` expression with one of them; MPL and copyleft are skipped).
  Excluded whole: the prompt-injection / guardrail packages used as benchmark peers (${[...EXCLUDED_PACKAGES].join(', ')}).
- Debian: README and Markdown files under /usr/share/doc of packages whose machine-readable copyright file gives a
  permissive licence for its first (\`Files: *\`) stanza (Expat, MIT, BSD, Apache-2.0, ISC, Zlib, public domain, or a
  dual licence with one of them). Changelogs, NEWS and copyright files are not used.
- attest: this repository's README.md and docs/*.md (Apache-2.0), except docs/guard*.md, which quote attacks; paragraphs
  with injection wording are dropped.
- Any npm or Debian file containing injection-looking wording (\`ignore previous\`, \`jailbreak\`, \`system prompt\`,
  \`you are now\`, \`act as a\`, LLM/ChatGPT/OpenAI mentions …) is dropped whole, so no row holds attack examples.
- Files are cut at paragraph boundaries (never inside a fenced code block) into chunks of seeded length (35% 150–600,
  45% 600–2,000, 20% 2,000–5,000 characters), at most ${MAX_CHUNKS_PER_FILE} per file spread over the file; exact
  duplicates (after whitespace folding) are removed.
- Each row names its package and version; that package's copyright notice and licence text are in its LICENSE / copyright
  file (node_modules/<package>/, /usr/share/doc/<package>/copyright). Rows are documentation excerpts used as training
  negatives and injection carriers.

In training (scripts/train-guard.ts), every third row of each origin is an injection carrier: a payload taken from a
TRAINING positive is planted into it (src/guard/injection/payload-augment.ts); the others are clean negatives. In
cross-validation and leave-one-source-out each origin (npm, debian, attest) is held out whole.

| file | package | version | licence | rows |
|---|---|---|---|---|
${table.join('\n')}
`;
}

main();
