import { basename, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { readAuditStats } from '../../assess/adapters/read-audit-stats.js';
import { auditStatsEvidenceSource } from '../../assess/sources/audit-stats-evidence-source.js';
import type { EvidenceSource } from '../../assess/evidence.js';
import type { AuditConfig } from '../../audit/config-schema.js';
import { isReportFormat, readDiscoverJson, readPreviousReport, REPORT_FORMATS, writeAssessReports, type ReportFormat } from '../../assess/adapters/assess-files.js';
import { assess } from '../../assess/assess.js';
import { diffReports } from '../../assess/report-diff.js';
import { ConfigProblemsError, loadConfigFile, type AttestConfig } from '../../config/load-config.js';
import { AttestError } from '../../core/errors.js';
import type { DiscoverResult } from '../../discover/model.js';
import { renderAssessSnapshot } from '../../report/assess-terminal.js';
import { VERSION } from '../../version.js';
import { colors, printJson, progress, warn } from '../_output.js';

const VALUE_FLAGS = new Set(['--answers', '--discover', '--format', '--out-dir', '--diff', '--fail-under', '--name', '--audit-days']);
const BOOL_FLAGS = new Set(['--json', '--quiet', '-q', '--skip-answers']);

/**
 * Positional arguments, after rejecting unknown options (citty's parser accepts anything).
 * Shared by assess, init and vendor.
 */
export function checkedPositionals(rawArgs: readonly string[], valueFlags: ReadonlySet<string>, boolFlags: ReadonlySet<string>, command: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const a = rawArgs[i] as string;
    if (a === '--') return [...out, ...rawArgs.slice(i + 1)];
    if (!a.startsWith('-')) out.push(a);
    else if (valueFlags.has(a)) i++;
    else if (!boolFlags.has(a) && !valueFlags.has(a.split('=')[0] as string)) {
      throw new AttestError('BAD_INPUT', `unknown option ${a} (see attest ${command} --help)`, { where: a.split('=')[0] as string });
    }
  }
  return out;
}

const positionals = (rawArgs: readonly string[]): string[] => checkedPositionals(rawArgs, VALUE_FLAGS, BOOL_FLAGS, 'assess');

function parseFormats(value: string | undefined): ReportFormat[] {
  if (value === undefined) return [];
  const fs = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of fs) if (!isReportFormat(f)) throw new AttestError('BAD_INPUT', `unknown format "${f}" (one of: ${REPORT_FORMATS.join(', ')})`, { where: '--format' });
  return [...new Set(fs)] as ReportFormat[];
}

/** attest.yaml: explicit --answers must exist; the default ./attest.yaml is optional. */
export async function loadAnswers(explicit: string | undefined, disabled: boolean): Promise<{ config?: AttestConfig; file?: string }> {
  if (disabled) return {};
  const file = explicit ?? 'attest.yaml';
  try {
    const { config } = await loadConfigFile(file);
    return { config, file };
  } catch (err) {
    if (explicit === undefined && err instanceof AttestError && err.code === 'NOT_FOUND') return {};
    throw err;
  }
}

/** Print one line per attest.yaml problem and return the usage exit code. */
export function reportConfigProblems(err: ConfigProblemsError): number {
  for (const line of err.lines()) warn(line);
  return 2;
}

async function runDiscover(paths: readonly string[], quiet: boolean): Promise<DiscoverResult> {
  const { discoverPaths } = await import('../../discover/index.js');
  const bar = quiet ? { update() {}, done() {} } : progress();
  try {
    return await discoverPaths(paths, {
      onProgress: (p) => bar.update(`scanning… ${p.files.toLocaleString('en-US')} files`),
      onProblem: (p) => {
        bar.done();
        warn(`${p.path}: ${p.message}`);
      },
    });
  } finally {
    bar.done();
  }
}

/** Audit-trail statistics when attest.yaml configures a trail; a missing or unreachable one is skipped with a note. */
async function auditSources(audit: unknown, days: number, quiet: boolean): Promise<EvidenceSource[]> {
  if (audit === undefined) return [];
  try {
    return [auditStatsEvidenceSource(await readAuditStats(audit as AuditConfig, { days, now: new Date() }))];
  } catch (err) {
    if (!(err instanceof AttestError) || (err.code !== 'NOT_FOUND' && err.code !== 'STORE' && err.code !== 'BAD_CONFIG')) throw err;
    if (!quiet) warn(`${err.toLine()} (audit-trail evidence skipped)`);
    return [];
  }
}

