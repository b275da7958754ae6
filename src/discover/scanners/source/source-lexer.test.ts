import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanSourceText } from './source-scanner.js';
import { lexSource, type SourceLanguage } from './source-lexer.js';

const LANGS: readonly SourceLanguage[] = ['js', 'python', 'go', 'java', 'kotlin', 'csharp'];

describe('lexSource', () => {
  it('JS: comments blanked, strings kept apart, regex literals with quotes do not open strings', () => {
    const src = lexSource(`const a = 'x'; // "not a string"\nconst r = /["']/g; const b = "y";\n/* 'c' */ const t = \`h\${'i'}\`;`, 'js');
    expect(src.strings.map((s) => [s.value, s.line])).toEqual([
      ['x', 1],
      ['y', 2],
      ["h${'i'}", 3],
    ]);
    expect(src.code).not.toContain('not a string');
    expect(src.noComments).toContain("'x'");
    expect(src.code).toContain("' '");
  });

  it('template literals with nested templates inside ${} end at the right backtick', () => {
    const src = lexSource('const a = `x${f(`y`)}z`; const b = "after";', 'js');
    expect(src.strings.map((s) => s.value)).toEqual(['x${f(`y`)}z', 'after']);
  });

  it('Python: # comments and triple-quoted strings (docstrings, prose) are not code or literals', () => {
    const src = lexSource('"""import openai"""\nx = "gpt-4o"  # model="o3"\ny = \'\'\'a\nb\'\'\'\nz = r"\\d"\n', 'python');
    expect(src.strings.map((s) => [s.value, s.line])).toEqual([
      ['gpt-4o', 2],
      ['\\d', 5],
    ]);
    expect(src.code).not.toContain('import');
    expect(src.noComments).not.toContain('import openai');
  });

  it('Go raw strings, Java/Kotlin text blocks, C# verbatim strings and char literals', () => {
    expect(lexSource('s := `a\n"b"`\nc := \'"\'\nt := "d"', 'go').strings.map((s) => s.value)).toEqual(['a\n"b"', 'd']);
    expect(lexSource('char q = \'"\'; String s = """\n  hi\n  """; String t = "x";', 'java').strings.map((s) => s.value)).toEqual(['\n  hi\n  ', 'x']);
    expect(lexSource('var p = @"C:\\dir\\""q"""; var s = "z";', 'csharp').strings.map((s) => s.value)).toEqual(['C:\\dir\\""q""', 'z']);
  });

  it('unterminated single-line strings stop at the end of the line', () => {
    const src = lexSource('a = "open\nb = "closed"\n', 'python');
    expect(src.strings.map((s) => s.value)).toEqual(['open', 'closed']);
  });

  it('views keep length and newline positions for any input (fuzz)', () => {
    const token = fc.constantFrom('a', ' ', '\n', '"', "'", '`', '/', '*', '#', '\\', '$', '{', '}', '(', ')', '@', '"""', "'''", '//', '/*', '*/', 'x = ', 'import ');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 200 }), fc.constantFrom(...LANGS), (parts, lang) => {
        const text = parts.join('');
        const src = lexSource(text, lang);
        expect(src.code.length).toBe(text.length);
        expect(src.noComments.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) if (text[i] === '\n') expect(src.code[i]).toBe('\n');
        for (const s of src.strings) expect(text.slice(s.start, s.end)).toContain(s.value);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('source scanning of hostile or generated input', () => {
  it('long single-line files, quote storms and deep nesting finish with a result (linear scan)', () => {
    const big = [
      `import OpenAI from 'openai';\nconst x = "${'a'.repeat(2_000_000)}";\n`,
      `import OpenAI from 'openai';\n${"'".repeat(500_000)}\n`,
      `from openai import OpenAI\n${'('.repeat(200_000)}\n@tool\ndef f():\n    pass\n`,
      `import { tool } from 'ai';\n${'tool({ '.repeat(20_000)}\n`,
      `${' '.repeat(1_000_000)}x\n`,
    ];
    for (const text of big) {
      const obs = scanSourceText('big.ts', text, text.startsWith('from') ? 'python' : 'js', 'source-js');
      const aiFile = text.includes('openai') || text.includes("'ai'");
      expect((obs.components ?? []).length > 0).toBe(aiFile);
    }
  });
});

describe('prefilter', () => {
  it('the stem reduction still matches every keyword the detectors rely on', async () => {
    const { PREFILTER_KEYWORDS, mightMentionAi, mightMentionAiBytes } = await import('./source-prefilter.js');
    for (const k of PREFILTER_KEYWORDS) expect(mightMentionAi(`x ${k} y`), k).toBe(true);
    for (const k of PREFILTER_KEYWORDS) expect(mightMentionAiBytes(new TextEncoder().encode(`é ${k} ü`)), k).toBe(true);
    expect(mightMentionAiBytes(new TextEncoder().encode('export const café = 1; // ünïcode\n'))).toBe(false);
    expect(mightMentionAi('export function add(a: number, b: number) { return a + b; }\n')).toBe(false);
  });
});

describe('call hints', () => {
  it('every call pattern passes the cheap line hint in its common spellings', async () => {
    const { FINE_TUNE_CALLS, LLM_CALLS, mayHoldCall } = await import('./call-patterns.js');
    for (const p of [...FINE_TUNE_CALLS, ...LLM_CALLS]) {
      const call = p.endsWith('(') ? p : `${p}(`;
      expect(mayHoldCall(`x = ${call}a)`), p).toBe(true);
    }
    expect(mayHoldCall('client.Chat.Completions.New(ctx, p)')).toBe(true);
    expect(mayHoldCall('bedrock.invoke_model(modelId=m)')).toBe(true);
    expect(mayHoldCall('const total = a + b;')).toBe(false);
  });
});
