/**
 * The source-code scanners: one per language family, sharing the lexer and the detectors.
 * Files past SOURCE_MAX_BYTES, minified bundles and type declarations are not read: they are
 * generated, not code anyone wrote to call a model.
 */
import type { ComponentDraft, FileInput, FileScanner, FindingDraft, Observation } from '../../model.js';
import { detectEndpoints } from './endpoint-detector.js';
import { findAiImports, findImports } from './import-detector.js';
import { detectCalls } from './llm-call-detector.js';
import { detectModels } from './model-detector.js';
import { evidenceAt, type SourceContext } from './source-context.js';
import { lexSource, type SourceLanguage } from './source-lexer.js';
import { mightMentionAi, mightMentionAiBytes } from './source-prefilter.js';
import { detectAgentsAndTools } from './tool-detector.js';

/** Larger source files are skipped (generated code); the engine still counts them. */
export const SOURCE_MAX_BYTES = 4 * 1024 * 1024;

const EXTENSIONS: Readonly<Record<SourceLanguage, readonly string[]>> = {
  js: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'],
  python: ['.py', '.pyi'],
  go: ['.go'],
  java: ['.java'],
  kotlin: ['.kt', '.kts'],
  csharp: ['.cs'],
};

function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot).toLowerCase() : '';
}

function isGenerated(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return base.endsWith('.d.ts') || base.includes('.min.') || base.endsWith('.bundle.js') || base === 'build.gradle.kts';
}

/** Run every detector over one lexed file. */
export function scanSourceText(path: string, text: string, lang: SourceLanguage, scanner: string): Observation {
  if (!mightMentionAi(text)) return {};
  const src = lexSource(text, lang);
  const imports = findImports(src, lang);
  const aiImports = findAiImports(src, lang, imports);
  const ctx: SourceContext = { path, scanner, lang, src, imports, aiImports, codeLines: src.code.split('\n') };
  const components: ComponentDraft[] = aiImports.map((i) => ({
    type: i.signature.type,
    name: i.signature.name,
    ecosystem: i.signature.ecosystem,
    ...(i.signature.provider ? { provider: i.signature.provider } : {}),
    properties: { category: i.signature.category, import: i.module },
    evidence: evidenceAt(ctx, i.line),
  }));
  const findings: FindingDraft[] = [];
  for (const detect of [detectModels, detectEndpoints, detectAgentsAndTools, detectCalls]) {
    const obs = detect(ctx);
    components.push(...(obs.components ?? []));
    findings.push(...(obs.findings ?? []));
  }
  return { components, findings };
}

function defineSourceScanner(lang: SourceLanguage): FileScanner {
  const name = `source-${lang}`;
  const exts = new Set(EXTENSIONS[lang]);
  return {
    name,
    wants(path: string, size: number): boolean {
      return size <= SOURCE_MAX_BYTES && exts.has(extensionOf(path)) && !isGenerated(path);
    },
    async scan(file: FileInput): Promise<Observation> {
      // Most source files mention no AI at all: rule them out on the raw bytes, without decoding.
      if (!mightMentionAiBytes(await file.bytes())) return {};
      return scanSourceText(file.path, await file.text(), lang, name);
    },
  };
}

/** One scanner per language family. */
export const SOURCE_SCANNERS: readonly FileScanner[] = (Object.keys(EXTENSIONS) as SourceLanguage[]).map(defineSourceScanner);
