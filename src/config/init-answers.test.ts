import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTROLS } from '../catalog/controls.js';
import { initAnswersFile } from './init-answers.js';
import { parseReply } from './init-interview.js';
import { ConfigProblemsError, parseConfig } from './load-config.js';

const dir = await mkdtemp(join(tmpdir(), 'attest-init-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Feed the interview canned replies through a stream, as a user would type them. */
function io(replies: readonly string[]): { input: PassThrough; output: PassThrough; text: () => string } {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  input.end(replies.map((r) => `${r}\n`).join(''));
  return { input, output, text: () => text };
}

const questions = CONTROLS.flatMap((c) => (c.questions ?? []).map((q) => ({ c, q })));

describe('attest init', () => {
  it('parses replies: y/n, choice by value or number, Enter keeps', () => {
    expect(parseReply({ type: 'boolean' }, 'Yes')).toEqual({ ok: true, value: true });
    expect(parseReply({ type: 'boolean' }, 'n')).toEqual({ ok: true, value: false });
    expect(parseReply({ type: 'boolean' }, 'perhaps')).toEqual({ ok: false });
    expect(parseReply({ type: 'choice', choices: ['30', '90'] }, '2')).toEqual({ ok: true, value: '90' });
    expect(parseReply({ type: 'choice', choices: ['30', '90'] }, '30')).toEqual({ ok: true, value: '30' });
    expect(parseReply({ type: 'choice', choices: ['30', '90'] }, '7')).toEqual({ ok: false });
    expect(parseReply({ type: 'boolean' }, '')).toEqual({ ok: true });
  });

  it('asks every catalog question with its control id and why, and writes the answers', async () => {
    const path = join(dir, 'new.yaml');
    const replies = questions.map(({ q }) => (q.type === 'boolean' ? 'y' : q.type === 'choice' ? '1' : 'documented'));
    const s = io(replies);
    const r = await initAnswersFile({ path, mode: 'interactive', io: s, controls: CONTROLS });
    expect(r).toMatchObject({ created: true, asked: questions.length, changed: questions.length });
    const first = questions[0];
    expect(s.text()).toContain(`${first?.c.id} ${first?.c.title}`);
    expect(s.text()).toContain(`why: ${first?.c.objective}`);
    const parsed = parseConfig(await readFile(path, 'utf8'));
    expect(Object.keys(parsed.config?.answers ?? {})).toHaveLength(questions.length);
    expect(parsed.config?.answers.ai_acceptable_use_policy).toBe(true);
  });

  it('re-running keeps existing answers, comments and other sections; re-asks on nonsense', async () => {
    const path = join(dir, 'keep.yaml');
    await writeFile(path, '# mine\nanswers:\n  ai_acceptable_use_policy: true # set by legal\nguard:\n  detectors:\n    pii: {enabled: false}\n');
    const idx = questions.findIndex(({ q }) => q.key === 'ai_acceptable_use_policy');
    // Enter for everything except one nonsense reply followed by "n" at the policy question.
    const replies = questions.flatMap((_, i) => (i === idx ? ['maybe', 'n'] : ['']));
    const s = io(replies);
    const r = await initAnswersFile({ path, mode: 'interactive', io: s, controls: CONTROLS });
    expect(r.changed).toBe(1);
    expect(s.text()).toContain('not understood: answer true, false');
    expect(s.text()).toContain('(Enter keeps: yes)');
    const text = await readFile(path, 'utf8');
    expect(text).toContain('# mine');
    expect(text).toContain('ai_acceptable_use_policy: false # set by legal');
    expect(text).toContain('guard:\n  detectors:\n    pii: { enabled: false }');
    expect(parseConfig(text).config?.answers).toEqual({ ai_acceptable_use_policy: false });
  });

  it('q saves what was answered and stops', async () => {
    const path = join(dir, 'quit.yaml');
    const r = await initAnswersFile({ path, mode: 'interactive', io: io(['n', 'q', 'y']), controls: CONTROLS });
    expect(r).toMatchObject({ asked: 1, changed: 1 });
    expect(parseConfig(await readFile(path, 'utf8')).config?.answers).toEqual({ [questions[0]?.q.key ?? '']: false });
  });

  it('stops at end of input and keeps what it has', async () => {
    const path = join(dir, 'eof.yaml');
    const r = await initAnswersFile({ path, mode: 'interactive', io: io(['y']), controls: CONTROLS });
    expect(r.asked).toBe(1);
    expect(parseConfig(await readFile(path, 'utf8')).config?.answers).toEqual({ [questions[0]?.q.key ?? '']: true });
  });

  it('--defaults writes the commented template, then only adds missing questions', async () => {
    const path = join(dir, 'defaults.yaml');
    const r1 = await initAnswersFile({ path, mode: 'defaults', controls: CONTROLS });
    expect(r1).toMatchObject({ created: true, changed: questions.length });
    const r2 = await initAnswersFile({ path, mode: 'defaults', controls: CONTROLS });
    expect(r2).toMatchObject({ created: false, changed: 0 });
  });

  it('refuses to edit a broken file, reporting its problems', async () => {
    const path = join(dir, 'broken.yaml');
    await writeFile(path, 'answers:\n  nope: true\n');
    const err = await initAnswersFile({ path, mode: 'defaults', controls: CONTROLS }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigProblemsError);
    expect((err as ConfigProblemsError).lines()).toEqual([`${path}:2:3: answers.nope: unknown question`]);
    expect(await readFile(path, 'utf8')).toBe('answers:\n  nope: true\n');
  });
});
