/**
 * `attest init` without the CLI: create or update attest.yaml, interactively or as a
 * template with every question commented. Existing answers, comments and other sections
 * are kept; the file is replaced atomically.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Document } from 'yaml';
import type { Control } from '../catalog/control.js';
import { CONTROLS } from '../catalog/controls.js';
import { AttestError } from '../core/errors.js';
import { addMissingQuestionComments, editableDocument, setAnswers, templateText } from './config-document.js';
import { runInterview, type InterviewIO } from './init-interview.js';
import { ConfigProblemsError, parseConfig } from './load-config.js';

export interface InitOptions {
  readonly path: string;
  readonly mode: 'interactive' | 'defaults';
  /** Required for interactive mode. */
  readonly io?: InterviewIO;
  readonly controls?: readonly Control[];
}

export interface InitResult {
  readonly path: string;
  readonly created: boolean;
  /** Interactive: answers changed. Defaults: questions added as comments. */
  readonly changed: number;
  readonly asked: number;
}

/** Read a file, or undefined when it does not exist. */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') return undefined;
    throw new AttestError('IO', `cannot read: ${code ?? String(err)}`, { where: path });
  }
}

/** Write through a temporary file and rename, so a crash never leaves half a file. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  } catch (err) {
    throw new AttestError('IO', `cannot write: ${(err as { code?: string }).code ?? String(err)}`, { where: path });
  }
}

/** Load an existing attest.yaml for editing; it must be valid first. */
export async function editableConfig(path: string, controls: readonly Control[]): Promise<{ doc: Document; existed: boolean; answers: Record<string, string | number | boolean> }> {
  const text = await readIfExists(path);
  if (text === undefined || text.trim() === '') return { doc: editableDocument(text ?? ''), existed: false, answers: {} };
  const parsed = parseConfig(text, controls);
  if (!parsed.config) throw new ConfigProblemsError(path, parsed.problems);
  return { doc: parsed.doc, existed: true, answers: { ...parsed.config.answers } };
}

/**
 * @example
 * await initAnswersFile({ path: 'attest.yaml', mode: 'defaults' });
 */
export async function initAnswersFile(opts: InitOptions): Promise<InitResult> {
  const controls = opts.controls ?? CONTROLS;
  const { doc, existed, answers } = await editableConfig(opts.path, controls);
  if (opts.mode === 'defaults') {
    if (!existed) {
      const text = templateText(controls);
      await writeFileAtomic(opts.path, text);
      return { path: opts.path, created: true, changed: controls.reduce((n, c) => n + (c.questions?.length ?? 0), 0), asked: 0 };
    }
    const { added, text } = addMissingQuestionComments(doc, controls);
    if (added > 0) await writeFileAtomic(opts.path, text);
    return { path: opts.path, created: false, changed: added, asked: 0 };
  }
  if (!opts.io) throw new AttestError('INTERNAL', 'interactive init needs input and output streams');
  const result = await runInterview(controls, answers, opts.io);
  setAnswers(doc, controls, result.answers);
  await writeFileAtomic(opts.path, String(doc));
  return { path: opts.path, created: !existed, changed: result.changed, asked: result.asked };
}
