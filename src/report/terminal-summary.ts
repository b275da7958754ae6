import { SEVERITIES, type Severity } from '../catalog/control.js';
import { COMPONENT_TYPES, type DiscoverResult, type Finding } from '../discover/model.js';

/** Colour functions; pass identity functions for plain text (the CLI decides by TTY and NO_COLOR). */
export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  magenta(s: string): string;
}

const plain = (s: string): string => s;
export const PLAIN: Palette = { bold: plain, dim: plain, red: plain, yellow: plain, cyan: plain, magenta: plain };

export interface SummaryOptions {
  readonly palette?: Palette;
  /** Findings listed in full (most severe first); default 10. */
  readonly top?: number;
  /** Names listed per component type before "+N more"; default 6. */
  readonly namesPerType?: number;
}

const RANK: Readonly<Record<Severity, number>> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function seconds(result: DiscoverResult): string {
  const ms = Date.parse(result.finishedAt) - Date.parse(result.startedAt);
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '?';
}

function colourSeverity(p: Palette, s: Severity, text: string): string {
  if (s === 'critical') return p.bold(p.magenta(text));
  if (s === 'high') return p.red(text);
  if (s === 'medium') return p.yellow(text);
  return p.dim(text);
}

function location(f: Finding): string {
  const e = f.evidence[0];
  if (!e) return '';
  const more = f.evidence.length > 1 ? ` (+${f.evidence.length - 1})` : '';
  return `${e.path}${e.line !== undefined ? `:${e.line}` : ''}${more}`;
}

/** Findings most severe first, then by place: the order the summary lists them in. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || location(a).localeCompare(location(b)));
}

/**
 * A human summary of a discover run: counts, components by type, findings by severity and the top
 * findings with file:line. Plain text unless a palette is given.
 */
export function renderTerminalSummary(result: DiscoverResult, opts: SummaryOptions = {}): string {
  const p = opts.palette ?? PLAIN;
  const top = opts.top ?? 10;
  const perType = opts.namesPerType ?? 6;
  const out: string[] = [];
  out.push(`${p.bold('Attest discover')} ${p.dim(result.roots.join(', '))}`);
  const problems = result.problems.length > 0 ? ` · ${p.yellow(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`)}` : '';
  out.push(`  ${result.stats.files.toLocaleString('en-US')} file${result.stats.files === 1 ? '' : 's'} (${mb(result.stats.bytes)}) in ${seconds(result)}${problems}`);
  out.push('');
  out.push(p.bold(`AI components (${result.components.length})`));
  if (result.components.length === 0) out.push(p.dim('  none found'));
  for (const type of COMPONENT_TYPES) {
    const of = result.components.filter((c) => c.type === type);
    if (of.length === 0) continue;
    // The same name can appear in two ecosystems (openai on npm and PyPI): say which.
    const names = of.slice(0, perType).map((c) => (c.ecosystem ? `${c.name} ${p.dim(`(${c.ecosystem})`)}` : c.name));
    const rest = of.length > perType ? p.dim(` +${of.length - perType} more`) : '';
    out.push(`  ${p.cyan(type.padEnd(18))}${String(of.length).padStart(4)}  ${names.join(', ')}${rest}`);
  }
  out.push('');
  const counts = SEVERITIES.map((s) => [s, result.findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  out.push(p.bold(`Findings (${result.findings.length})`) + (counts.length > 0 ? `  ${counts.map(([s, n]) => colourSeverity(p, s, `${n} ${s}`)).join(' · ')}` : ''));
  if (result.findings.length === 0) out.push(p.dim('  none'));
  const ranked = rankFindings(result.findings);
  for (const f of ranked.slice(0, top)) {
    out.push(`  ${colourSeverity(p, f.severity, f.severity.toUpperCase().padEnd(9))}${f.rule.padEnd(24)}${location(f)}`);
    out.push(`  ${' '.repeat(9)}${p.dim(`${f.message} [${f.controlId}]`)}`);
  }
  if (ranked.length > top) out.push(p.dim(`  … ${ranked.length - top} more in the reports`));
  return `${out.join('\n')}\n`;
}
