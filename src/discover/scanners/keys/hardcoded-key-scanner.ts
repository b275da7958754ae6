/**
 * Hard-coded provider keys in any text file the engine offers (source, config, .env, notebooks,
 * YAML, JSON, Dockerfiles …; never lock files). Each real-looking, non-placeholder key becomes a
 * `key` component and a `hardcoded-key` finding (AI-KEY-01, critical). The raw key never leaves
 * this module: names, snippets and messages carry only `redactKey()` prefixes.
 */
import { findProviderKeys, hasKeyRun, isPlaceholderKey, redactionLabel, type KeyMatch } from '../../../signatures/provider-keys.js';
import { DEFAULT_MAX_TEXT_BYTES, type ComponentDraft, type Evidence, type FileInput, type FileScanner, type FindingDraft, type Observation } from '../../model.js';
import { base64SecretValues } from './base64-secret-values.js';

const SCANNER = 'keys';
/** Files larger than this are not searched for keys (data dumps, not configuration). */
export const MAX_KEY_SCAN_BYTES = 32 * 1024 * 1024;
/** Lines are searched in batches of about this many characters when a file is streamed. */
const BATCH_CHARS = 256 * 1024;

const TEXT_EXTENSIONS = new Set([
  'ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'vue', 'svelte', 'py', 'ipynb', 'go', 'java', 'kt', 'kts', 'scala', 'groovy',
  'gradle', 'rb', 'php', 'cs', 'fs', 'rs', 'swift', 'dart', 'lua', 'r', 'c', 'cc', 'cpp', 'h', 'hpp', 'm', 'sh', 'bash', 'zsh', 'fish',
  'ps1', 'bat', 'cmd', 'env', 'json', 'jsonc', 'json5', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'conf', 'properties', 'xml', 'tf',
  'tfvars', 'hcl', 'md', 'mdx', 'txt', 'sql', 'html', 'htm', 'erb', 'j2', 'jinja', 'tpl', 'config', 'pem', 'csv',
]);
const TEXT_NAMES = new Set(['dockerfile', 'containerfile', 'makefile', 'procfile', 'jenkinsfile', 'vagrantfile', '.npmrc', '.pypirc', '.netrc', '.envrc', '.bashrc', '.zshrc', '.profile', 'credentials']);
const LOCK_FILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'poetry.lock', 'uv.lock', 'pipfile.lock', 'cargo.lock', 'go.sum', 'composer.lock', 'gemfile.lock', 'packages.lock.json', 'pdm.lock', 'flake.lock']);

/** Which files the key scanner reads. */
export function wantsKeyFile(path: string, size: number): boolean {
  if (size > MAX_KEY_SCAN_BYTES) return false;
  const base = (path.slice(path.lastIndexOf('/') + 1) || path).toLowerCase();
  if (LOCK_FILES.has(base) || base.endsWith('.lock') || base.endsWith('.min.js') || base.endsWith('.map')) return false;
  if (TEXT_NAMES.has(base) || base.startsWith('.env') || base.startsWith('dockerfile.') || base.endsWith('.dockerfile')) return true;
  const dot = base.lastIndexOf('.');
  return dot !== -1 && TEXT_EXTENSIONS.has(base.slice(dot + 1));
}

/** FNV-1a 32-bit: tells two keys apart in the inventory without storing anything usable. */
function fingerprint(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** What precedes the key on its line (e.g. `OPENAI_API_KEY=`), then the redaction label. */
function snippetFor(line: string, column: number, ruleId: string): string {
  const before = line.slice(Math.max(0, column - 60), column).trimStart();
  return `${before}${redactionLabel(ruleId)}`;
}

interface Batch {
  readonly text: string;
  readonly firstLine: number;
}

async function* batches(file: FileInput): AsyncGenerator<Batch> {
  if (file.size <= DEFAULT_MAX_TEXT_BYTES) {
    // No run of key characters long enough for any key format: nothing to decode or search.
    if (hasKeyRun(await file.bytes())) yield { text: await file.text(), firstLine: 1 };
    return;
  }
  let buf: string[] = [];
  let chars = 0;
  let lineNo = 1;
  let first = 1;
  for await (const line of file.lines()) {
    buf.push(line);
    chars += line.length + 1;
    lineNo++;
    if (chars >= BATCH_CHARS) {
      yield { text: buf.join('\n'), firstLine: first };
      buf = [];
      chars = 0;
      first = lineNo;
    }
  }
  if (buf.length > 0) yield { text: buf.join('\n'), firstLine: first };
}

/** Line number (1-based within the batch) and line text of each match, computed in one pass. */
function locate(text: string, matches: readonly KeyMatch[]): Array<{ m: KeyMatch; line: number; lineText: string; column: number }> {
  const out = [];
  let line = 1;
  let lineStart = 0;
  for (const m of matches) {
    for (let nl = text.indexOf('\n', lineStart); nl !== -1 && nl < m.index; nl = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = nl + 1;
    }
    const end = text.indexOf('\n', m.index);
    out.push({ m, line, lineText: text.slice(lineStart, end === -1 ? text.length : end), column: m.index - lineStart });
  }
  return out;
}

function record(m: KeyMatch, evidence: Evidence & { line: number }, path: string, components: ComponentDraft[], findings: FindingDraft[]): void {
  const name = `${m.rule.provider}:${m.redacted} [${fingerprint(m.value)}]`;
  components.push({ type: 'key', name, provider: m.rule.provider, properties: { rule: m.rule.id, prefix: m.redacted }, evidence });
  findings.push({
    rule: 'hardcoded-key',
    controlId: 'AI-KEY-01',
    severity: 'critical',
    message: `${m.rule.description.split(' (')[0]} ${m.redacted} is hard-coded in ${path}:${evidence.line}; revoke it and load it from a secret store.`,
    evidence,
    componentRef: `key::${name}`,
  });
}

async function scanKeys(file: FileInput): Promise<Observation> {
  const components: ComponentDraft[] = [];
  const findings: FindingDraft[] = [];
  for await (const batch of batches(file)) {
    for (const { m, line, lineText, column } of locate(batch.text, findProviderKeys(batch.text))) {
      if (isPlaceholderKey(m.value, { path: file.path, line: lineText })) continue;
      const lineNo = batch.firstLine + line - 1;
      const evidence = { path: file.path, line: lineNo, snippet: snippetFor(lineText, column, m.rule.id), scanner: SCANNER };
      record(m, evidence, file.path, components, findings);
    }
  }
  if (file.size <= DEFAULT_MAX_TEXT_BYTES && /\.(?:ya?ml|json)$/i.test(file.path)) {
    for (const v of base64SecretValues(await file.text())) {
      for (const m of findProviderKeys(v.decoded)) {
        if (isPlaceholderKey(m.value, { path: file.path })) continue;
        const evidence = { path: file.path, line: v.line, snippet: `${v.name}: ${redactionLabel(m.rule.id)} (base64)`, scanner: SCANNER };
        record(m, evidence, file.path, components, findings);
      }
    }
  }
  return { components, findings };
}

/** The hard-coded provider key scanner. */
export const hardcodedKeyScanner: FileScanner = {
  name: SCANNER,
  wants: wantsKeyFile,
  scan: scanKeys,
};
