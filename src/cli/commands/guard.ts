import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { defineCommand } from 'citty';
import { ConfigProblemsError, loadConfigFile } from '../../config/load-config.js';
import { AttestError } from '../../core/errors.js';
import type { Detection, GuardConfig, GuardStage, Verdict } from '../../guard/index.js';
import { GUARD_STAGES, parseGuardConfig, scan } from '../../guard/index.js';
import { colors, printJson, warn } from '../_output.js';

const FLAGS_WITH_VALUE = new Set(['--file', '--jsonl', '--stage', '--route', '--config']);
const BOOLEAN_FLAGS = new Set(['--json', '--quiet', '-q', '--no-fail', '--thorough', '--help', '-h']);
/** Detectors whose spans are secrets or personal data: never echoed, always shown redacted. */
const SENSITIVE = new Set(['secrets', 'pii', 'canary']);
const SHOW_MAX = 4000;

function values(rawArgs: readonly string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i] as string;
    if (arg === name) {
      const v = rawArgs[i + 1];
      if (v === undefined || (v.startsWith('-') && v !== '-')) throw new AttestError('BAD_INPUT', `${name} needs a value`, { where: name });
      out.push(v);
      i++;
    } else if (arg.startsWith(`${name}=`)) out.push(arg.slice(name.length + 1));
  }
  return out;
}

function positionals(rawArgs: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i] as string;
    if (arg === '--') return [...out, ...rawArgs.slice(i + 1)];
    if (!arg.startsWith('-') || arg === '-') out.push(arg);
    else if (FLAGS_WITH_VALUE.has(arg)) i++;
    else if (!BOOLEAN_FLAGS.has(arg) && !FLAGS_WITH_VALUE.has(arg.split('=')[0] as string)) {
      throw new AttestError('BAD_INPUT', `unknown option ${arg} (see attest guard scan --help)`, { where: arg.split('=')[0] as string });
    }
  }
  return out;
}

async function loadPolicy(path: string | undefined): Promise<GuardConfig> {
  if (path === undefined) return {};
  let section: unknown;
  try {
    section = (await loadConfigFile(path)).config.guard;
  } catch (err) {
    if (err instanceof ConfigProblemsError) for (const line of err.lines()) warn(line);
    throw err;
  }
  const parsed = parseGuardConfig(section);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    throw new AttestError('BAD_CONFIG', `guard${first?.path ?? ''}: ${first?.message ?? 'invalid'}`, { where: path });
  }
  return parsed.config;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new AttestError('BAD_INPUT', 'give text as an argument, --file PATH, --jsonl FILE, or pipe it on stdin', { where: 'guard scan' });
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The text with sensitive spans redacted and other evidence highlighted (colour only on a TTY).
 * Redaction wins over highlighting, so a secret inside an injection span is never echoed.
 */
function display(text: string, detections: readonly Detection[]): string {
  const c = colors();
  const marks = detections
    .flatMap((d) => d.spans.map((s) => ({ start: s.start, end: s.end, sensitive: SENSITIVE.has(d.detector), type: d.category })))
    .filter((s) => s.end > s.start)
    .slice(0, 2000);
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, Math.min(m.end, text.length)])])].sort((a, b) => a - b);
  let out = '';
  let redacting: string | undefined;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] as number;
    const b = cuts[i + 1] as number;
    const covering = marks.filter((m) => m.start <= a && m.end >= b);
    const secret = covering.find((m) => m.sensitive);
    if (secret) {
      if (redacting === undefined) out += c.yellow(`[REDACTED:${secret.type}]`);
      redacting = secret.type;
      continue;
    }
    redacting = undefined;
    const piece = text.slice(a, b);
    out += covering.length > 0 ? c.inverse(c.red(piece)) : piece;
  }
  return out.length > SHOW_MAX ? `${out.slice(0, SHOW_MAX)}… (${out.length - SHOW_MAX} more characters)` : out;
}

