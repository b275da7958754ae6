/**
 * Renderers for `attest vendor`: terminal summary, Markdown and self-contained HTML.
 * Vendor names come from attest.yaml or the inventory: always escaped.
 */
import type { DiscoveredVendor } from '../assess/vendor/discovered-vendors.js';
import type { VendorReport, VendorResult } from '../assess/vendor/vendor-assessment.js';
import { fmtScore, frameworkIdList, STATUS_LABEL } from './assess-labels.js';
import { ASSESS_CSS } from './assess-html-style.js';
import { mdEscape } from './assess-markdown.js';
import { barChartSvg, esc, scoreColor } from './assess-svg-charts.js';
import { bar, clip, PLAIN_PALETTE, SNAPSHOT_WIDTH, type AssessPalette } from './assess-terminal.js';

/** Discovered vendors as a short list (`attest vendor --from discover.json`). */
export function renderDiscoveredVendors(vs: readonly DiscoveredVendor[], p: AssessPalette = PLAIN_PALETTE): string {
  if (vs.length === 0) return 'No third-party AI vendors in the inventory.\n';
  const lines = [p.bold(`${vs.length} third-party AI vendor${vs.length === 1 ? '' : 's'} to review`)];
  for (const v of vs) lines.push(clip(`  ${v.kind.padEnd(15)}${v.name.padEnd(22)} ${p.dim(v.seenAt.join(', '))}`, SNAPSHOT_WIDTH + 20));
  lines.push(p.dim('Add them to attest.yaml with: attest vendor init'));
  return `${lines.join('\n')}\n`;
}

function tint(p: AssessPalette, s: number | null): (x: string) => string {
  return s === null ? p.dim : s >= 70 ? p.green : s >= 40 ? p.yellow : p.red;
}

/** One screen: a bar per vendor, its top fix, then unreviewed vendors. */
export function renderVendorTerminal(r: VendorReport, p: AssessPalette = PLAIN_PALETTE): string {
  const out: string[] = [p.bold(`Attest vendor risk · ${r.vendors.length} vendor${r.vendors.length === 1 ? '' : 's'} in attest.yaml`), ''];
  for (const v of r.vendors) {
    const name = clip(v.name, 20).padEnd(21);
    out.push(`  ${name}${v.kind.padEnd(15)}${tint(p, v.score)(bar(v.score, 24))} ${fmtScore(v.score).padStart(5)}  grade ${v.grade}  ${p.dim(`${v.answered}/${v.questions.length} answered`)}`);
    const fix = v.fixList[0];
    if (fix) out.push(p.dim(clip(`      next: ${fix.action}`, SNAPSHOT_WIDTH)));
  }
  if (r.vendors.length === 0) out.push('  No vendors in attest.yaml yet: run `attest vendor init` to add stubs for the discovered ones.');
  if (r.unreviewed.length > 0) {
    out.push('', p.yellow(`${r.unreviewed.length} discovered vendor${r.unreviewed.length === 1 ? '' : 's'} not reviewed: `) + clip(r.unreviewed.map((u) => u.name).join(', '), SNAPSHOT_WIDTH - 30));
  }
  return `${out.join('\n')}\n`;
}

