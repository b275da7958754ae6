/**
 * Jupyter notebooks (.ipynb): the code cells are joined into one Python text and scanned like a
 * .py file; evidence lines are mapped back to the notebook's JSON lines (nbformat writes one
 * source line per JSON line), so a finding points at the line a reviewer sees in the raw file.
 * Outputs and markdown cells are never read: prose in a notebook is not a component.
 */
import { AttestError } from '../../../core/errors.js';
import type { Evidence, FileInput, FileScanner, Observation } from '../../model.js';
import { scanSourceText } from './source-scanner.js';

/** Notebooks carry base64 outputs; only their code is scanned, so they may be larger than source files. */
export const NOTEBOOK_MAX_BYTES = 16 * 1024 * 1024;
const SCANNER = 'source-notebook';

interface Cell {
  readonly cell_type?: unknown;
  readonly source?: unknown;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Python text of the code cells and, per Python line, its line in the notebook file. */
export function notebookCode(text: string, path: string): { code: string; lines: number[] } {
  let doc: { cells?: unknown };
  try {
    doc = JSON.parse(text) as { cells?: unknown };
  } catch (err) {
    const pos = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    throw new AttestError('BAD_INPUT', 'invalid JSON: not a readable notebook', pos ? { where: path, line: lineOf(text, Number(pos[1])) } : { where: path });
  }
  const cells = Array.isArray(doc?.cells) ? (doc.cells as Cell[]) : [];
  const out: string[] = [];
  const lines: number[] = [];
  let cursor = 0;
  for (const cell of cells) {
    const sourceAt = text.indexOf('"source"', cursor);
    if (sourceAt >= 0) cursor = sourceAt + 8;
    if (cell?.cell_type !== 'code') continue;
    const parts = Array.isArray(cell.source) ? cell.source.map(String) : typeof cell.source === 'string' ? cell.source.split(/(?<=\n)/) : [];
    const base = sourceAt >= 0 ? lineOf(text, sourceAt) : 1;
    const oneLine = !Array.isArray(cell.source);
    parts.forEach((part, k) => {
      // IPython magics and shell escapes are not Python.
      const py = /^\s*[%!]/.test(part) ? '' : part.replace(/\n$/, '');
      out.push(py);
      lines.push(oneLine ? base : base + k + 1);
    });
    out.push('');
    lines.push(base);
  }
  return { code: out.join('\n'), lines };
}

function remap(e: Evidence, lines: readonly number[]): Evidence {
  return { ...e, scanner: SCANNER, ...(e.line !== undefined ? { line: lines[e.line - 1] ?? e.line } : {}) };
}

export const notebookScanner: FileScanner = {
  name: SCANNER,
  wants: (path, size) => size <= NOTEBOOK_MAX_BYTES && path.toLowerCase().endsWith('.ipynb'),
  async scan(file: FileInput): Promise<Observation> {
    const { code, lines } = notebookCode(await file.text(), file.path);
    const obs = scanSourceText(file.path, code, 'python', SCANNER);
    return {
      components: (obs.components ?? []).map((c) => ({ ...c, evidence: remap(c.evidence, lines) })),
      findings: (obs.findings ?? []).map((f) => ({ ...f, evidence: remap(f.evidence, lines) })),
    };
  },
};
