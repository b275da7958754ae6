/** The inline stylesheet of the assess HTML report, with a print stylesheet for Save as PDF. */
export const ASSESS_CSS = `
:root{--ink:#1b2430;--muted:#5b6776;--line:#dfe4ea;--bg:#f6f8fa;--accent:#2d5bd7;--met:#1f9d55;--partial:#d98e04;--notmet:#d64545;--unknown:#7b8794;--na:#b8c0c9}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:1120px;margin:0 auto;padding:32px 40px 56px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:36px 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}h3{font-size:15px;margin:20px 0 8px}
.sub{color:var(--muted);margin:0}.sub.top{margin-top:12px;color:var(--ink)}
.cover{display:flex;justify-content:space-between;align-items:center;gap:24px;padding:24px 28px;border-radius:12px;background:linear-gradient(135deg,#f3f6fb,#e9eef7);border:1px solid var(--line)}
.grade{display:flex;align-items:center;gap:16px}
.badge{width:84px;height:84px;border-radius:50%;display:flex;align-items:center;justify-content:center;font-size:44px;font-weight:700;color:#fff}
.score{font-size:30px;font-weight:700;white-space:nowrap}.score small{font-size:14px;color:var(--muted);font-weight:400}
.counts{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0 0;padding:0;list-style:none}
.counts li{padding:4px 10px;border-radius:999px;background:var(--bg);border:1px solid var(--line);font-size:13px}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:16px;align-items:start}
.card{border:1px solid var(--line);border-radius:10px;padding:14px 16px;background:#fff;break-inside:avoid}
.card.wide{grid-column:1 / -1}
.card h3{margin-top:0}
svg{display:block;width:100%;max-width:100%;height:auto;font-family:inherit}
svg .lbl{font-size:12px;fill:var(--ink)}svg .val{font-size:12px;fill:var(--muted);font-weight:600}svg .tick{font-size:10px;fill:var(--muted)}
svg .grid{stroke:#e3e8ee;stroke-width:1}svg .ring{fill:none;stroke:#dde3ea}svg .axis{stroke:#dde3ea}
svg .shape{fill:rgba(45,91,215,.18);stroke:var(--accent);stroke-width:2}
table{width:100%;border-collapse:collapse;font-size:13px}
th,td{text-align:left;vertical-align:top;padding:7px 8px;border-bottom:1px solid var(--line)}
th{background:var(--bg);font-weight:600;white-space:nowrap}
tr{break-inside:avoid}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.num .note{white-space:normal;display:inline-block;text-align:right;font-size:11px}
.nowrap{white-space:nowrap}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.chip{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;white-space:nowrap;color:#fff}
.s-met{background:var(--met)}.s-partial{background:var(--partial)}.s-not-met{background:var(--notmet)}.s-unknown{background:var(--unknown)}.s-not-applicable{background:var(--na)}
.sev{font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
.sev-critical{color:#a61b1b;font-weight:700}.sev-high{color:var(--notmet);font-weight:600}
.fw{display:inline-block;margin:2px 4px 0 0;padding:0 6px;border:1px solid var(--line);border-radius:4px;font-size:11px;color:var(--muted);background:var(--bg)}
.where{margin:4px 0 0;padding-left:16px;color:var(--muted)}
.feature{color:var(--accent);font-size:12px}
.minibar{display:inline-block;width:120px;height:10px;background:#eef1f4;border-radius:3px;vertical-align:middle;margin-right:8px}
.minibar span{display:block;height:10px;border-radius:3px}
.note{color:var(--muted);font-size:13px}
.delta-up{color:var(--met);font-weight:600}.delta-down{color:var(--notmet);font-weight:600}
footer{margin-top:40px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:12px}
@page{size:A4;margin:14mm 12mm}
@media print{
  body{font-size:11px}
  main{max-width:none;padding:0}
  .cover{background:none;border:1px solid #999}
  .charts{grid-template-columns:1fr 1fr}
  h2{break-before:page;break-after:avoid}
  h2.first{break-before:auto}
  h3{break-after:avoid}
  thead{display:table-header-group}
  tr,.card{break-inside:avoid}
  .chip,.badge,svg rect,svg circle{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  a{color:inherit;text-decoration:none}
}
`;
