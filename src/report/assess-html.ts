/**
 * The full assess report as ONE self-contained HTML file: inline CSS, inline SVG charts,
 * no scripts, no external fetches (a Content-Security-Policy forbids them), and a print
 * stylesheet so "Save as PDF" gives a clean document. All user-derived text is escaped.
 */
import type { AssessReport, AssessedControl, FixItem } from '../assess/report-model.js';
import { FRAMEWORK_SHORT, describeEvidence, fmtDelta, fmtScore, frameworkIdList, STATUS_LABEL } from './assess-labels.js';
import { ASSESS_CSS } from './assess-html-style.js';
import { barChartSvg, esc, radarChartSvg, scoreColor } from './assess-svg-charts.js';

const MAX_EVIDENCE = 6;

function chip(status: AssessedControl['status']): string {
  return `<span class="chip s-${status}">${esc(STATUS_LABEL[status])}</span>`;
}

function minibar(score: number | null): string {
  const w = score === null ? 0 : Math.round(score);
  return `<span class="minibar"><span style="width:${w}%;background:${scoreColor(score)}"></span></span>${fmtScore(score)}`;
}

function frameworkChips(m: FixItem['frameworks']): string {
  return frameworkIdList(m)
    .map((s) => `<span class="fw">${esc(s)}</span>`)
    .join('');
}

function list(items: readonly string[], max = MAX_EVIDENCE): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, max).map((s) => `<li>${esc(s)}</li>`);
  if (items.length > max) shown.push(`<li>… ${items.length - max} more in the JSON report</li>`);
  return `<ul class="where">${shown.join('')}</ul>`;
}

function topGain(r: AssessReport): string {
  const top = r.fixList.slice(0, 5);
  if (top.length === 0) return '';
  const gain = top.reduce((a, f) => a + f.scoreGain, 0);
  const effort = top.map((f) => f.effort).join(', ');
  return `<p class="sub top">The top ${top.length} fixes (effort ${esc(effort)}) add <strong>+${gain.toFixed(1)}</strong> points.</p>`;
}

function cover(r: AssessReport): string {
  const c = r.overall.counts;
  const counts = [
    `${c.met} met`,
    `${c.partial} partial`,
    `${c['not-met']} not met`,
    `${c.unknown} unknown`,
    `${c['not-applicable']} not applicable`,
  ];
  return `<header class="cover"><div><h1>AI readiness report</h1><p class="sub">${esc(r.subject.name)} · generated ${esc(r.generatedAt)} · Attest ${esc(r.tool.version)}</p>
<ul class="counts">${counts.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>${topGain(r)}</div>
<div class="grade"><div class="badge" style="background:${scoreColor(r.overall.score)}">${esc(r.overall.grade)}</div>
<div class="score">${fmtScore(r.overall.score)}<small> / 100</small>${r.overall.gradeCapped ? '<br><small>grade capped: a critical control is observed not met</small>' : ''}</div></div></header>`;
}

/** Chart labels stay inside the label column (about 34 characters at 12px). */
function short(label: string, max = 34): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

