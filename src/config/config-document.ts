/**
 * Edit attest.yaml through yaml's Document API so comments, ordering and the sections other
 * teams own survive every write.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { AnswerValue } from '../assess/answer-credit.js';
import type { DiscoveredVendor } from '../assess/vendor/discovered-vendors.js';
import { questionsFor } from '../assess/vendor/vendor-questionnaire.js';
import type { Control, ControlQuestion } from '../catalog/control.js';

const HEADER = [
  ' attest.yaml: what Attest cannot see by scanning. Edit by hand or run `attest init`.',
  ' answers: one key per catalog question (`attest controls` lists them); vendors: `attest vendor init`.',
].join('\n');

/** How a question is answered, for comments: `true | false`, `30 | 90 | never`. */
export function answerHint(q: Pick<ControlQuestion, 'type' | 'choices'>): string {
  if (q.type === 'boolean') return 'true | false';
  if (q.type === 'choice') return (q.choices ?? []).join(' | ');
  return 'text';
}

function ensureMap(doc: Document, key: string): YAMLMap {
  const current = doc.get(key, true);
  if (isMap(current)) return current;
  const map = doc.createNode({}) as YAMLMap;
  doc.set(key, map);
  return map;
}

function questionComment(control: Control, q: ControlQuestion): string {
  return ` ${control.id} ${control.title}\n ${q.text} (${answerHint(q)})`;
}

/** Set answers, keeping every comment; new keys get a comment naming their control. */
export function setAnswers(doc: Document, controls: readonly Control[], answers: Readonly<Record<string, AnswerValue>>): void {
  if (doc.contents === null || !isMap(doc.contents)) doc.contents = doc.createNode({}) as YAMLMap;
  const map = ensureMap(doc, 'answers');
  for (const control of controls) {
    for (const q of control.questions ?? []) {
      const raw = answers[q.key];
      if (raw === undefined) continue;
      // A numeric choice is written as a YAML number (`key_rotation_days: 90`).
      const value = q.type === 'choice' && typeof raw === 'string' && raw !== '' && String(Number(raw)) === raw ? Number(raw) : raw;
      if (map.has(q.key)) {
        map.set(q.key, value);
        continue;
      }
      const pair = doc.createPair(q.key, value);
      if (isScalar(pair.key)) pair.key.commentBefore = questionComment(control, q);
      map.items.push(pair);
    }
  }
}

/** The template `attest init --defaults` writes: every question commented out. */
export function templateText(controls: readonly Control[]): string {
  const lines = HEADER.split('\n').map((l) => `#${l}`);
  lines.push('answers:');
  for (const control of controls) {
    for (const q of control.questions ?? []) {
      lines.push(`  # ${control.id} ${control.title}`, `  # ${q.text} (${answerHint(q)})`, `  # ${q.key}: `, '');
    }
  }
  if (lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

/**
 * For an existing file: list the questions it does not answer yet as comments under `answers:`.
 * Returns how many were added and the new file text.
 */
export function addMissingQuestionComments(doc: Document, controls: readonly Control[]): { added: number; text: string } {
  if (doc.contents === null || !isMap(doc.contents)) doc.contents = doc.createNode({}) as YAMLMap;
  const listed = String(doc);
  const current = doc.get('answers', true);
  const map = isMap(current) ? current : undefined;
  const missing: string[] = [];
  for (const control of controls) {
    for (const q of control.questions ?? []) {
      // Already answered, or already listed as a commented-out question.
      if (map?.has(q.key) || listed.includes(`# ${q.key}: `)) continue;
      missing.push(` ${control.id} ${control.title}`, ` ${q.text} (${answerHint(q)})`, ` ${q.key}: `);
    }
  }
  const added = missing.length / 3;
  if (added === 0) return { added, text: listed };
  if (map && map.items.length > 0) {
    map.comment = [map.comment, missing.join('\n')].filter(Boolean).join('\n');
    return { added, text: String(doc) };
  }
  // No answers yet: an `answers:` block of comments, indented so that uncommenting a line works.
  doc.delete('answers');
  const rest = doc.contents && isMap(doc.contents) && doc.contents.items.length === 0 && !doc.commentBefore && !doc.comment ? '' : String(doc).trimEnd();
  const block = ['answers:', ...missing.map((l) => `  #${l}`)].join('\n');
  return { added, text: `${rest ? `${rest}\n` : ''}${block}\n` };
}

/** Append `vendors:` stubs for discovered vendors not listed yet; returns how many were added. */
export function addVendorStubs(doc: Document, vendors: readonly DiscoveredVendor[]): number {
  if (doc.contents === null || !isMap(doc.contents)) doc.contents = doc.createNode({}) as YAMLMap;
  let seq = doc.get('vendors', true);
  if (!isSeq(seq)) {
    seq = doc.createNode([]);
    doc.set('vendors', seq);
  }
  if (!isSeq(seq)) return 0;
  const listed = new Set(
    seq.items.flatMap((item) => (isMap(item) ? [`${String(item.get('kind'))}:${String(item.get('name')).toLowerCase()}`] : [])),
  );
  let added = 0;
  for (const v of vendors) {
    if (listed.has(`${v.kind}:${v.name.toLowerCase()}`)) continue;
    const item = doc.createNode({ name: v.name, kind: v.kind }) as YAMLMap;
    item.commentBefore = ` discovered: ${v.seenAt.join(', ') || v.refs.join(', ')}`;
    // Every question commented out, like the init template: uncomment and answer.
    item.comment = [' answers:', ...questionsFor(v.kind).flatMap((q) => [`   # ${q.text}`, `   ${q.key}:  # ${answerHint(q)}`])].join('\n');
    seq.items.push(item);
    added++;
  }
  return added;
}

/** Parse text for editing (callers validate separately). */
export function editableDocument(text: string): Document {
  const doc = parseDocument(text);
  if (text.trim() === '') doc.commentBefore = HEADER;
  return doc;
}
