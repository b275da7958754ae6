/**
 * The readiness snapshot: one terminal screen (at most 24 lines of at most 100 columns):
 * grade, a bar per framework, the NIST functions, the top five fixes, and the diff if any.
 */
import type { AssessReport } from '../assess/report-model.js';
import { FRAMEWORK_SHORT, fmtDelta, fmtScore, STATUS_LABEL } from './assess-labels.js';

/** Colour functions; identity functions give plain text. */
export interface AssessPalette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

const id = (s: string): string => s;
export const PLAIN_PALETTE: AssessPalette = { bold: id, dim: id, red: id, yellow: id, green: id, cyan: id };

export const SNAPSHOT_WIDTH = 100;
const BAR = 30;
const MAX_FRAMEWORKS = 6;

/** Cut to `width` visible characters (input is plain text). */
export function clip(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, width - 1)}…`;
}

export function bar(score: number | null, width = BAR): string {
  const filled = score === null ? 0 : Math.round((score / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function tint(p: AssessPalette, score: number | null): (s: string) => string {
  if (score === null) return p.dim;
  return score >= 70 ? p.green : score >= 40 ? p.yellow : p.red;
}

/**
 * Render the snapshot. Lines are built plain, then coloured, so widths stay exact.
 * `written` lists report files written (shown instead of the hint to write them).
 */
export function renderAssessSnapshot(r: AssessReport, palette: AssessPalette = PLAIN_PALETTE, written: readonly string[] = []): string {
  const p = palette;
  const out: string[] = [];
  const title = `Attest AI readiness · ${r.subject.name}`;
  const gradeText = `Grade ${r.overall.grade}  ${fmtScore(r.overall.score)}/100${r.overall.gradeCapped ? ' (capped)' : ''}`;
  const pad = Math.max(1, SNAPSHOT_WIDTH - title.length - gradeText.length);
  out.push(p.bold(clip(title, SNAPSHOT_WIDTH - gradeText.length - 1)) + ' '.repeat(pad) + tint(p, r.overall.score)(p.bold(gradeText)));
  const c = r.overall.counts;
  const counts = `${r.controls.length} controls: ${c.met} met · ${c.partial} partial · ${c['not-met']} not met · ${c.unknown} unknown · ${c['not-applicable']} n/a`;
  out.push(clip(counts, SNAPSHOT_WIDTH));
  out.push(p.dim(clip(`Evidence: ${r.sources.map((s) => `${s.kind} (${s.confidence})`).join(' · ')}`, SNAPSHOT_WIDTH)));
  out.push('');
  for (const f of r.frameworks.slice(0, MAX_FRAMEWORKS)) {
    const label = clip(FRAMEWORK_SHORT[f.key], 22).padEnd(23);
    // With --diff the change since the previous run replaces the control count.
    const d = r.diff?.frameworks.find((x) => x.key === f.key);
    const tail = d ? `${fmtDelta(d.delta)} since last run` : `${f.applicable} controls`;
    out.push(`  ${label}${tint(p, f.score)(bar(f.score))}  ${fmtScore(f.score).padStart(5)}  ${p.dim(tail)}`);
  }
  const nist = r.frameworks.find((f) => f.key === 'nist-ai-rmf');
  if (nist) out.push(p.dim(clip(`  NIST functions: ${nist.groups.map((g) => `${g.id} ${fmtScore(g.score)}`).join(' · ')}`, SNAPSHOT_WIDTH)));
  out.push('');
  const fixes = r.fixList.slice(0, 5);
  const gain = fixes.reduce((a, f) => a + f.scoreGain, 0);
  out.push(
    p.bold(fixes.length > 0 ? `Top fixes by score gained per unit of effort (${r.fixList.length} in all; these ${fixes.length} add +${gain.toFixed(1)})` : 'No fixes: every applicable control is met.'),
  );
  for (const f of fixes) {
    const head = `${String(f.rank).padStart(3)}. ${f.controlId.padEnd(10)} ${f.effort} ${`+${f.scoreGain.toFixed(1)}`.padStart(5)}  `;
    out.push(`${p.cyan(head)}${clip(f.action, SNAPSHOT_WIDTH - head.length)}`);
  }
  if (r.diff) {
    const d = r.diff;
    out.push('');
    const line = `Since ${d.previousGeneratedAt.slice(0, 10)}: ${fmtDelta(d.overall.delta)} (grade ${d.grade.from} → ${d.grade.to}) · ${d.improved.length} improved · ${d.regressed.length} regressed`;
    out.push(clip(line, SNAPSHOT_WIDTH));
    const changes = [
      ...d.regressed.map((x) => p.red(`${x.id} ${STATUS_LABEL[x.from]}→${STATUS_LABEL[x.to]}`)),
      ...d.improved.map((x) => p.green(`${x.id} ${STATUS_LABEL[x.from]}→${STATUS_LABEL[x.to]}`)),
    ];
    if (changes.length > 0) {
      const plain = [...d.regressed, ...d.improved].map((x) => `${x.id} ${STATUS_LABEL[x.from]}→${STATUS_LABEL[x.to]}`);
      let width = 2;
      const shown: string[] = [];
      for (let i = 0; i < plain.length; i++) {
        const w = (plain[i] ?? '').length + 3;
        if (width + w > SNAPSHOT_WIDTH - 12) break;
        width += w;
        shown.push(changes[i] ?? '');
      }
      const more = plain.length - shown.length;
      out.push(`  ${shown.join(' · ')}${more > 0 ? ` · +${more} more` : ''}`);
    }
  }
  out.push('');
  out.push(
    p.dim(clip(written.length > 0 ? `Reports: ${written.join(', ')}` : 'Full report: attest assess --format html,md,json --out-dir attest-report', SNAPSHOT_WIDTH)),
  );
  return `${out.join('\n')}\n`;
}