function charts(r: AssessReport): string {
  const bars = barChartSvg(
    r.frameworks.map((f) => ({ label: FRAMEWORK_SHORT[f.key], score: f.score })),
    { title: 'Readiness by framework', width: 1000, labelWidth: 220 },
  );
  const owasp = r.frameworks.find((f) => f.key === 'owasp-llm-2025');
  const nist = r.frameworks.find((f) => f.key === 'nist-ai-rmf');
  const soc2 = r.frameworks.find((f) => f.key === 'soc2');
  const iso = r.frameworks.find((f) => f.key === 'iso-42001');
  const cards = [`<div class="card wide">${bars}</div>`];
  if (owasp && owasp.groups.length >= 3) {
    cards.push(`<div class="card"><h3>OWASP LLM Top 10 (2025)</h3>${radarChartSvg(owasp.groups.map((g) => ({ label: g.id, score: g.score })), { title: 'OWASP LLM Top 10 coverage' })}</div>`);
  }
  if (nist && nist.groups.length >= 3) {
    cards.push(`<div class="card"><h3>NIST AI RMF functions</h3>${radarChartSvg(nist.groups.map((g) => ({ label: g.id, score: g.score })), { title: 'NIST AI RMF functions' })}</div>`);
  }
  if (soc2) {
    cards.push(`<div class="card"><h3>SOC 2 series</h3>${barChartSvg(soc2.groups.map((g) => ({ label: short(`${g.id} ${g.title}`), score: g.score })), { title: 'SOC 2 series', labelWidth: 250, width: 520 })}</div>`);
  }
  if (iso) {
    cards.push(`<div class="card"><h3>ISO/IEC 42001 groups</h3>${barChartSvg(iso.groups.map((g) => ({ label: short(`${g.id} ${g.title}`), score: g.score })), { title: 'ISO/IEC 42001 groups', labelWidth: 250, width: 520 })}</div>`);
  }
  return `<div class="charts">${cards.join('')}</div>`;
}

