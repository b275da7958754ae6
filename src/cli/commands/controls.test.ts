import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../main.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

afterEach(() => vi.restoreAllMocks());

describe('attest controls', () => {
  it('filters by framework as JSON', async () => {
    const io = capture();
    expect(await runCli(['controls', '--framework', 'owasp-llm-2025', '--json'])).toBe(0);
    const list = JSON.parse(io.out()) as { id: string; mappings: Record<string, string[]> }[];
    expect(list.length).toBeGreaterThan(20);
    for (const c of list) expect(c.mappings['owasp-llm-2025']?.length).toBeGreaterThan(0);
    expect(list.map((c) => c.id)).not.toContain('AI-POL-01');
  });

  it('filters by item and requirement', async () => {
    const io = capture();
    expect(await runCli(['controls', '--requirement', 'r4', '--json'])).toBe(0);
    expect((JSON.parse(io.out()) as { id: string }[]).map((c) => c.id)).toEqual(['AI-RAG-01', 'AI-RAG-02']);
  });

  it('shows coverage of a framework', async () => {
    const io = capture();
    expect(await runCli(['controls', '--framework', 'owasp-llm-2025', '--coverage'])).toBe(0);
    expect(io.out()).toMatch(/^10 of 10 OWASP Top 10 for LLM Applications items covered/);
  });

  it('rejects an unknown framework with exit 2 and one line', async () => {
    const io = capture();
    expect(await runCli(['controls', '--framework', 'owasp-llm-2099'])).toBe(2);
    expect(io.err()).toMatch(/^attest: --framework: unknown framework "owasp-llm-2099"/);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});
