import { defineCommand } from 'citty';
import { ConfigProblemsError } from '../../config/load-config.js';
import { initAnswersFile } from '../../config/init-answers.js';
import { AttestError } from '../../core/errors.js';
import { warn } from '../_output.js';
import { checkedPositionals } from './assess.js';

export default defineCommand({
  meta: {
    name: 'init',
    description: 'Answer the questions scanning cannot (asked on a terminal) and write them to attest.yaml, keeping comments and other sections.',
  },
  args: {
    answers: { type: 'string', description: 'File to create or update (default attest.yaml)' },
    defaults: { type: 'boolean', description: 'Do not ask: write a template with every question commented (or add the missing ones to an existing file)' },
  },
  async run({ args, rawArgs }) {
    const extra = checkedPositionals(rawArgs, new Set(['--answers']), new Set(['--defaults']), 'init');
    if (extra.length > 0) throw new AttestError('BAD_INPUT', `unexpected argument "${extra[0]}" (see attest init --help)`, { where: extra[0] as string });
    const path = (args.answers as string | undefined) ?? 'attest.yaml';
    const defaults = Boolean(args.defaults);
    const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    if (!defaults && !interactive) {
      throw new AttestError(
        'BAD_INPUT',
        'attest init asks its questions on a terminal; without one, use `attest init --defaults` to write a template with every question commented, then edit it',
        { where: 'stdin' },
      );
    }
    try {
      const r = await initAnswersFile({
        path,
        mode: defaults ? 'defaults' : 'interactive',
        io: { input: process.stdin, output: process.stdout },
      });
      if (defaults) {
        process.stdout.write(
          r.created
            ? `Wrote ${path}: ${r.changed} questions, all commented out. Uncomment and answer them, then run attest assess.\n`
            : r.changed > 0
              ? `Updated ${path}: ${r.changed} unanswered questions added as comments under answers:.\n`
              : `${path} already lists every question; nothing to add.\n`,
        );
      } else {
        process.stdout.write(`\n${r.created ? 'Wrote' : 'Updated'} ${path}: ${r.changed} answer${r.changed === 1 ? '' : 's'} changed (${r.asked} asked).\n`);
      }
      return 0;
    } catch (err) {
      if (err instanceof ConfigProblemsError) {
        for (const line of err.lines()) warn(line);
        return 2;
      }
      throw err;
    }
  },
});
