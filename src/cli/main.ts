import { stripVTControlCharacters } from 'node:util';
import { defineCommand, renderUsage, runCommand, type CommandDef } from 'citty';
import { AttestError, toAttestError } from '../core/errors.js';
import { VERSION } from '../version.js';

/**
 * Exit codes (documented in docs/cli.md):
 *   0  success, nothing at or above the --fail-on threshold
 *   1  findings at or above --fail-on, a failed integrity check, or an I/O/store failure
 *   2  usage error or invalid input/config
 *   70 internal error (a bug: please report it)
 */
export const EXIT = { OK: 0, FINDINGS: 1, USAGE: 2, INTERNAL: 70 } as const;

// Subcommands load lazily: `attest --help` does not import the scanners or the stores.
export const rootCommand = defineCommand({
  meta: { name: 'attest', version: VERSION, description: 'Extend a SOC 2 program to AI and LLM systems.' },
  subCommands: {
    discover: () => import('./commands/discover.js').then((m) => m.default),
    controls: () => import('./commands/controls.js').then((m) => m.default),
    guard: () => import('./commands/guard.js').then((m) => m.default),
    audit: () => import('./commands/audit.js').then((m) => m.default),
    incident: () => import('./commands/incident.js').then((m) => m.default),
    assess: () => import('./commands/assess.js').then((m) => m.default),
    init: () => import('./commands/init.js').then((m) => m.default),
    vendor: () => import('./commands/vendor.js').then((m) => m.default),
  },
});

async function resolveCommand(cmd: CommandDef, rawArgs: string[], parent?: CommandDef): Promise<[CommandDef, CommandDef | undefined, string[]]> {
  const subs = typeof cmd.subCommands === 'function' ? await cmd.subCommands() : await cmd.subCommands;
  const name = rawArgs.find((a) => !a.startsWith('-'));
  if (subs && name && name in subs) {
    const entry = subs[name];
    const sub = (typeof entry === 'function' ? await entry() : await entry) as CommandDef;
    return resolveCommand(sub, rawArgs.slice(rawArgs.indexOf(name) + 1), cmd);
  }
  return [cmd, parent, rawArgs];
}

/**
 * Run the CLI and return the exit code. Never calls process.exit, so tests can call it.
 * Commands return a number (their exit code) or nothing (0).
 */
export async function runCli(rawArgs: string[], root: CommandDef = rootCommand as CommandDef): Promise<number> {
  try {
    if (rawArgs.includes('--help') || rawArgs.includes('-h') || rawArgs.length === 0) {
      const [cmd, parent] = await resolveCommand(root, rawArgs);
      const usage = await renderUsage(cmd, parent);
      process.stdout.write(`${process.stdout.isTTY ? usage : stripVTControlCharacters(usage)}\n`);
      return EXIT.OK;
    }
    if (rawArgs.length === 1 && (rawArgs[0] === '--version' || rawArgs[0] === '-v')) {
      process.stdout.write(`${VERSION}\n`);
      return EXIT.OK;
    }
    // Run the leaf command directly: citty's runCommand drops a subcommand's return value (its exit code).
    const [leaf, , leafArgs] = await resolveCommand(root, rawArgs);
    const { result } = await runCommand(leaf, { rawArgs: leafArgs });
    return typeof result === 'number' ? result : EXIT.OK;
  } catch (err) {
    if (err instanceof Error && err.name === 'CLIError') {
      process.stderr.write(`attest: ${err.message} (see --help)\n`);
      return EXIT.USAGE;
    }
    const e = toAttestError(err);
    process.stderr.write(`attest: ${e.toLine()}\n`);
    if (e.code === 'INTERNAL' && process.env.ATTEST_DEBUG) process.stderr.write(`${String((err as Error).stack)}\n`);
    return e.exitCode;
  }
}

/** The bin's entry point: the only place that exits the process. */
export async function runMain(rawArgs: string[]): Promise<void> {
  const code = await runCli(rawArgs);
  process.exitCode = code;
}

export { AttestError };
