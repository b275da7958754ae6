/**
 * Load and validate attest.yaml. Parsing keeps node positions (yaml's Document API) so every
 * problem — bad YAML, unknown section or question, wrong type — is reported once with its
 * line and column. The file is never partly accepted: any problem rejects it.
 */
import { readFile } from 'node:fs/promises';
import { Ajv, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Answers } from '../assess/sources/answers-evidence-source.js';
import type { VendorEntry } from '../assess/vendor/vendor-assessment.js';
import type { Control } from '../catalog/control.js';
import { CONTROLS } from '../catalog/controls.js';
import { AttestError } from '../core/errors.js';
import { ajvProblems } from './ajv-problems.js';
import { attestConfigSchema } from './config-schema.js';
import { formatProblem, type ConfigProblem } from './config-problem.js';

/** attest.yaml, validated. Sections other teams own stay as plain data here. */
export interface AttestConfig {
  readonly answers: Answers;
  readonly guard?: unknown;
  readonly audit?: unknown;
  /** `export:` (src/audit/exporters/config-schema.ts). */
  readonly export?: unknown;
  /** `incidents:` (src/audit/incidents/config-schema.ts). */
  readonly incidents?: unknown;
  /** Absent when the file has no `vendors:` section. */
  readonly vendors?: readonly VendorEntry[];
}

export interface ParsedConfig {
  /** Set only when there are no problems. */
  readonly config?: AttestConfig;
  readonly problems: readonly ConfigProblem[];
  /** The parsed document (for editing with comments preserved). */
  readonly doc: Document;
}

const VALIDATORS = new WeakMap<readonly Control[], ValidateFunction>();

function validatorFor(controls: readonly Control[]): ValidateFunction {
  let v = VALIDATORS.get(controls);
  if (!v) {
    v = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(attestConfigSchema(controls));
    VALIDATORS.set(controls, v);
  }
  return v;
}

/**
 * Parse and validate attest.yaml text.
 * @example
 * const { config, problems } = parseConfig('answers:\n  ai_acceptable_use_policy: true\n');
 */
export function parseConfig(text: string, controls: readonly Control[] = CONTROLS): ParsedConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const { line, col } = lc.linePos(e.pos[0]);
      return { path: '', line, column: col, message: `bad YAML: ${e.message.split('\n')[0] ?? e.code}` };
    });
    return { problems, doc };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // Unresolved aliases and alias bombs surface only when the document is resolved.
    const msg = (err as Error).message.split('\n')[0] ?? 'cannot resolve';
    return { problems: [{ path: '', line: 1, column: 1, message: `bad YAML: ${msg}` }], doc };
  }
  // An empty section (`guard:` with nothing under it) means "not configured".
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const [k, v] of Object.entries(data)) if (v === null) delete (data as Record<string, unknown>)[k];
  }
  const validate = validatorFor(controls);
  if (!validate(data)) return { problems: ajvProblems(validate.errors ?? [], doc, lc), doc };
  const obj = (data ?? {}) as { answers?: Answers | null; guard?: unknown; audit?: unknown; export?: unknown; incidents?: unknown; vendors?: VendorEntry[] | null };
  const config: AttestConfig = {
    answers: withoutEmpty(obj.answers),
    ...(obj.guard != null ? { guard: obj.guard } : {}),
    ...(obj.audit != null ? { audit: obj.audit } : {}),
    ...(obj.export != null ? { export: obj.export } : {}),
    ...(obj.incidents != null ? { incidents: obj.incidents } : {}),
    ...(obj.vendors !== undefined ? { vendors: (obj.vendors ?? []).map(vendorWithoutEmpty) } : {}),
  };
  return { config, problems: [], doc };
}

/** Answers without the empty (null) ones: `key:` with no value is unanswered. */
function withoutEmpty(answers: Answers | null | undefined): Answers {
  return Object.fromEntries(Object.entries(answers ?? {}).filter(([, v]) => v !== null && v !== undefined));
}

function vendorWithoutEmpty(v: VendorEntry): VendorEntry {
  const answers = v.answers as Answers | null | undefined;
  if (answers === undefined) return v;
  return { ...v, answers: withoutEmpty(answers) };
}

/** Thrown by `loadConfigFile` when the file has problems; the CLI prints one line per problem. */
export class ConfigProblemsError extends AttestError {
  readonly problems: readonly ConfigProblem[];
  readonly file: string;
  constructor(file: string, problems: readonly ConfigProblem[]) {
    const first = problems[0];
    super('BAD_CONFIG', `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}`, { where: file, ...(first ? { line: first.line } : {}) });
    this.problems = problems;
    this.file = file;
  }

  /** One line per problem: `attest.yaml:12:3: answers.x: expected boolean, got "yes"`. */
  lines(): string[] {
    return this.problems.map((p) => formatProblem(this.file, p));
  }
}

/** Read, parse and validate an attest.yaml file; throws NOT_FOUND, IO or ConfigProblemsError. */
export async function loadConfigFile(path: string, controls: readonly Control[] = CONTROLS): Promise<{ config: AttestConfig; doc: Document; text: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new AttestError(code === 'ENOENT' ? 'NOT_FOUND' : 'IO', code === 'ENOENT' ? 'file not found (run `attest init` to create it)' : `cannot read: ${code ?? String(err)}`, { where: path });
  }
  const parsed = parseConfig(text, controls);
  if (!parsed.config) throw new ConfigProblemsError(path, parsed.problems);
  return { config: parsed.config, doc: parsed.doc, text };
}
