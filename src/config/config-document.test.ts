import { describe, expect, it } from 'vitest';
import { CONTROLS } from '../catalog/controls.js';
import { addMissingQuestionComments, addVendorStubs, editableDocument, setAnswers, templateText } from './config-document.js';
import { parseConfig } from './load-config.js';

const questionCount = CONTROLS.reduce((n, c) => n + (c.questions?.length ?? 0), 0);

describe('attest.yaml editing', () => {
  it('the --defaults template lists every catalog question, commented, and parses as no answers', () => {
    const t = templateText(CONTROLS);
    for (const c of CONTROLS) for (const q of c.questions ?? []) expect(t).toContain(`  # ${q.key}: `);
    expect(t.match(/^ {2}# [a-z0-9_]+: $/gm)).toHaveLength(questionCount);
    expect(parseConfig(t).config).toEqual({ answers: {} });
  });

  it('setting answers keeps comments, other sections and key order', () => {
    const src = '# top comment\nanswers:\n  # keep me\n  ai_acceptable_use_policy: true # inline\nguard:\n  allow:\n    domains: [example.com] # guard comment\n';
    const doc = editableDocument(src);
    setAnswers(doc, CONTROLS, { ai_acceptable_use_policy: false, key_rotation_days: '90' });
    const out = String(doc);
    expect(out).toContain('# top comment');
    expect(out).toContain('  # keep me\n  ai_acceptable_use_policy: false # inline');
    expect(out).toContain('guard:\n  allow:\n    domains: [ example.com ] # guard comment');
    expect(out).toMatch(/# AI-KEY-03 .*\n.*\n {2}key_rotation_days: 90\n/);
    expect(parseConfig(out).config?.answers).toEqual({ ai_acceptable_use_policy: false, key_rotation_days: 90 });
  });

  it('adds the unanswered questions as comments once (idempotent)', () => {
    const doc = editableDocument('answers:\n  ai_acceptable_use_policy: true\n');
    const { added, text: once } = addMissingQuestionComments(doc, CONTROLS);
    expect(added).toBe(questionCount - 1);
    expect(addMissingQuestionComments(editableDocument(once), CONTROLS).added).toBe(0);
    expect(parseConfig(once).config?.answers).toEqual({ ai_acceptable_use_policy: true });
    expect(once).toContain('# ai_pentest_last_12_months: ');
  });

  it('with no answers yet, writes an indented answers: block so uncommenting a line just works', () => {
    const { added, text } = addMissingQuestionComments(editableDocument('# mine\nguard:\n  allow:\n    domains: [example.com]\n'), CONTROLS);
    expect(added).toBe(questionCount);
    expect(text.startsWith('# mine\nguard:\n')).toBe(true);
    expect(text).toContain('\nanswers:\n  # AI-');
    const uncommented = text.replace('  # ai_acceptable_use_policy: ', '  ai_acceptable_use_policy: true');
    expect(parseConfig(uncommented).config?.answers).toEqual({ ai_acceptable_use_policy: true });
  });

  it('writes vendor stubs once per discovered vendor, with the questions commented', () => {
    const doc = editableDocument('answers: {}\nvendors:\n  - name: OpenAI\n    kind: model-provider\n');
    const found = [
      { name: 'openai', kind: 'model-provider' as const, refs: ['sdk:npm:openai'], seenAt: ['src/a.ts:3'] },
      { name: 'filesystem', kind: 'mcp-server' as const, refs: ['mcp-server::filesystem'], seenAt: ['.cursor/mcp.json:4'] },
    ];
    expect(addVendorStubs(doc, found)).toBe(1);
    const out = String(doc);
    expect(out).toContain('# discovered: .cursor/mcp.json:4\n  - name: filesystem\n    kind: mcp-server');
    expect(out).toContain('#   mcp_auth_required:  # true | false');
    expect(parseConfig(out).config?.vendors).toEqual([
      { name: 'OpenAI', kind: 'model-provider' },
      { name: 'filesystem', kind: 'mcp-server' },
    ]);
    expect(addVendorStubs(editableDocument(out), found)).toBe(0);
  });
});
