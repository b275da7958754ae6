import { tokenize, type Tokens } from './signature-matcher.js';

/**
 * Requests addressed to the assistant on behalf of the reader: a sentence that starts with an
 * imperative verb followed closely by a first-person object (`Give me …`, `Create a plan for my …`,
 * `Tell me which …`) or an advice question (`Which ETFs should I …`). In a user's own prompt such a
 * sentence is normal; inside a document (a man page, API docs, an answer, a tool result) it is
 * out of place, and it is how indirect injections that use no injection wording are written.
 * The classifier gets it as a dense feature only for long texts (see `analyze-text.ts`), so it
 * learns how much weight an embedded request deserves. Token scan, linear in the text length.
 */
const IMPERATIVE = new Set(
  ('give tell create recommend advise suggest write explain design list provide generate describe help show build make plan ' +
    'draft compose outline share send find translate summarize summarise repeat print output say respond reply answer perform ' +
    'execute do develop prepare calculate teach buy sell invest book order reveal display').split(' '),
);
const FIRST_PERSON = new Set(['me', 'my', 'us', 'our', 'myself', 'mine']);
const LEAD_INS = new Set(['please', 'kindly', 'now', 'also', 'then', 'just', 'and', 'immediately']);
const WH = new Set(['which', 'what', 'how', 'when', 'where', 'should']);
const MODALS = new Set(['should', 'can', 'could', 'must', 'do']);
/** Characters that end a sentence or open a line/list item before a new sentence starts. */
const OPENERS = new Set(['\n', '.', '!', '?', ':', '*', '-', '>', '"', '#', '|', ';', '(', '[']);

function startsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || OPENERS.has(text[i] as string);
}

/** Start offsets (in `folded`) of request-to-assistant sentences, in order (`tokens`: `tokenize(folded)`, if the caller has it). */
export function findEmbeddedRequests(folded: string, tokens: Tokens = tokenize(folded)): number[] {
  const { words, starts } = tokens;
  const out: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!startsSentence(folded, starts[i] as number)) continue;
    let j = i;
    while (j < words.length && j < i + 2 && LEAD_INS.has(words[j] as string)) j++;
    const head = words[j];
    if (head === undefined) break;
    let found = false;
    if (IMPERATIVE.has(head)) {
      for (let k = j + 1; k < words.length && k <= j + 6; k++) if (FIRST_PERSON.has(words[k] as string)) found = true;
    } else if (WH.has(head)) {
      for (let k = j; k + 1 < words.length && k <= j + 6; k++) if (MODALS.has(words[k] as string) && words[k + 1] === 'i') found = true;
    }
    if (found) out.push(starts[i] as number);
  }
  return out;
}
