import { describe, expect, it } from 'vitest';
import { assess } from '../assess/assess.js';
import { diffReports } from '../assess/report-diff.js';
import type { AssessReport } from '../assess/report-model.js';
import { assessVendors } from '../assess/vendor/vendor-assessment.js';
import type { DiscoverResult } from '../discover/model.js';
import small from '../assess/__fixtures__/discover-small.json' with { type: 'json' };
import { renderAssessHtml } from './assess-html.js';
import { mdEscape, renderAssessMarkdown } from './assess-markdown.js';
import { barChartSvg, esc, radarChartSvg } from './assess-svg-charts.js';
import { renderAssessSnapshot, type AssessPalette } from './assess-terminal.js';
import { renderVendorHtml, renderVendorMarkdown, renderVendorTerminal } from './assess-vendor.js';

const HOSTILE = '<script>alert(1)</script> | **bold** `code` [x](http://evil)';
const discover = small as unknown as DiscoverResult;

function report(over: Partial<Parameters<typeof assess>[0]> = {}): AssessReport {
  return assess({ discover, answers: {}, generatedAt: '2026-11-22T00:00:00.000Z', toolVersion: 't', subjectName: 'small', ...over });
}

describe('terminal snapshot', () => {
  it('fits 24 lines of 100 columns even with a long name, a diff and many changes', () => {
    const before = report();
    const after = report({
      subjectName: 'x'.repeat(150),
      answers: Object.fromEntries(['ai_acceptable_use_policy', 'ai_pentest_last_12_months', 'ai_incident_taxonomy', 'ai_incident_response_procedure', 'ai_access_via_sso', 'workload_identity', 'ai_data_classified', 'ai_usage_limits'].map((k) => [k, true])),
    });
    const text = renderAssessSnapshot({ ...after, diff: diffReports(before, after) });
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(100);
    expect(text).toMatch(/8 improved · 0 regressed/);
    expect(text).toMatch(/SOC 2 TSC +[█░]{30} +\d+\.\d {2}\+\d+\.\d since last run/);
    expect(text).toMatch(/\+\d+ more/);
  });

  it('colours only through the palette', () => {
    const tag = (t: string) => (s: string) => `<${t}>${s}</${t}>`;
    const p: AssessPalette = { bold: tag('b'), dim: tag('d'), red: tag('r'), yellow: tag('y'), green: tag('g'), cyan: tag('c') };
    const text = renderAssessSnapshot(report(), p);
    expect(text).toContain('<r><b>Grade F');
    expect(text).toContain('<c>  1. AI-KEY-01');
  });
});

describe('HTML and Markdown escape everything user-derived', () => {
  const r = report({ subjectName: HOSTILE });

  it('HTML has no markup from the input, no scripts and no external references', () => {
    const html = renderAssessHtml(r);
    expect(html).not.toContain('<script>');
    expect(html).toContain(esc(HOSTILE));
    expect(html).not.toMatch(/<script|<link|<iframe|src=|href=|@import|url\(/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('@media print');
  });

  it('Markdown neutralises table breaks, emphasis, links and HTML', () => {
    expect(mdEscape(HOSTILE)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*bold\\*\\* \\`code\\` \\[x\\](http://evil)');
    const md = renderAssessMarkdown(r);
    expect(md).toContain(`# AI readiness report: ${mdEscape(HOSTILE)}`);
    expect(md).not.toContain('<script>');
    // Every table row keeps its column count.
    for (const line of md.split('\n').filter((l) => l.startsWith('| AI-'))) {
      expect(line.replaceAll('\\|', '').split('|').length).toBe(8);
    }
  });
});

describe('SVG charts', () => {
  it('draws one bar per datum scaled to 0-100 and escapes labels', () => {
    const svg = barChartSvg([{ label: '<b>', score: 50 }, { label: 'none', score: null }], { title: 't', width: 640, labelWidth: 190 });
    expect(svg).toContain('&lt;b&gt;');
    expect(svg).toContain('width="197"'); // (640 - 190 - 56) / 2
    expect(svg).toContain('>n/a<');
  });
  it('draws a closed radar polygon through every axis', () => {
    const svg = radarChartSvg(['A', 'B', 'C', 'D'].map((label, i) => ({ label, score: i * 25 })), { title: 'r' });
    const shape = /class="shape"/.test(svg) ? (svg.match(/<polygon points="([^"]+)" class="shape"/)?.[1] ?? '') : '';
    expect(shape.split(' ')).toHaveLength(4);
  });
});

describe('vendor renderers', () => {
  const v = assessVendors(
    [{ name: HOSTILE, kind: 'model-provider', answers: { dpa_signed: true } }],
    [{ name: 'chroma', kind: 'data-provider', refs: ['x'], seenAt: ['requirements.txt:5'] }],
    { generatedAt: '2026-11-22T00:00:00.000Z', toolVersion: 't' },
  );
  it('terminal, Markdown and HTML show vendors, fixes and the unreviewed, escaped', () => {
    expect(renderVendorTerminal(v)).toContain('1 discovered vendor not reviewed: chroma');
    const md = renderVendorMarkdown(v);
    expect(md).toContain(mdEscape(HOSTILE));
    expect(md).toContain('- chroma (data-provider) seen at requirements.txt:5');
    const html = renderVendorHtml(v);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('Ask ');
  });
});
