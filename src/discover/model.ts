/**
 * The discover contract: what scanners see (FileInput), what they return (Observation),
 * and what the engine aggregates them into (DiscoverResult). Pure types, no I/O.
 */
import type { ControlId } from '../catalog/control-ids.js';
import type { Severity } from '../catalog/control.js';

/** The fixed component vocabulary of Attest's JSON (and `attest:type` in CycloneDX). */
export const COMPONENT_TYPES = [
  'sdk',
  'framework',
  'model',
  'vectorstore',
  'mcp-server',
  'runtime',
  'provider-endpoint',
  'agent',
  'tool',
  'model-file',
  'key',
] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

export type Ecosystem = 'npm' | 'pypi' | 'go' | 'maven' | 'cargo' | 'nuget' | 'docker' | 'huggingface';

/** Where something was seen. `path` is relative to the scanned root, POSIX separators. */
export interface Evidence {
  readonly path: string;
  /** 1-based line, when the source is line-oriented. */
  readonly line?: number;
  /** A short excerpt for humans. Never a secret: scanners redact before they return. */
  readonly snippet?: string;
  /** Name of the scanner that saw it. */
  readonly scanner: string;
}

/** One component as a scanner reports it, from one place. The engine merges by identity. */
export interface ComponentDraft {
  readonly type: ComponentType;
  /** Package name, model id as written, host, image, server name, redacted key prefix. */
  readonly name: string;
  readonly ecosystem?: Ecosystem;
  readonly version?: string;
  /** Provider or vendor (openai, anthropic, ollama …) where known. */
  readonly provider?: string;
  /** Extra facts: `pinned=false`, `transport=stdio`, `port=11434`, `exposed=true` … */
  readonly properties?: Readonly<Record<string, string>>;
  readonly evidence: Evidence;
}

/** A component after aggregation: one identity, every place it was seen. */
export interface Component extends Omit<ComponentDraft, 'evidence'> {
  /** Stable reference: `${type}:${ecosystem ?? ''}:${name}`. */
  readonly ref: string;
  readonly evidence: readonly Evidence[];
}

/** Stable finding rule ids. Each maps to exactly one control. */
export type FindingRule =
  | 'hardcoded-key'
  | 'floating-model-alias'
  | 'fine-tune-call'
  | 'risky-tool-no-approval'
  | 'unguarded-llm-call'
  | 'runtime-exposed'
  | 'mcp-no-auth'
  | 'mcp-secret-env'
  | 'mcp-risky-server'
  | 'unsafe-model-format'
  | 'shadow-ai-traffic'
  | 'vectorstore-exposed';

export interface FindingDraft {
  readonly rule: FindingRule;
  readonly controlId: ControlId;
  readonly severity: Severity;
  /** One sentence; no secret values. */
  readonly message: string;
  readonly evidence: Evidence;
  /** The component this finding is about, if any (its `ref`). */
  readonly componentRef?: string;
}

export interface Finding extends Omit<FindingDraft, 'evidence'> {
  /** Stable id: hash of rule + evidence path + line, so diffs across runs line up. */
  readonly id: string;
  readonly evidence: readonly Evidence[];
  /** Framework ids from the control's mappings, filled in by the engine. */
  readonly frameworks: Readonly<Record<string, readonly string[]>>;
}

export interface Observation {
  readonly components?: readonly ComponentDraft[];
  readonly findings?: readonly FindingDraft[];
}

/** Default limit for `FileInput.text()`/`bytes()`: larger files are offered to head/line readers only. */
export const DEFAULT_MAX_TEXT_BYTES = 8 * 1024 * 1024;
/** Lines longer than this are truncated by `FileInput.lines()`, so a file with no newline cannot exhaust memory. */
export const MAX_LINE_CHARS = 1024 * 1024;

/** The port a scanner reads a file through; the engine supplies it (fs adapter or tests). */
export interface FileInput {
  /** Relative to the scanned root, POSIX separators. */
  readonly path: string;
  readonly size: number;
  /** Whole file as UTF-8. Rejects (AttestError BAD_INPUT) past the engine's text limit or for binary content. */
  text(): Promise<string>;
  /**
   * The raw bytes `text()` decodes, with the same limits and errors: lets a scanner rule a file out
   * with a byte-level prefilter before paying for UTF-8 decoding.
   */
  bytes(): Promise<Uint8Array>;
  /** First `n` bytes (for magic numbers). */
  head(n: number): Promise<Uint8Array>;
  /** Lines, streamed: for logs of any size. */
  lines(): AsyncIterable<string>;
}

export interface FileScanner {
  readonly name: string;
  /** Cheap test on the relative path (and size); no I/O. */
  wants(path: string, size: number): boolean;
  scan(file: FileInput): Promise<Observation> | Observation;
}

/** Scanners of the local host (`--host`): processes and listening ports. */
export interface HostScanner {
  readonly name: string;
  scanHost(host: HostInput): Promise<Observation>;
}

export interface HostProcess {
  readonly pid: number;
  readonly command: string;
  readonly args: readonly string[];
}
export interface ListeningPort {
  readonly port: number;
  readonly address: string;
  readonly pid?: number;
}
/** Port for host facts, so host scanners stay testable without a real host. */
export interface HostInput {
  processes(): Promise<readonly HostProcess[]>;
  listeningPorts(): Promise<readonly ListeningPort[]>;
}

/** A path the engine could not read or parse, reported once on stderr. Never fatal. */
export interface Problem {
  readonly path: string;
  readonly message: string;
  /** 1-based line, when the problem is at a place in the file (a parse error). */
  readonly line?: number;
}

export interface DiscoverResult {
  readonly tool: { readonly name: 'attest'; readonly version: string };
  /** Absolute roots scanned (display only). */
  readonly roots: readonly string[];
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly components: readonly Component[];
  readonly findings: readonly Finding[];
  readonly problems: readonly Problem[];
  readonly stats: { readonly files: number; readonly bytes: number; readonly skipped: number };
}
