import type { Span } from '../detection.js';

/** Anything with a span and a type can be redacted (sensitive matches, detections' spans). */
export interface RedactableSpan extends Span {
  readonly type: string;
}

/**
 * Replace each span with `[REDACTED:<type>]`, merging overlapping or touching spans (the
 * merged span keeps the type of its longest part) and leaving the rest of the text intact.
 * @example redact('key sk-abc… ok', [{ start: 4, end: 12, type: 'openai_key' }]) // 'key [REDACTED:openai_key] ok'
 */
export function redact(text: string, spans: readonly RedactableSpan[]): string {
  const sorted = spans
    .filter((s) => s.end > s.start && s.start >= 0 && s.start < text.length)
    .map((s) => ({ start: s.start, end: Math.min(s.end, text.length), type: s.type }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (sorted.length === 0) return text;
  const merged: { start: number; end: number; type: string; longest: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      if (s.end - s.start > last.longest) {
        last.type = s.type;
        last.longest = s.end - s.start;
      }
      last.end = Math.max(last.end, s.end);
    } else {
      merged.push({ ...s, longest: s.end - s.start });
    }
  }
  let result = '';
  let pos = 0;
  for (const m of merged) {
    result += `${text.slice(pos, m.start)}[REDACTED:${m.type}]`;
    pos = m.end;
  }
  return result + text.slice(pos);
}
