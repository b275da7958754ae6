/**
 * The `attest init` interview: asks the catalog's questions one by one, showing the control
 * id and why it matters, with the current answer as the default. Streams are injected so it
 * runs the same on a TTY and in tests.
 */
import { createInterface } from 'node:readline';
import type { AnswerValue } from '../assess/answer-credit.js';
import type { Control, ControlQuestion } from '../catalog/control.js';
import { answerHint } from './config-document.js';

export interface InterviewIO {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
}

const MAX_TRIES = 3;
const YES: ReadonlySet<string> = new Set(['y', 'yes', 'true', 't', '1']);
const NO: ReadonlySet<string> = new Set(['n', 'no', 'false', 'f', '0']);

/** Parse one reply; `undefined` value with ok=true means "keep / skip". */
export function parseReply(q: Pick<ControlQuestion, 'type' | 'choices'>, reply: string): { ok: boolean; value?: AnswerValue } {
  const r = reply.trim();
  if (r === '' || r === '-') return { ok: true };
  switch (q.type) {
    case 'boolean': {
      const l = r.toLowerCase();
      if (YES.has(l)) return { ok: true, value: true };
      if (NO.has(l)) return { ok: true, value: false };
      return { ok: false };
    }
    case 'choice': {
      const choices = q.choices ?? [];
      if (choices.includes(r)) return { ok: true, value: r };
      const n = /^\d{1,3}$/.test(r) ? Number(r) : NaN;
      const byIndex = choices[n - 1];
      return byIndex !== undefined ? { ok: true, value: byIndex } : { ok: false };
    }
    case 'text':
      return { ok: true, value: r.slice(0, 2000) };
  }
}

function show(value: AnswerValue | undefined): string {
  if (value === undefined) return 'none';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return String(value);
}

function prompt(q: ControlQuestion, current: AnswerValue | undefined): string {
  const hint =
    q.type === 'boolean' ? 'y/n' : q.type === 'choice' ? (q.choices ?? []).map((c, i) => `${i + 1}=${c}`).join(' ') : 'text';
  return `  ${q.text}\n  [${hint}] (Enter keeps: ${show(current)}) > `;
}

/**
 * Ask every question; returns the full answer set (existing answers kept unless changed).
 * Stops early, keeping what it has, when the input ends.
 */
export async function runInterview(
  controls: readonly Control[],
  existing: Readonly<Record<string, AnswerValue>>,
  io: InterviewIO,
): Promise<{ answers: Record<string, AnswerValue>; changed: number; asked: number }> {
  const rl = createInterface({ input: io.input, terminal: false, crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  const answers: Record<string, AnswerValue> = { ...existing };
  const total = controls.reduce((n, c) => n + (c.questions?.length ?? 0), 0);
  let asked = 0;
  let changed = 0;
  io.output.write(`attest init: ${total} questions scanning cannot answer. Enter keeps the current answer, - skips, q saves and stops.\n`);
  try {
    for (const control of controls) {
      for (const q of control.questions ?? []) {
        asked++;
        io.output.write(`\n(${asked}/${total}) ${control.id} ${control.title} [${control.severity}]\n  why: ${control.objective}\n`);
        for (let tries = 0; tries < MAX_TRIES; tries++) {
          io.output.write(prompt(q, answers[q.key]));
          const next = await lines.next();
          if (next.done || next.value.trim().toLowerCase() === 'q') {
            io.output.write('\n');
            return { answers, changed, asked: asked - 1 };
          }
          const parsed = parseReply(q, next.value);
          if (!parsed.ok) {
            io.output.write(`  not understood: answer ${answerHint(q).replaceAll(' | ', ', ')}\n`);
            continue;
          }
          if (parsed.value !== undefined && parsed.value !== answers[q.key]) {
            answers[q.key] = parsed.value;
            changed++;
          }
          break;
        }
      }
    }
  } finally {
    rl.close();
  }
  return { answers, changed, asked };
}