function printHuman(source: string, text: string, v: Verdict, quiet: boolean): void {
  const c = colors();
  const tone = v.action === 'block' ? c.red : v.action === 'allow' ? c.green : c.yellow;
  process.stdout.write(`${c.bold(source)}: ${tone(v.action.toUpperCase())} (score ${v.score.toFixed(2)})\n`);
  if (quiet) return;
  for (const d of v.detections) {
    const where = d.spans.length > 0 ? ` at ${d.spans.map((s) => `${s.start}-${s.end}`).join(',')}` : '';
    const fw = [...d.owasp, ...d.atlas].join(' ');
    process.stdout.write(`  ${d.action.padEnd(6)} ${d.detector}/${d.category} ${c.dim(d.controlId)}${fw ? c.dim(` [${fw}]`) : ''}${where}: ${d.message}\n`);
  }
  if (v.detections.length > 0) process.stdout.write(`\n${display(text, v.detections)}\n`);
  if (v.redactedText !== undefined) process.stdout.write(`\n${c.bold('redacted:')}\n${v.redactedText.length > SHOW_MAX ? `${v.redactedText.slice(0, SHOW_MAX)}…` : v.redactedText}\n`);
}

interface JsonlSummary {
  readonly flagged: number;
  readonly malformed: number;
}

/** One verdict line per input line, in order; malformed lines get an error record (stdout) and a stderr line. */
async function scanJsonl(file: string, stage: GuardStage, route: string | undefined, policy: GuardConfig, json: boolean): Promise<JsonlSummary> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err) => reject(err));
  });
  try {
    await opened;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AttestError(code === 'ENOENT' ? 'NOT_FOUND' : 'IO', code === 'ENOENT' ? 'file not found' : `cannot read: ${code ?? String(err)}`, { where: file });
  }
  let n = 0;
  let flagged = 0;
  let malformed = 0;
  let scanned = 0;
  const labelled = { tp: 0, fp: 0, fn: 0, tn: 0 };
  // `attest guard scan --jsonl big.jsonl --json | head`: stop quietly when the reader goes away.
  let closed = false;
  const onStdoutError = (err: NodeJS.ErrnoException): void => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  };
  process.stdout.on('error', onStdoutError);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const raw of lines) {
    if (closed) break;
    n++;
    if (raw.trim() === '') continue;
    let record: unknown;
    let error: string | undefined;
    try {
      record = JSON.parse(raw);
      if (record === null || typeof record !== 'object' || Array.isArray(record)) error = 'expected a JSON object';
      else if (typeof (record as { text?: unknown }).text !== 'string') error = 'missing string field "text"';
    } catch (err) {
      error = `invalid JSON: ${(err as Error).message}`;
    }
    if (error !== undefined) {
      malformed++;
      warn(`${file}:${n}: ${error}`);
      if (json) process.stdout.write(`${JSON.stringify({ line: n, error })}\n`);
      continue;
    }
    const { text, label } = record as { text: string; label?: unknown };
    const v = scan({ text, stage, ...(route !== undefined ? { route } : {}) }, { policy });
    scanned++;
    if (v.flagged) flagged++;
    if (label === 0 || label === 1) {
      const key = v.flagged ? (label === 1 ? 'tp' : 'fp') : label === 1 ? 'fn' : 'tn';
      labelled[key]++;
    }
    if (json) process.stdout.write(`${JSON.stringify({ line: n, flagged: v.flagged, score: Math.round(v.score * 1e4) / 1e4, categories: v.categories })}\n`);
    else if (v.flagged) process.stdout.write(`line ${n}: ${v.action} (score ${v.score.toFixed(2)}) ${v.categories.join(', ')}\n`);
  }
  process.stdout.off('error', onStdoutError);
  stream.destroy();
  if (closed) return { flagged, malformed };
  if (!json) {
    process.stdout.write(`${file}: ${scanned} scanned, ${flagged} flagged, ${malformed} malformed\n`);
    const { tp, fp, fn, tn } = labelled;
    if (tp + fp + fn + tn > 0) {
      const p = tp + fp > 0 ? tp / (tp + fp) : 0;
      const r = tp + fn > 0 ? tp / (tp + fn) : 0;
      const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
      process.stdout.write(`labelled: precision ${p.toFixed(3)}, recall ${r.toFixed(3)}, F1 ${f1.toFixed(3)}, FPR ${(fp / Math.max(1, fp + tn)).toFixed(3)}\n`);
    }
  }
  return { flagged, malformed };
}

