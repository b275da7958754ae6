import { describe, expect, it } from 'vitest';
import { renderTerminalSummary, type Palette } from './terminal-summary.js';
import { sampleResult } from './__fixtures__/discover-result.js';

describe('terminal summary', () => {
  it('shows counts, components by type and the most severe findings first with file:line', () => {
    const text = renderTerminalSummary(sampleResult(), { top: 3 });
    expect(text).toContain('42 files (0.1 MB) in 1.5 s · 1 problem');
    expect(text).toMatch(/sdk\s+3\s+@qdrant\/js-client-rest \(npm\), openai \(npm\), langchain_openai \(pypi\)/);
    expect(text).toMatch(/model\s+3\s+gpt-4o-2024-08-06, gpt-4o-mini, sentence-transformers\/all-MiniLM-L6-v2 \(huggingface\)/);
    expect(text).toMatch(/Findings \(8\)\s+1 critical · 3 high · 2 medium · 1 low · 1 info/);
    const lines = text.split('\n').filter((l) => /^\s+(CRITICAL|HIGH|MEDIUM|LOW|INFO)\s/.test(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/CRITICAL\s+hardcoded-key\s+src\/config\.ts:7/);
    expect(lines[1]).toMatch(/HIGH\s+mcp-no-auth\s+\.cursor\/mcp\.json:12/);
    expect(text).toContain('… 5 more in the reports');
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('colours only through the palette it is given', () => {
    const tag = (t: string) => (s: string) => `<${t}>${s}</${t}>`;
    const palette: Palette = { bold: tag('b'), dim: tag('d'), red: tag('r'), yellow: tag('y'), cyan: tag('c'), magenta: tag('m') };
    const text = renderTerminalSummary(sampleResult(), { palette });
    expect(text).toContain('<b><m>CRITICAL');
    expect(text).toContain('<c>sdk');
  });
});
