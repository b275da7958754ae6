import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { defineCommand } from 'citty';
import { SEVERITIES, type Severity } from '../../catalog/control.js';
import { AttestError } from '../../core/errors.js';
import { discoverPaths, type DiscoverResult, type HostInput, type Problem } from '../../discover/index.js';
import { DISCOVER_FORMATS, isDiscoverFormat, type DiscoverFormat } from '../../report/discover-formats.js';
import { renderTerminalSummary } from '../../report/terminal-summary.js';
import { colors, printJson, progress, warn } from '../_output.js';

const FLAGS_WITH_VALUE = new Set(['--format', '--output', '-o', '--out-dir', '--fail-on', '--max-file-size', '--jobs', '-j']);
const BOOLEAN_FLAGS = new Set(['--json', '--quiet', '-q', '--host', '--include-vendored', '--help', '-h']);
const FAIL_ON: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

interface OutputPlan {
  readonly format: DiscoverFormat;
  /** A file path, or '-' for stdout. */
  readonly target: string;
}

/** Every value of a repeatable flag (`--f a --f b`, `--f=a,b`), comma lists split. */
function repeated(rawArgs: readonly string[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i] as string;
    for (const name of names) {
      if (arg === name) {
        const value = rawArgs[i + 1];
        if (value === undefined || (value.startsWith('-') && value !== '-')) throw new AttestError('BAD_INPUT', `${name} needs a value`, { where: name });
        out.push(value);
        i++;
      } else if (arg.startsWith(`${name}=`)) out.push(arg.slice(name.length + 1));
    }
  }
  return out.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** Positional paths, after rejecting unknown options (citty's parser accepts anything). */
function positionals(rawArgs: readonly string[]): string[] {
  const paths: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i] as string;
    if (arg === '--') return [...paths, ...rawArgs.slice(i + 1)];
    if (!arg.startsWith('-') || arg === '-') paths.push(arg);
    else if (FLAGS_WITH_VALUE.has(arg)) i++;
    else if (!BOOLEAN_FLAGS.has(arg) && !FLAGS_WITH_VALUE.has(arg.split('=')[0] as string)) {
      throw new AttestError('BAD_INPUT', `unknown option ${arg} (see attest discover --help)`, { where: arg.split('=')[0] as string });
    }
  }
  return paths;
}

/** `8MB`, `512k`, `1g`, `1048576` → bytes. */
export function parseSize(text: string): number {
  const m = /^(\d{1,12}(?:\.\d{1,6})?) ?([kmg]i?b?|b)?$/i.exec(text.trim());
  if (!m) throw new AttestError('BAD_INPUT', `invalid size "${text}" (e.g. 8MB, 512k, 1g)`, { where: '--max-file-size' });
  const unit = (m[2] ?? 'b').toLowerCase()[0] as string;
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(m[1]) * factor);
  if (bytes < 1) throw new AttestError('BAD_INPUT', `size must be at least 1 byte, got "${text}"`, { where: '--max-file-size' });
  return bytes;
}

function planOutputs(rawArgs: readonly string[], outDir: string | undefined, json: boolean): OutputPlan[] {
  const formats = repeated(rawArgs, ['--format']);
  const outputs = repeated(rawArgs, ['--output', '-o']);
  for (const f of formats) {
    if (!isDiscoverFormat(f)) throw new AttestError('BAD_INPUT', `unknown format "${f}" (one of: ${Object.keys(DISCOVER_FORMATS).join(', ')})`, { where: '--format' });
  }
  if (outputs.length > 0 && outputs.length !== formats.length) {
    throw new AttestError('BAD_INPUT', `${outputs.length} --output for ${formats.length} --format: give one output per format, in the same order`, { where: '--output' });
  }
  // --json is for machines: stdout only, unless a file destination is given explicitly.
  if (json && outDir === undefined) {
    if (formats.length > outputs.length) throw new AttestError('BAD_INPUT', 'with --json, --format needs --output FILE or --out-dir DIR', { where: '--format' });
    if (formats.length === 0) return [];
  }
  const plans: OutputPlan[] = formats.map((f, i) => ({
    format: f as DiscoverFormat,
    target: outputs[i] ?? join(outDir ?? 'attest-report', DISCOVER_FORMATS[f as DiscoverFormat].file),
  }));
  if (formats.length === 0 || (outDir !== undefined && outputs.length > 0)) {
    for (const f of Object.keys(DISCOVER_FORMATS) as DiscoverFormat[]) {
      const target = join(outDir ?? 'attest-report', DISCOVER_FORMATS[f].file);
      if (!plans.some((p) => p.target === target)) plans.push({ format: f, target });
    }
  }
  const toStdout = plans.filter((p) => p.target === '-');
  if (toStdout.length > 1 || (toStdout.length === 1 && json)) throw new AttestError('BAD_INPUT', 'only one output can go to stdout (--output - or --json)', { where: '--output' });
  return plans;
}

/** The host adapter, imported only for --host so a plain scan never touches processes or sockets. */
async function loadHost(): Promise<HostInput> {
  const { createHostInput } = await import('../../discover/adapters/host-input.js');
  return createHostInput({ onProblem: (p) => warn(`${p.path}: ${p.message}`) });
}

