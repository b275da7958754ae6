/**
 * Imports per language, and the AI packages they mean. Imports are read from the lexed code
 * view, so an `import openai` inside a comment or docstring is never seen.
 */
import {
  findGoImport,
  findJavaImport,
  findNpmImport,
  findNugetNamespace,
  findPackage,
  findPythonImport,
  type PackageSignature,
} from '../../../signatures/packages.js';
import type { LexedSource, SourceLanguage } from './source-lexer.js';

export interface ImportHit {
  /** Module / package / namespace as written. */
  readonly module: string;
  /** Names of a Python `from X import a, b` (empty otherwise). */
  readonly names: readonly string[];
  readonly line: number;
}

export interface AiImport extends ImportHit {
  readonly signature: PackageSignature;
}

const MAX_LOOKBACK = 64;

/** The code just before `offset` with trailing whitespace removed, at most MAX_LOOKBACK chars. */
function before(code: string, offset: number): string {
  return code.slice(Math.max(0, offset - MAX_LOOKBACK), offset).trimEnd();
}

function jsImports(src: LexedSource): ImportHit[] {
  const out: ImportHit[] = [];
  for (const s of src.strings) {
    const b = before(src.code, s.start);
    if (/(^|[^\w$.])(from|import)$/.test(b) || /(^|[^\w$.])(require|import)\s*\($/.test(b)) {
      out.push({ module: s.value, names: [], line: s.line });
    }
  }
  return out;
}

function lines(code: string): string[] {
  return code.split('\n');
}

const PY_IMPORT = /^\s*import\s+(.+)$/;
const PY_FROM = /^\s*from\s+([A-Za-z_][\w.]{0,200})\s+import\s+(.*)$/;

function pyNames(list: string): string[] {
  return list
    .replace(/[()\\]/g, ' ')
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter((name) => /^[A-Za-z_]\w*$/.test(name));
}

function pythonImports(src: LexedSource): ImportHit[] {
  const out: ImportHit[] = [];
  const ls = lines(src.code);
  for (let i = 0; i < ls.length; i++) {
    const line = ls[i] ?? '';
    if (!line.includes('import')) continue;
    const from = PY_FROM.exec(line);
    if (from) {
      let list = from[2] ?? '';
      // Parenthesised names may span lines (bounded, so a stray paren costs at most 50 lines).
      if (list.includes('(') && !list.includes(')')) {
        for (let j = i + 1; j < Math.min(ls.length, i + 50); j++) {
          list += ` ${ls[j] ?? ''}`;
          if ((ls[j] ?? '').includes(')')) break;
        }
      }
      out.push({ module: from[1] ?? '', names: pyNames(list), line: i + 1 });
      continue;
    }
    const imp = PY_IMPORT.exec(line);
    if (!imp) continue;
    for (const part of (imp[1] ?? '').split(',')) {
      const name = part.trim().split(/\s+/)[0] ?? '';
      if (/^[A-Za-z_][\w.]*$/.test(name)) out.push({ module: name, names: [], line: i + 1 });
    }
  }
  return out;
}

function goImports(src: LexedSource): ImportHit[] {
  const out: ImportHit[] = [];
  const ls = lines(src.code);
  let inBlock = false;
  const importLines = new Set<number>();
  for (let i = 0; i < ls.length; i++) {
    const t = (ls[i] ?? '').trim();
    if (inBlock) {
      if (t.startsWith(')')) inBlock = false;
      else importLines.add(i + 1);
    } else if (/^import\s*\(/.test(t)) {
      inBlock = !t.includes(')');
      importLines.add(i + 1);
    } else if (/^import\s/.test(t)) importLines.add(i + 1);
  }
  for (const s of src.strings) if (importLines.has(s.line)) out.push({ module: s.value, names: [], line: s.line });
  return out;
}

const JAVA_IMPORT = /^\s*import\s+(?:static\s+)?([A-Za-z_][\w.]{0,300})/;
const CS_USING = /^\s*(?:global\s+)?using\s+(?:static\s+)?([A-Za-z_][\w.]{0,300})\s*;/;

function lineImports(src: LexedSource, re: RegExp): ImportHit[] {
  const out: ImportHit[] = [];
  const ls = lines(src.code);
  for (let i = 0; i < ls.length; i++) {
    const m = re.exec(ls[i] ?? '');
    if (m?.[1]) out.push({ module: m[1], names: [], line: i + 1 });
  }
  return out;
}

/** Every import statement in the file, AI or not. */
export function findImports(src: LexedSource, lang: SourceLanguage): ImportHit[] {
  switch (lang) {
    case 'js':
      return jsImports(src);
    case 'python':
      return pythonImports(src);
    case 'go':
      return goImports(src);
    case 'java':
    case 'kotlin':
      return lineImports(src, JAVA_IMPORT);
    case 'csharp':
      return lineImports(src, CS_USING);
  }
}

function resolve(hit: ImportHit, lang: SourceLanguage): PackageSignature | undefined {
  switch (lang) {
    case 'js':
      return findNpmImport(hit.module);
    case 'python': {
      // `from google import genai` names the module google.genai.
      for (const name of hit.names) {
        const sub = findPythonImport(`${hit.module}.${name}`, hit.names);
        if (sub && sub.name !== 'openai-agents') return sub;
      }
      return findPythonImport(hit.module, hit.names);
    }
    case 'go':
      return findGoImport(hit.module);
    case 'java':
    case 'kotlin':
      return findJavaImport(hit.module);
    case 'csharp':
      return findNugetNamespace(hit.module);
  }
}

const BEDROCK_CLIENTS = new Set(['bedrock-runtime', 'bedrock-agent-runtime', 'bedrock']);

/** AI packages among the imports, plus boto3/aioboto3 when a Bedrock client is created. */
export function findAiImports(src: LexedSource, lang: SourceLanguage, imports: readonly ImportHit[]): AiImport[] {
  const out: AiImport[] = [];
  for (const hit of imports) {
    const signature = resolve(hit, lang);
    if (signature) out.push({ ...hit, signature });
  }
  if (lang === 'python') {
    const boto = imports.find((h) => h.module === 'boto3' || h.module === 'aioboto3');
    if (boto) {
      const dist = findPackage('pypi', boto.module);
      for (const s of src.strings) {
        if (BEDROCK_CLIENTS.has(s.value) && /client\s*\($/.test(before(src.code, s.start))) {
          const signature: PackageSignature = dist ?? { ecosystem: 'pypi', name: boto.module, type: 'sdk', category: 'llm', provider: 'aws-bedrock' };
          out.push({ module: boto.module, names: [], line: s.line, signature });
        }
      }
    }
  }
  return out;
}
