/**
 * What every source detector needs about one file: the lexed views, its imports, and helpers
 * that build evidence (with snippets that never carry a provider key).
 */
import { findProviderKeys, redactKey } from '../../../signatures/provider-keys.js';
import type { Evidence } from '../../model.js';
import type { AiImport, ImportHit } from './import-detector.js';
import { lineAt, type LexedSource, type SourceLanguage, type StringLiteral } from './source-lexer.js';

const SNIPPET_MAX = 160;

export interface SourceContext {
  readonly path: string;
  readonly scanner: string;
  readonly lang: SourceLanguage;
  readonly src: LexedSource;
  readonly imports: readonly ImportHit[];
  readonly aiImports: readonly AiImport[];
  /** Lines of the code view (comments and string contents blanked). */
  readonly codeLines: readonly string[];
}

/** Original text of a 1-based line. */
export function lineText(ctx: SourceContext, line: number): string {
  const starts = ctx.src.lineStarts;
  const s = starts[line - 1] ?? 0;
  const e = starts[line] ?? ctx.src.text.length + 1;
  return ctx.src.text.slice(s, e - 1).replace(/\r$/, '');
}

/** A trimmed, bounded excerpt of a line with any provider key redacted. */
export function snippetOf(text: string): string {
  let s = text.trim();
  if (s.length > SNIPPET_MAX) s = `${s.slice(0, SNIPPET_MAX)}…`;
  for (const key of findProviderKeys(s)) s = s.split(key.value).join(redactKey(key.value));
  return s;
}

export function evidenceAt(ctx: SourceContext, line: number): Evidence {
  return { path: ctx.path, line, snippet: snippetOf(lineText(ctx, line)), scanner: ctx.scanner };
}

export function lineOf(ctx: SourceContext, offset: number): number {
  return lineAt(ctx.src.lineStarts, offset);
}

/** True when the file imports at least one AI package (the context most detectors require). */
export function hasAiImport(ctx: SourceContext): boolean {
  return ctx.aiImports.length > 0;
}

/** String literals lying wholly inside [start, end), by binary search (literals are in file order). */
export function stringsBetween(ctx: SourceContext, start: number, end: number): StringLiteral[] {
  const all = ctx.src.strings;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid]?.start ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  const out: StringLiteral[] = [];
  for (let i = lo; i < all.length; i++) {
    const s = all[i];
    if (!s || s.start >= end) break;
    if (s.end <= end) out.push(s);
  }
  return out;
}