function problemLine(p: Problem, roots: readonly string[]): string {
  const base = roots.length === 1 && roots[0] !== '.' && roots[0] !== './' ? join(roots[0] as string, p.path) : p.path;
  return `${base}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`;
}

async function writeReports(result: DiscoverResult, plans: readonly OutputPlan[]): Promise<string[]> {
  const written: string[] = [];
  for (const plan of plans) {
    const text = await DISCOVER_FORMATS[plan.format].render(result);
    if (plan.target === '-') {
      process.stdout.write(text);
      continue;
    }
    try {
      await mkdir(dirname(plan.target), { recursive: true });
      await writeFile(plan.target, text);
    } catch (err) {
      throw new AttestError('IO', `cannot write ${plan.format} report: ${(err as Error).message}`, { where: plan.target });
    }
    written.push(plan.target);
  }
  return written;
}

export default defineCommand({
  meta: {
    name: 'discover',
    description: 'Inventory the AI in code, configs, containers, logs (and the host with --host): CycloneDX AI-BOM, SARIF, JSON.',
  },
  args: {
    paths: { type: 'positional', required: false, description: 'Folders or files to scan (default: .)' },
    json: { type: 'boolean', description: "Print Attest's discover JSON on stdout (nothing else on stdout)" },
    quiet: { type: 'boolean', alias: 'q', description: 'No summary; only problems and errors on stderr' },
    format: { type: 'string', description: 'Report format(s) to write: cyclonedx, sarif, json (repeatable or comma-separated)' },
    output: { type: 'string', alias: 'o', description: 'File for each --format, in order (repeatable or comma-separated; - for stdout)' },
    'out-dir': { type: 'string', description: 'Folder for ai-bom.cdx.json, findings.sarif and discover.json (default attest-report)' },
    'fail-on': { type: 'string', description: 'Exit 1 when a finding is at or above this severity: critical, high, medium, low' },
    host: { type: 'boolean', description: 'Also inventory this host: running AI runtimes and their listening ports' },
    'include-vendored': { type: 'boolean', description: 'Also scan node_modules, vendor, .venv, dist, build … (skipped by default)' },
    jobs: { type: 'string', alias: 'j', description: 'Scan threads (default: the number of cores): this one plus N-1 workers; 1 = no worker threads. Workers start after the first 1000 files' },
    'max-file-size': { type: 'string', description: 'Largest file read whole as text (default 8MB); larger files are only streamed or sniffed' },
  },
  async run({ args, rawArgs }) {
    const paths = positionals(rawArgs);
    const roots = paths.length > 0 ? paths : ['.'];
    const failOn = args['fail-on'] as string | undefined;
    if (failOn !== undefined && !FAIL_ON.includes(failOn as Severity)) {
      throw new AttestError('BAD_INPUT', `unknown severity "${failOn}" (one of: ${FAIL_ON.join(', ')})`, { where: '--fail-on' });
    }
    const json = Boolean(args.json);
    const quiet = Boolean(args.quiet);
    const outDir = args['out-dir'] as string | undefined;
    const plans = planOutputs(rawArgs, outDir === '' ? undefined : outDir, json);
    const maxSize = args['max-file-size'] as string | undefined;
    const jobsText = args.jobs as string | undefined;
    if (jobsText !== undefined && !/^[1-9]\d{0,2}$/.test(jobsText)) throw new AttestError('BAD_INPUT', `--jobs must be a whole number from 1 to 999, got "${jobsText}"`, { where: '--jobs' });
    const host = args.host ? await loadHost() : undefined;

    const bar = quiet || json ? { update() {}, done() {} } : progress();
    const started = Date.now();
    const result = await discoverPaths(roots, {
      includeVendored: Boolean(args['include-vendored']),
      ...(jobsText !== undefined ? { jobs: Number(jobsText) } : {}),
      ...(maxSize !== undefined ? { maxTextBytes: parseSize(maxSize) } : {}),
      ...(host ? { host } : {}),
      onProgress: (p) => {
        const secs = Math.max((Date.now() - started) / 1000, 0.001);
        bar.update(`scanning… ${p.files.toLocaleString('en-US')} files · ${(p.bytes / 1048576).toFixed(1)} MB · ${(p.bytes / 1048576 / secs).toFixed(1)} MB/s`);
      },
      onProblem: (p) => {
        bar.done();
        warn(problemLine(p, roots));
      },
    });
    bar.done();

    const written = await writeReports(result, plans);
    if (json) printJson(result);
    else if (!quiet && !plans.some((p) => p.target === '-')) {
      const c = colors();
      process.stdout.write(renderTerminalSummary(result, { palette: c }));
      if (written.length > 0) process.stdout.write(`\nReports: ${written.join(', ')}\n`);
    }
    if (failOn !== undefined) {
      const limit = SEVERITIES.indexOf(failOn as Severity);
      if (result.findings.some((f) => SEVERITIES.indexOf(f.severity) <= limit)) return 1;
    }
    return 0;
  },
});
