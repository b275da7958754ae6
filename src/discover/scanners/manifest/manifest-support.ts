/**
 * Shared pieces of the manifest scanners: real parsers that fail with a one-line
 * `AttestError('BAD_INPUT', …, { where, line })`, line lookup for declarations, and
 * `defineManifestScanner`, which turns declared packages into AI component drafts.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseToml } from 'smol-toml';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { AttestError } from '../../../core/errors.js';
import { findPackage, type PackageEcosystem } from '../../../signatures/packages.js';
import type { ComponentDraft, FileInput, FileScanner, Observation } from '../../model.js';
import { lineAt } from '../source/source-lexer.js';

/** A package as a manifest or lock file declares it. */
export interface Declared {
  readonly name: string;
  /** Range as declared (manifests) or resolved version (lock files). */
  readonly version?: string;
  readonly line?: number;
  /** `dev`, `optional`, `peer`, `test`, a group name … when the format says. */
  readonly scope?: string;
}

export interface ManifestFormat {
  readonly name: string;
  readonly ecosystem: PackageEcosystem;
  /** `manifest` declares ranges; `lockfile` records resolved versions. */
  readonly kind: 'manifest' | 'lockfile';
  /** Test on the base name (lower-cased) and the full relative path. */
  matches(base: string, path: string): boolean;
  /** Declarations in the file; `wanted(name)` says whether a name is an AI package (skip locating the rest). */
  extract(text: string, path: string, wanted: (name: string) => boolean): readonly Declared[];
}

/** Manifests past this size are not parsed (lock files of monorepos stay well under it). */
export const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;

/** Line starts of the last text asked about: extract() runs synchronously per file, so one entry is enough. */
let indexedText: string | undefined;
let lineStarts: number[] = [];

/** 1-based line of a character offset (binary search over a per-text line index). */
export function lineOfOffset(text: string, offset: number): number {
  if (text !== indexedText) {
    lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    indexedText = text;
  }
  return lineAt(lineStarts, offset);
}

/** Line of the first `needle` at or after `from`; undefined when absent. */
export function findLine(text: string, needle: string, from = 0): number | undefined {
  const at = text.indexOf(needle, Math.max(0, from));
  return at < 0 ? undefined : lineOfOffset(text, at);
}

/** Line of the first line whose trimmed text starts with one of `prefixes`. */
export function findLineStarting(text: string, prefixes: readonly string[], from = 0): number | undefined {
  let best: number | undefined;
  for (const p of prefixes) {
    // Each candidate occurrence must be preceded on its line by whitespace only.
    for (let at = text.indexOf(p, from); at >= 0 && (best === undefined || at < best); at = text.indexOf(p, at + 1)) {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      if (text.slice(lineStart, at).trim() === '') {
        best = at;
        break;
      }
    }
  }
  return best === undefined ? undefined : lineOfOffset(text, best);
}

export function badInput(path: string, message: string, line?: number): AttestError {
  return new AttestError('BAD_INPUT', message, line === undefined ? { where: path } : { where: path, line });
}

export function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? lineOfOffset(text, Number(pos[1])) : /line (\d+)/.exec(msg)?.[1];
    throw badInput(path, `invalid JSON: ${msg.split('\n')[0]?.replace(/ in JSON at position \d+.*$/, '')}`, line === undefined ? undefined : Number(line));
  }
}

export function parseTomlText(text: string, path: string): Record<string, unknown> {
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (err) {
    const e = err as { message?: string; line?: number };
    const first = (e.message ?? String(err)).split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'parse error';
    throw badInput(path, `invalid TOML: ${first}`, typeof e.line === 'number' ? e.line : undefined);
  }
}

export interface YamlText {
  readonly doc: Document;
  readonly lineOf: (offset: number) => number;
}

export function parseYamlText(text: string, path: string): YamlText {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const err = doc.errors[0];
  if (err) throw badInput(path, `invalid YAML: ${err.message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '')}`, err.linePos?.[0].line);
  return { doc, lineOf: (offset) => counter.linePos(offset).line };
}

/** Parse XML after validating it; `arrays` are element names that are always arrays. */
export function parseXmlText(text: string, path: string, arrays: readonly string[]): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw badInput(path, `invalid XML: ${valid.err.msg}`, valid.err.line);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => arrays.includes(name),
  });
  return parser.parse(text) as Record<string, unknown>;
}

/** Narrowing helpers for parsed documents. */
export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

/** A FileScanner for one manifest format: parse, keep the AI packages, one draft per declaration. */
export function defineManifestScanner(format: ManifestFormat): FileScanner {
  const scanner = `manifest-${format.name}`;
  return {
    name: scanner,
    wants(path: string, size: number): boolean {
      return size <= MANIFEST_MAX_BYTES && format.matches(baseName(path), path);
    },
    async scan(file: FileInput): Promise<Observation> {
      const text = await file.text();
      const lines = text.split('\n');
      const components: ComponentDraft[] = [];
      const seen = new Set<string>();
      const wanted = (name: string): boolean => findPackage(format.ecosystem, name) !== undefined;
      for (const d of format.extract(text, file.path, wanted)) {
        const sig = findPackage(format.ecosystem, d.name);
        if (!sig) continue;
        const key = `${sig.name}\u0000${d.version ?? ''}\u0000${d.line ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const snippet = d.line === undefined ? undefined : lines[d.line - 1]?.trim().slice(0, 160);
        components.push({
          type: sig.type,
          name: sig.name,
          ecosystem: sig.ecosystem,
          ...(d.version ? { version: d.version } : {}),
          ...(sig.provider ? { provider: sig.provider } : {}),
          properties: { category: sig.category, source: format.kind, ...(d.scope ? { scope: d.scope } : {}) },
          evidence: { path: file.path, ...(d.line === undefined ? {} : { line: d.line }), ...(snippet ? { snippet } : {}), scanner },
        });
      }
      return { components };
    },
  };
}
