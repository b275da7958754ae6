/** The assess report as Markdown (GitHub-flavoured tables). User-derived text is escaped. */
import type { AssessReport } from '../assess/report-model.js';
import { FRAMEWORK_SHORT, describeEvidence, fmtDelta, fmtScore, frameworkIdList, STATUS_LABEL } from './assess-labels.js';

/** Escape text for a Markdown table cell or paragraph: no HTML, no table breaks, no emphasis. */
export function mdEscape(s: string): string {
  return s
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('*', '\\*')
    .replaceAll('_', '\\_')
    .replaceAll('`', '\\`')
    .replaceAll('[', '\\[')
    .replaceAll(']', '\\]')
    .replace(/\r?\n/g, ' ');
}

const code = (s: string): string => `\`${s.replaceAll('`', "'")}\``;

export function renderAssessMarkdown(r: AssessReport): string {
  const out: string[] = [];
  const c = r.overall.counts;
  out.push(`# AI readiness report: ${mdEscape(r.subject.name)}`, '');
  out.push(`**Grade ${r.overall.grade}**, ${fmtScore(r.overall.score)}/100${r.overall.gradeCapped ? ' (capped: a critical control is observed not met)' : ''}. `);
  out.push(`${r.controls.length} controls: ${c.met} met, ${c.partial} partial, ${c['not-met']} not met, ${c.unknown} unknown, ${c['not-applicable']} not applicable.`, '');
  out.push(`Generated ${mdEscape(r.generatedAt)} by Attest ${mdEscape(r.tool.version)}. Evidence: ${r.sources.map((s) => `${mdEscape(s.kind)} (${s.confidence})`).join(', ')}.`, '');
  out.push('## Readiness by framework', '', '| Framework | Score | Applicable controls |', '| --- | ---: | ---: |');
  for (const f of r.frameworks) out.push(`| ${FRAMEWORK_SHORT[f.key]} | ${fmtScore(f.score)} | ${f.applicable} of ${f.controls} |`);
  out.push('');
  if (r.diff) {
    const d = r.diff;
    out.push('## Since the previous assessment', '');
    out.push(`Overall ${fmtScore(d.overall.from)} → ${fmtScore(d.overall.to)} (${fmtDelta(d.overall.delta)}), grade ${d.grade.from} → ${d.grade.to}.`, '');
    for (const [title, xs] of [['Improved', d.improved], ['Regressed', d.regressed]] as const) {
      if (xs.length === 0) continue;
      out.push(`**${title}:**`, '');
      for (const x of xs) out.push(`- ${code(x.id)} ${mdEscape(x.title)}: ${STATUS_LABEL[x.from]} → ${STATUS_LABEL[x.to]}`);
      out.push('');
    }
  }
  const top = r.fixList.slice(0, 5);
  const gain = top.reduce((a, f) => a + f.scoreGain, 0);
  out.push('## Fix-list', '', `Ordered by score gained per unit of effort (S = 1, M = 2, L = 4).${top.length > 0 ? ` The top ${top.length} add +${gain.toFixed(1)} points.` : ''}`, '');
  if (r.fixList.length === 0) out.push('Every applicable control is met.', '');
  for (const f of r.fixList) {
    out.push(`${f.rank}. **${code(f.controlId)} ${mdEscape(f.action)}**  `);
    out.push(`   ${STATUS_LABEL[f.status]} · ${f.severity} · effort ${f.effort} · +${f.scoreGain.toFixed(1)} points${f.feature ? ` · Attest: ${mdEscape(f.feature)}` : ''}  `);
    const where = f.triggers.slice(0, 4).map(describeEvidence);
    if (where.length > 0) out.push(`   Evidence: ${where.map(mdEscape).join('; ')}${f.triggers.length > 4 ? `; … ${f.triggers.length - 4} more` : ''}  `);
    out.push(`   Satisfies: ${frameworkIdList(f.frameworks).map(mdEscape).join(' · ')}`);
    out.push('');
  }
  out.push('## Frameworks by function and category', '');
  for (const f of r.frameworks) {
    out.push(`### ${mdEscape(f.name)} (${fmtScore(f.score)})`, '', '| Id | Function / category | Controls | Score |', '| --- | --- | ---: | ---: |');
    for (const g of f.groups) out.push(`| ${mdEscape(g.id)} | ${mdEscape(g.title)} | ${g.controls} | ${fmtScore(g.score)} |`);
    out.push('');
  }
  out.push('## Controls', '', '| Control | Title | Severity | Status | Confidence | Why |', '| --- | --- | --- | --- | --- | --- |');
  for (const x of r.controls) {
    const ev = x.evidence.slice(0, 3).map(describeEvidence);
    const why = [x.reason, ...ev].map(mdEscape).join('<br>');
    out.push(`| ${x.id} | ${mdEscape(x.title)} | ${x.severity} | ${STATUS_LABEL[x.status]} | ${x.confidence ?? ''} | ${why} |`);
  }
  out.push('', '## Inventory', '');
  const comps = Object.entries(r.inventory.components).map(([k, v]) => `${v} ${k}`);
  out.push(r.inventory.scanned ? `Scanned ${r.inventory.files} files: ${mdEscape(comps.join(', ') || 'no AI components')}.` : 'No scan was part of this assessment.');
  if (r.inventory.traits.length > 0) out.push('', `Traits: ${mdEscape(r.inventory.traits.join(', '))}.`);
  out.push('', 'Scoring method: docs/scoring.md.', '');
  return out.join('\n');
}
