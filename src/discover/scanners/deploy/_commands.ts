/**
 * Recognising runtime launches and model pulls in shell command lines (Dockerfile RUN/CMD,
 * Kubernetes command/args): `ollama pull llama3.1:8b`, `vllm serve org/model`,
 * `text-generation-launcher --model-id org/model`, `llama-server -m model.gguf`.
 */
import { matchRuntimeProcess, type RuntimeSignature } from '../../../signatures/runtimes.js';

export interface CommandFacts {
  readonly runtime?: RuntimeSignature;
  /** Models named on the command line (as written). */
  readonly models: readonly string[];
}

const SEPARATORS = new Set(['&&', '||', ';', '|', '&']);
const MODEL_FLAGS = new Set(['--model', '--model-id', '-m', '--model-path', '--served-model-name']);
/** Environment variables whose value is a model id (TGI `MODEL_ID`, app conventions; signatures doc §8). */
export const MODEL_ENV: ReadonlySet<string> = new Set(['MODEL_ID', 'MODEL_NAME', 'MODEL', 'OLLAMA_MODEL', 'LLM_MODEL', 'LLM_MODEL_NAME', 'ANTHROPIC_MODEL', 'OPENAI_MODEL', 'HF_MODEL_ID', 'SERVED_MODEL_NAME']);

/** Values of model flags (`--model x`, `--model-id=x`, `-m x`) in an argument list. */
export function modelsFromArgs(args: readonly string[]): string[] {
  const models: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const eq = a.indexOf('=');
    if (eq > 0 && MODEL_FLAGS.has(a.slice(0, eq))) models.push(a.slice(eq + 1));
    else if (MODEL_FLAGS.has(a) && args[i + 1] !== undefined) models.push(args[++i] ?? '');
  }
  return models.filter((m) => m !== '' && !m.startsWith('$'));
}

/** Split a shell command into simple commands of unquoted tokens (no expansion; good enough for detection). */
export function simpleCommands(command: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const raw of command.split(/\s+/)) {
    if (raw === '') continue;
    let tok = raw;
    let endsCommand = false;
    if (tok.endsWith(';') && tok.length > 1) {
      tok = tok.slice(0, -1);
      endsCommand = true;
    }
    if (SEPARATORS.has(tok)) {
      if (cur.length > 0) out.push(cur);
      cur = [];
      continue;
    }
    cur.push(tok.replace(/^["']+|["']+$/g, ''));
    if (endsCommand) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Facts from one argv (argv[0] is the program). */
export function argvFacts(argv: readonly string[]): CommandFacts {
  const [cmd, ...args] = argv;
  if (cmd === undefined) return { models: [] };
  const exe = cmd.slice(cmd.lastIndexOf('/') + 1);
  if (exe === 'ollama' && (args[0] === 'pull' || args[0] === 'run') && args[1] !== undefined) return { models: [args[1]] };
  const runtime = matchRuntimeProcess(cmd, args);
  if (!runtime) return { models: [] };
  const models = modelsFromArgs(args);
  // `vllm serve <model>` / `sglang serve <model>`: the positional after the subcommand.
  const sub = args.findIndex((a) => runtime.subcommands?.includes(a));
  const positional = sub !== -1 ? args[sub + 1] : undefined;
  if (positional !== undefined && !positional.startsWith('-') && runtime.id !== 'ollama' && runtime.id !== 'lmstudio') models.push(positional);
  return { runtime, models: models.filter((m) => m !== '' && !m.startsWith('$')) };
}

/** Facts from a shell command string (every simple command in it). */
export function commandFacts(command: string): CommandFacts[] {
  return simpleCommands(command).map(argvFacts).filter((f) => f.runtime !== undefined || f.models.length > 0);
}