export function renderVendorMarkdown(r: VendorReport): string {
  const out = [`# Third-party AI vendor risk`, '', `Generated ${mdEscape(r.generatedAt)} by Attest ${mdEscape(r.tool.version)}. Answers are self-attested (80% credit).`, ''];
  out.push('| Vendor | Kind | Score | Grade | Answered |', '| --- | --- | ---: | --- | ---: |');
  for (const v of r.vendors) out.push(`| ${mdEscape(v.name)} | ${v.kind} | ${fmtScore(v.score)} | ${v.grade} | ${v.answered}/${v.questions.length} |`);
  out.push('');
  for (const v of r.vendors) {
    out.push(`## ${mdEscape(v.name)} (${v.kind}): grade ${v.grade}, ${fmtScore(v.score)}`, '');
    if (v.notes) out.push(mdEscape(v.notes), '');
    out.push('| Question | Answer | Status | Control |', '| --- | --- | --- | --- |');
    for (const q of v.questions) out.push(`| ${mdEscape(q.text)} | ${q.answer === undefined ? '' : mdEscape(String(q.answer))} | ${STATUS_LABEL[q.status]} | ${q.controlId} |`);
    out.push('');
    if (v.fixList.length > 0) {
      out.push('Fixes:', '');
      for (const f of v.fixList) out.push(`${f.rank}. ${mdEscape(f.action)} (+${f.scoreGain.toFixed(1)}; ${f.controlId}; ${frameworkIdList(f.frameworks).map(mdEscape).join(' · ')})`);
      out.push('');
    }
  }
  if (r.unreviewed.length > 0) {
    out.push('## Discovered, not reviewed', '');
    for (const u of r.unreviewed) out.push(`- ${mdEscape(u.name)} (${u.kind}) seen at ${mdEscape(u.seenAt.join(', '))}`);
    out.push('');
  }
  return out.join('\n');
}

function vendorSection(v: VendorResult): string {
  const rows = v.questions
    .map((q) => `<tr><td>${esc(q.text)}</td><td>${q.answer === undefined ? '' : esc(String(q.answer))}</td><td><span class="chip s-${q.status}">${esc(STATUS_LABEL[q.status])}</span></td><td class="mono">${esc(q.controlId)}</td></tr>`)
    .join('');
  const fixes = v.fixList
    .map((f) => `<li>${esc(f.action)} <span class="note">(+${f.scoreGain.toFixed(1)} · ${esc(f.controlId)})</span><div>${frameworkIdList(f.frameworks).map((s) => `<span class="fw">${esc(s)}</span>`).join('')}</div></li>`)
    .join('');
  return `<h2>${esc(v.name)} <span class="note">${esc(v.kind)} · grade ${esc(v.grade)} · ${fmtScore(v.score)}</span></h2>
${v.notes ? `<p>${esc(v.notes)}</p>` : ''}<table><thead><tr><th>Question</th><th>Answer</th><th>Status</th><th>Control</th></tr></thead><tbody>${rows}</tbody></table>
${fixes ? `<h3>Fixes</h3><ol>${fixes}</ol>` : ''}`;
}

export function renderVendorHtml(r: VendorReport): string {
  const chart =
    r.vendors.length > 0
      ? barChartSvg(r.vendors.map((v) => ({ label: `${v.name} (${v.kind})`, score: v.score })), { title: 'Vendor scores', width: 1000, labelWidth: 260 })
      : '';
  const unreviewed = r.unreviewed.length
    ? `<h2>Discovered, not reviewed</h2><ul>${r.unreviewed.map((u) => `<li>${esc(u.name)} (${esc(u.kind)}) seen at <span class="mono">${esc(u.seenAt.join(', '))}</span></li>`).join('')}</ul>`
    : '';
  const worst = [...r.vendors].sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Third-party AI vendor risk</title><style>${ASSESS_CSS}</style></head>
<body><main><header class="cover"><div><h1>Third-party AI vendor risk</h1><p class="sub">${r.vendors.length} in attest.yaml · ${r.unreviewed.length} discovered, not listed · generated ${esc(r.generatedAt)}</p></div>
${worst ? `<div class="grade"><div class="badge" style="background:${scoreColor(worst.score)}">${esc(worst.grade)}</div><div class="score"><small>weakest: ${esc(worst.name)}</small><br>${fmtScore(worst.score)}<small> / 100</small></div></div>` : ''}</header>
${chart ? `<h2 class="first">Scores</h2><div class="card">${chart}</div>` : ''}
${r.vendors.map(vendorSection).join('')}
${unreviewed}
<footer>Generated by Attest ${esc(r.tool.version)}. Vendor answers are self-attested; see docs/scoring.md.</footer></main></body></html>
`;
}