const scanCommand = defineCommand({
  meta: {
    name: 'scan',
    description:
      'Scan text with the guard detectors (injection, secrets, PII, canaries, output validation). Exit 0: nothing flagged; 1: something flagged; 2: bad input or config.',
  },
  args: {
    text: { type: 'positional', required: false, description: 'Text to scan (default: stdin)' },
    file: { type: 'string', description: 'Scan a file (repeatable)' },
    jsonl: { type: 'string', description: 'Scan each line of a JSONL file ({"text", "label"?}); with --json prints one verdict per line' },
    stage: { type: 'string', default: 'input', description: 'input | retrieved | tool-result | output' },
    route: { type: 'string', description: 'Route name for per-route policy' },
    config: { type: 'string', description: 'attest.yaml whose guard: section sets the policy' },
    json: { type: 'boolean', description: 'Machine-readable output' },
    quiet: { type: 'boolean', alias: 'q', description: 'Verdict lines only' },
    fail: { type: 'boolean', default: true, description: 'Exit 1 when something is flagged (--no-fail: always 0)' },
    thorough: { type: 'boolean', description: "Also run secretlint's recommended credential rules (slower; not with --jsonl)" },
  },
  async run({ args, rawArgs }) {
    const texts = positionals(rawArgs);
    const files = values(rawArgs, '--file');
    const jsonl = values(rawArgs, '--jsonl');
    const stage = String(args.stage ?? 'input') as GuardStage;
    if (!GUARD_STAGES.includes(stage)) throw new AttestError('BAD_INPUT', `unknown stage "${stage}" (expected ${GUARD_STAGES.join(', ')})`, { where: '--stage' });
    if (jsonl.length > 1) throw new AttestError('BAD_INPUT', '--jsonl takes one file', { where: '--jsonl' });
    if (jsonl.length > 0 && (texts.length > 0 || files.length > 0)) throw new AttestError('BAD_INPUT', '--jsonl cannot be combined with text or --file', { where: '--jsonl' });
    if (jsonl.length > 0 && args.thorough) throw new AttestError('BAD_INPUT', '--thorough is for text and files, not --jsonl', { where: '--thorough' });
    const route = typeof args.route === 'string' ? args.route : undefined;
    const policy = await loadPolicy(typeof args.config === 'string' ? args.config : undefined);
    const json = Boolean(args.json);
    const quiet = Boolean(args.quiet);
    const failCode = args.fail === false ? 0 : 1;

    if (jsonl[0] !== undefined) {
      const { flagged, malformed } = await scanJsonl(jsonl[0], stage, route, policy, json);
      if (malformed > 0) return 2;
      return flagged > 0 ? failCode : 0;
    }

    const inputs: { source: string; text: string }[] = texts.map((t) => ({ source: 'argument', text: t }));
    for (const f of files) {
      try {
        inputs.push({ source: f, text: await readFile(f, 'utf8') });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new AttestError(code === 'ENOENT' ? 'NOT_FOUND' : 'IO', code === 'ENOENT' ? 'file not found' : `cannot read: ${code ?? String(err)}`, { where: f });
      }
    }
    if (inputs.length === 0) inputs.push({ source: 'stdin', text: await readStdin() });

    const thorough = args.thorough ? (await import('../../guard/adapters/thorough-scan.js')).scanThorough : undefined;
    const results: { source: string; text: string; verdict: Verdict }[] = [];
    for (const i of inputs) {
      const input = { text: i.text, stage, ...(route !== undefined ? { route } : {}) };
      results.push({ ...i, verdict: thorough ? await thorough(input, { policy }) : scan(input, { policy }) });
    }
    if (json) {
      printJson(results.map(({ source, verdict }) => ({ source, stage, ...verdict })));
    } else {
      for (const r of results) printHuman(r.source, r.text, r.verdict, quiet);
    }
    return results.some((r) => r.verdict.flagged) ? failCode : 0;
  },
});

export default defineCommand({
  meta: { name: 'guard', description: 'Local detectors for LLM traffic: prompt injection, sensitive output, output validation.' },
  subCommands: { scan: scanCommand },
});