export default defineCommand({
  meta: {
    name: 'assess',
    description: 'AI readiness: score against SOC 2, OWASP LLM Top 10, NIST AI RMF and ISO/IEC 42001, with a prioritized, cited fix-list.',
  },
  args: {
    paths: { type: 'positional', required: false, description: 'Folders to scan with attest discover (default: .)' },
    answers: { type: 'string', description: 'attest.yaml with your answers (default ./attest.yaml if present)' },
    'skip-answers': { type: 'boolean', description: 'Ignore attest.yaml' },
    discover: { type: 'string', description: 'Use a saved discover result (attest discover --json) instead of scanning' },
    format: { type: 'string', description: 'Report files to write: html, md, json (comma-separated)' },
    'out-dir': { type: 'string', description: 'Folder for assess-report.{html,md,json} (default attest-report)' },
    diff: { type: 'string', description: 'A previous assess JSON report: show what improved or regressed' },
    json: { type: 'boolean', description: 'Print the report JSON on stdout (nothing else on stdout)' },
    quiet: { type: 'boolean', alias: 'q', description: 'No snapshot; errors only' },
    'fail-under': { type: 'string', description: 'Exit 1 when the overall score is below this number (0-100)' },
    name: { type: 'string', description: 'Name of the system in the report (default: the scanned folder)' },
    'audit-days': { type: 'string', description: 'Period of audit-trail statistics read as evidence when attest.yaml has audit: (default 30)' },
  },
  async run({ args, rawArgs }) {
    const paths = positionals(rawArgs);
    const json = Boolean(args.json);
    const quiet = Boolean(args.quiet);
    const formats = parseFormats(args.format as string | undefined);
    const outDirArg = args['out-dir'] as string | undefined;
    const outDir = outDirArg ?? 'attest-report';
    if (outDirArg !== undefined && formats.length === 0) formats.push(...REPORT_FORMATS);
    const failUnderText = args['fail-under'] as string | undefined;
    const failUnder = failUnderText === undefined ? undefined : Number(failUnderText);
    if (failUnder !== undefined && !(Number.isFinite(failUnder) && failUnder >= 0 && failUnder <= 100)) {
      throw new AttestError('BAD_INPUT', `expected a number from 0 to 100, got "${failUnderText}"`, { where: '--fail-under' });
    }
    const auditDaysText = (args['audit-days'] as string | undefined) ?? '30';
    const auditDays = Number(auditDaysText);
    if (!Number.isInteger(auditDays) || auditDays < 1 || auditDays > 3660) {
      throw new AttestError('BAD_INPUT', `expected a whole number of days from 1 to 3660, got "${auditDaysText}"`, { where: '--audit-days' });
    }
    const savedDiscover = args.discover as string | undefined;
    if (savedDiscover !== undefined && paths.length > 0) throw new AttestError('BAD_INPUT', 'give either paths to scan or --discover, not both', { where: '--discover' });

    let answers: { config?: AttestConfig; file?: string };
    try {
      answers = await loadAnswers(args.answers as string | undefined, Boolean(args['skip-answers']));
    } catch (err) {
      if (err instanceof ConfigProblemsError) return reportConfigProblems(err);
      throw err;
    }
    // Read --diff before scanning, so a bad file fails fast.
    const diffPath = args.diff as string | undefined;
    const previous = diffPath !== undefined ? await readPreviousReport(diffPath) : undefined;
    const roots = paths.length > 0 ? paths : ['.'];
    const discover = savedDiscover !== undefined ? await readDiscoverJson(savedDiscover) : await runDiscover(roots, quiet || json);
    const subjectName = (args.name as string | undefined) ?? basename(resolve(savedDiscover === undefined ? (roots[0] ?? '.') : (discover.roots[0] ?? '.')));
    let report = assess({
      discover,
      ...(answers.config ? { answers: answers.config.answers, answersFile: answers.file ?? 'attest.yaml' } : {}),
      ...(answers.config?.vendors ? { vendors: answers.config.vendors } : {}),
      ...(answers.config ? { runtimeConfig: { guard: answers.config.guard, audit: answers.config.audit } } : {}),
      sources: await auditSources(answers.config?.audit, auditDays, quiet || json),
      generatedAt: new Date().toISOString(),
      toolVersion: VERSION,
      subjectName,
    });
    if (previous) report = { ...report, diff: diffReports(previous, report) };

    const written = await writeAssessReports(report, formats, outDir);
    if (json) printJson(report);
    else if (!quiet) {
      process.stdout.write(renderAssessSnapshot(report, colors(), written));
    }
    if (failUnder !== undefined && (report.overall.score ?? 0) < failUnder) return 1;
    return 0;
  },
});
