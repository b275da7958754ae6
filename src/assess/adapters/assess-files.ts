/**
 * File edges of `attest assess` and `attest vendor`: read a saved discover result or a
 * previous report, write the rendered reports. Every bad file is a one-line BAD_INPUT.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEVERITIES, type Severity } from '../../catalog/control.js';
import { AttestError } from '../../core/errors.js';
import type { DiscoverResult } from '../../discover/model.js';
import { renderAssessHtml } from '../../report/assess-html.js';
import { renderAssessJson } from '../../report/assess-json.js';
import { renderAssessMarkdown } from '../../report/assess-markdown.js';
import { renderVendorHtml, renderVendorMarkdown } from '../../report/assess-vendor.js';
import type { AssessReport } from '../report-model.js';
import type { VendorReport } from '../vendor/vendor-assessment.js';

export const REPORT_FORMATS = ['html', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new AttestError(code === 'ENOENT' ? 'NOT_FOUND' : 'IO', code === 'ENOENT' ? `${what} not found` : `cannot read ${what}: ${code ?? String(err)}`, { where: path });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new AttestError('BAD_INPUT', `${what} is not valid JSON: ${(err as Error).message}`, { where: path });
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A discover result saved with `attest discover --json` or `--format json`. */
export async function readDiscoverJson(path: string): Promise<DiscoverResult> {
  const data = await readJson(path, 'discover result');
  if (!isObj(data) || !Array.isArray(data.components) || !Array.isArray(data.findings) || !isObj(data.stats)) {
    throw new AttestError('BAD_INPUT', 'not an Attest discover result (expected components, findings and stats; save one with `attest discover --json`)', { where: path });
  }
  for (const [i, c] of data.components.entries()) {
    if (!isObj(c) || typeof c.type !== 'string' || typeof c.name !== 'string' || !Array.isArray(c.evidence)) {
      throw new AttestError('BAD_INPUT', `components[${i}] is not a component (type, name, evidence)`, { where: path });
    }
  }
  for (const [i, f] of data.findings.entries()) {
    if (!isObj(f) || typeof f.rule !== 'string' || typeof f.controlId !== 'string' || !Array.isArray(f.evidence) || !SEVERITIES.includes(f.severity as Severity)) {
      throw new AttestError('BAD_INPUT', `findings[${i}] is not a finding (rule, controlId, severity, evidence)`, { where: path });
    }
  }
  for (const [i, x] of [...data.components, ...data.findings].entries()) {
    const ev = (x as { evidence: unknown[] }).evidence;
    if (!ev.every((e) => isObj(e) && typeof e.path === 'string' && (e.line === undefined || Number.isInteger(e.line)))) {
      throw new AttestError('BAD_INPUT', `evidence of item ${i} needs a path and an integer line`, { where: path });
    }
  }
  if (data.roots !== undefined && !(Array.isArray(data.roots) && data.roots.every((r) => typeof r === 'string'))) {
    throw new AttestError('BAD_INPUT', 'roots must be a list of paths', { where: path });
  }
  if (typeof data.stats.files !== 'number') throw new AttestError('BAD_INPUT', 'stats.files must be a number', { where: path });
  return {
    problems: [],
    roots: [],
    ...data,
  } as unknown as DiscoverResult;
}

/** A previous `attest assess --json` report, for `--diff`. */
export async function readPreviousReport(path: string): Promise<AssessReport> {
  const data = await readJson(path, 'previous report');
  if (!isObj(data) || data.kind !== 'attest-assess-report') {
    throw new AttestError('BAD_INPUT', 'not an Attest assess report (write one with `attest assess --json` or `--format json`)', { where: path });
  }
  if (data.schemaVersion !== 1) throw new AttestError('BAD_INPUT', `unsupported report schema version ${String(data.schemaVersion)}`, { where: path });
  if (!Array.isArray(data.controls) || !Array.isArray(data.frameworks) || !isObj(data.overall)) {
    throw new AttestError('BAD_INPUT', 'report is missing controls, frameworks or overall', { where: path });
  }
  return data as unknown as AssessReport;
}

async function writeOut(dir: string, file: string, text: string): Promise<string> {
  const target = join(dir, file);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(target, text);
  } catch (err) {
    throw new AttestError('IO', `cannot write report: ${(err as { code?: string }).code ?? String(err)}`, { where: target });
  }
  return target;
}

/** Write `assess-report.{html,md,json}` into `dir`; returns the paths written. */
export async function writeAssessReports(report: AssessReport, formats: readonly ReportFormat[], dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const f of formats) {
    const text = f === 'html' ? renderAssessHtml(report) : f === 'md' ? renderAssessMarkdown(report) : renderAssessJson(report);
    written.push(await writeOut(dir, `assess-report.${f}`, text));
  }
  return written;
}

/** Write `vendor-report.{html,md,json}` into `dir`. */
export async function writeVendorReports(report: VendorReport, formats: readonly ReportFormat[], dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const f of formats) {
    const text = f === 'html' ? renderVendorHtml(report) : f === 'md' ? renderVendorMarkdown(report) : `${JSON.stringify(report, null, 2)}\n`;
    written.push(await writeOut(dir, `vendor-report.${f}`, text));
  }
  return written;
}
