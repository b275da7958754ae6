import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttestError } from '../../src/core/errors.js';

/** One row of the shared guard data format. */
export interface GuardRow {
  readonly text: string;
  readonly label: 0 | 1;
  readonly kind: string;
  readonly source: string;
  readonly line: number;
}

/** Read a guard JSONL file (`{text, label, kind, source?}` per line). Bad lines are an error naming the line. */
export function readGuardJsonl(path: string): GuardRow[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AttestError('NOT_FOUND', `cannot read ${path}: ${(err as Error).message}`, { where: path });
  }
  const rows: GuardRow[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]?.trim();
    if (!raw) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch {
      throw new AttestError('BAD_INPUT', 'not valid JSON', { where: path, line: i + 1 });
    }
    const o = obj as Record<string, unknown>;
    if (typeof o.text !== 'string' || (o.label !== 0 && o.label !== 1)) {
      throw new AttestError('BAD_INPUT', 'expected {"text": string, "label": 0|1, ...}', { where: path, line: i + 1 });
    }
    const kind = typeof o.kind === 'string' ? o.kind : o.label === 1 ? 'direct' : 'benign';
    rows.push({ text: o.text, label: o.label, kind, source: typeof o.source === 'string' ? o.source : '', line: i + 1 });
  }
  return rows;
}

/** The repository part of a `source` field (`owner/repo:path` → `owner/repo`). */
export function sourceRepo(source: string): string {
  const colon = source.indexOf(':');
  return colon < 0 ? source : source.slice(0, colon);
}

/**
 * The extra benign corpus committed under data/guard-extra (every `*.jsonl` in `dir`, in file-name
 * order, each file's rows in order): rows of the same format, all label 0.
 */
export function readGuardExtra(dir: string): GuardRow[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  return files.flatMap((f) => readGuardJsonl(join(dir, f)));
}

/** The origin of an extra-corpus row (`npm`, `debian`, `attest`): the unit held out together in CV and LOSO. */
export function extraOrigin(source: string): string {
  const slash = source.indexOf('/');
  return `${slash < 0 ? source : source.slice(0, slash)} (extra)`;
}