function fixTable(r: AssessReport): string {
  if (r.fixList.length === 0) return '<p>Every applicable control is met.</p>';
  const rows = r.fixList
    .map((f) => {
      const where = f.triggers.map(describeEvidence);
      return `<tr><td class="num">${f.rank}</td><td><span class="mono nowrap">${esc(f.controlId)}</span><br>${chip(f.status)} <span class="sev sev-${f.severity}">${esc(f.severity)}</span></td>
<td><strong>${esc(f.action)}</strong>${f.feature ? `<div class="feature">Attest: ${esc(f.feature)}</div>` : ''}${list(where, 4)}<div>${frameworkChips(f.frameworks)}</div></td>
<td class="num">${esc(f.effort)}</td><td class="num">+${f.scoreGain.toFixed(1)}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>#</th><th>Control</th><th>What to do · where · frameworks</th><th>Effort</th><th>Gain</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function frameworkTables(r: AssessReport): string {
  return r.frameworks
    .map((f) => {
      const rows = f.groups
        .map((g) => `<tr><td class="mono">${esc(g.id)}</td><td>${esc(g.title)}</td><td class="num">${g.controls}</td><td>${minibar(g.score)}</td></tr>`)
        .join('');
      return `<h3>${esc(f.name)} <span class="note">(${esc(f.version)}) · score ${fmtScore(f.score)} · ${f.applicable} of ${f.controls} mapped controls apply</span></h3>
<table><thead><tr><th>Id</th><th>Function / category</th><th>Controls</th><th>Score</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');
}

function controlTable(r: AssessReport): string {
  const rows = r.controls
    .map((c) => {
      // The reason already says what a scan note or a deciding answer would repeat.
      const ev = c.evidence
        .filter((e) => e.kind !== 'scan' && !(e.kind === 'answer' && c.reason.includes(`${e.key}: ${String(e.value)}`)))
        .map(describeEvidence);
      const conf = c.confidence ? `${c.confidence}${c.decidedBy ? ` · ${c.decidedBy}` : ''}` : '';
      const why = c.likelihood !== 1 ? `<br><span class="note">×${c.likelihood}: ${esc(c.likelihoodBecause ?? '')}</span>` : '';
      return `<tr><td class="mono nowrap">${esc(c.id)}</td><td>${esc(c.title)}<br><span class="sev sev-${c.severity}">${esc(c.severity)}</span></td>
<td>${chip(c.status)}<br><span class="note">${esc(conf)}</span></td><td>${esc(c.reason)}${list(ev)}${c.conflicts.length ? list(c.conflicts.map((x) => `conflict: ${x}`)) : ''}</td><td class="num">${c.weight}${why}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th>Control</th><th style="width:22%">Title</th><th>Status</th><th>Why · evidence</th><th style="width:13%">Weight</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function inventory(r: AssessReport): string {
  const comps = Object.entries(r.inventory.components).map(([k, v]) => `${v} ${k}`);
  const finds = Object.entries(r.inventory.findings).map(([k, v]) => `${v} ${k}`);
  const sources = r.sources.map((s) => `<li><strong>${esc(s.kind)}</strong> (${esc(s.confidence)}): ${esc(s.description)}</li>`).join('');
  return `<p>${r.inventory.scanned ? `Scanned ${r.inventory.files} files: ${esc(comps.join(', ') || 'no AI components')}.` : 'No scan was part of this assessment.'}
${finds.length ? ` Findings: ${esc(finds.join(', '))}.` : ''} ${r.inventory.traits.length ? `Traits that set applicability and likelihood: ${esc(r.inventory.traits.join(', '))}.` : ''}</p>
<h3>Evidence sources</h3><ul>${sources}</ul>
<p class="note">Method: each control weighs severity × likelihood (from the inventory); met earns 1, partial 0.5, not met and unknown 0, not applicable is excluded;
self-attested answers earn 80% and configured evidence 90% of observed. Grades: A ≥ 85, B ≥ 70, C ≥ 55, D ≥ 40, else F; a critical control observed not met caps the grade at C.
The fix-list is ordered by score gained per unit of effort (S = 1, M = 2, L = 4). Full method: docs/scoring.md in the Attest package.</p>`;
}

function diffSection(r: AssessReport): string {
  const d = r.diff;
  if (!d) return '';
  const cls = (x: number | null): string => (x === null || x === 0 ? '' : x > 0 ? 'delta-up' : 'delta-down');
  const fw = d.frameworks
    .map((f) => `<tr><td>${esc(f.name)}</td><td class="num">${fmtScore(f.from)}</td><td class="num">${fmtScore(f.to)}</td><td class="num ${cls(f.delta)}">${fmtDelta(f.delta)}</td></tr>`)
    .join('');
  const changes = (title: string, xs: typeof d.improved): string =>
    xs.length === 0 ? '' : `<h3>${esc(title)}</h3><ul>${xs.map((x) => `<li><span class="mono">${esc(x.id)}</span> ${esc(x.title)}: ${esc(STATUS_LABEL[x.from])} → ${esc(STATUS_LABEL[x.to])}</li>`).join('')}</ul>`;
  return `<h2>Since the previous assessment</h2><p>Previous run ${esc(d.previousGeneratedAt)}: overall ${fmtScore(d.overall.from)} → ${fmtScore(d.overall.to)}
(<span class="${cls(d.overall.delta)}">${fmtDelta(d.overall.delta)}</span>), grade ${esc(d.grade.from)} → ${esc(d.grade.to)}.</p>
<table><thead><tr><th>Framework</th><th>Before</th><th>Now</th><th>Change</th></tr></thead><tbody>${fw}</tbody></table>
${changes('Improved', d.improved)}${changes('Regressed', d.regressed)}`;
}

/** Render the report as a self-contained HTML document. */
export function renderAssessHtml(r: AssessReport): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AI readiness report · ${esc(r.subject.name)}</title>
<style>${ASSESS_CSS}</style></head>
<body><main>
${cover(r)}
<h2 class="first">Readiness by framework</h2>
${charts(r)}
${diffSection(r)}
<h2>Fix-list <span class="note">(ordered by score gained per unit of effort)</span></h2>
${fixTable(r)}
<h2>Frameworks by function and category</h2>
${frameworkTables(r)}
<h2>Controls</h2>
${controlTable(r)}
<h2>Inventory, evidence and method</h2>
${inventory(r)}
<footer>Generated by Attest ${esc(r.tool.version)} · report schema v${r.schemaVersion} · ${esc(r.generatedAt)}. Framework names belong to their owners; ISO and AICPA text is not reproduced.</footer>
</main></body></html>
`;
}
