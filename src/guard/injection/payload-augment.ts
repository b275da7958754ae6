/**
 * Training-data augmentation for indirect injection: payloads taken from TRAINING positives are
 * planted into benign carrier documents of other styles, so the classifier learns "an instruction
 * inside a document" rather than the writing style of the few carrier sources in the shared data.
 * Pure and seeded; the caller decides which rows may be used (training folds only, never dev).
 */

/** The fields of a guard data row this module reads and writes. */
export interface AugmentRow {
  readonly text: string;
  readonly label: 0 | 1;
  readonly kind: string;
  readonly source: string;
}

/** tldr page markup: every line of a page paragraph starts with one of these. */
const TLDR_LINE = /^(# |> |- |`)/;

/**
 * The planted payload of an indirect row whose carrier is a tldr page: the one paragraph that is not
 * tldr markup. Undefined when the row is not such a row or the payload cannot be isolated (e.g. it
 * was inserted inside a paragraph).
 */
export function tldrPayload(row: AugmentRow): string | undefined {
  if (row.label !== 1 || row.kind !== 'indirect' || !row.source.startsWith('tldr-pages/')) return undefined;
  const foreign = row.text.split(/\n{2,}/).filter((p) => p.trim() !== '' && !TLDR_LINE.test(p.trim()));
  return foreign.length === 1 ? (foreign[0] as string).trim() : undefined;
}

/**
 * Payload texts usable for augmentation from training rows: whole direct rows (jailbreak-wrapped
 * instructions) and the isolated payloads of tldr-carried indirect rows (wrapped or bare). Jailbreak
 * rows (PAIR/GCG prompts) are not payloads a document would carry and are left out. Deduplicated, in input order.
 */
export function payloadPool(rows: readonly AugmentRow[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const p = r.label === 1 && r.kind === 'direct' ? r.text.trim() : tldrPayload(r);
    if (p === undefined || p.length < 12 || p.length > 2000 || seen.has(p)) continue;
    seen.add(p);
    out.push(p);
  }
  return out;
}

/** Offsets where a paragraph starts (0, and after each blank line), plus the end. */
function paragraphBoundaries(text: string): number[] {
  const out = [0];
  let i = text.indexOf('\n\n');
  while (i >= 0) {
    let j = i;
    while (j < text.length && text[j] === '\n') j++;
    if (j < text.length) out.push(j);
    i = text.indexOf('\n\n', j);
  }
  out.push(text.length);
  return out;
}

/** Offsets just after a sentence end (`. ` followed by a capital), for inline insertion. */
function sentenceBoundaries(text: string): number[] {
  const out: number[] = [];
  for (let i = 1; i + 1 < text.length; i++) {
    if (text[i] === ' ' && text[i - 1] === '.' && /[A-Z]/.test(text[i + 1] as string)) out.push(i + 1);
  }
  return out;
}

/** Plant `payload` into `carrier` at a seeded position: a paragraph boundary, or (1 in 4, when possible) after a sentence. */
export function plantPayload(carrier: string, payload: string, rand: () => number): string {
  const sentences = sentenceBoundaries(carrier);
  if (sentences.length > 0 && rand() < 0.25) {
    const at = sentences[Math.floor(rand() * sentences.length)] as number;
    return `${carrier.slice(0, at)}${payload} ${carrier.slice(at)}`;
  }
  const bounds = paragraphBoundaries(carrier);
  const at = bounds[Math.floor(rand() * bounds.length)] as number;
  if (at === 0) return `${payload}\n\n${carrier}`;
  if (at >= carrier.length) return `${carrier}\n\n${payload}`;
  return `${carrier.slice(0, at)}${payload}\n\n${carrier.slice(at)}`;
}

/**
 * One indirect positive per carrier: a payload drawn (seeded) from `payloads`, planted at a seeded
 * position. The row keeps the carrier's source (so source-grouped folds keep it with its carrier)
 * with ` + augmented` appended.
 */
export function augmentIndirect(carriers: readonly AugmentRow[], payloads: readonly string[], rand: () => number): AugmentRow[] {
  if (payloads.length === 0) return [];
  return carriers.map((c) => {
    const payload = payloads[Math.floor(rand() * payloads.length)] as string;
    return { text: plantPayload(c.text, payload, rand), label: 1, kind: 'indirect', source: `${c.source} + augmented` };
  });
}
