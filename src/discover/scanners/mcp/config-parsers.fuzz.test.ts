import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearityRatio } from '../../../../test/fixtures/scanner-support/linearity.js';
import { memoryFile } from '../../../../test/fixtures/scanner-support/memory-file-input.js';
import { AttestError } from '../../../core/errors.js';
import { parseImageRef } from '../../../signatures/image-ref.js';
import { simpleCommands } from '../deploy/_commands.js';
import { parseShortPort } from '../deploy/compose-scanner.js';
import { instructions } from '../deploy/dockerfile-scanner.js';
import { redactSnippet } from '../keys/redact-snippet.js';
import { stripJsonc } from './_jsonc.js';
import { mcpConfigScanner } from './mcp-config-scanner.js';
import { splitCommandLine } from './mcp-server-entry.js';

const PIECES = ['"', '\\', '//', '/*', '*/', ',', ']', '}', '{', '[', '\n', '${', ':-', '@', ':', '/', ' ', '--api-key', 'Bearer', '=', 'sk-proj-'];
const tokens = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 })), { maxLength: 200 }).map((p) => p.join(''));


describe('config and deployment parsers under random input', () => {
  it('never throw anything but a one-line AttestError', async () => {
    await fc.assert(
      fc.asyncProperty(tokens, async (s) => {
        stripJsonc(s);
        parseImageRef(s);
        parseShortPort(s);
        simpleCommands(s);
        instructions(s);
        splitCommandLine(s);
        expect(redactSnippet(s).length).toBeLessThanOrEqual(200);
        try {
          await mcpConfigScanner.scan(memoryFile('.mcp.json', s));
        } catch (err) {
          expect(err).toBeInstanceOf(AttestError);
          expect((err as AttestError).message).not.toContain('\n');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stripJsonc keeps valid JSON equal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 1);
        expect(JSON.parse(stripJsonc(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 200 },
    );
  });

  it('stay roughly linear from 10 KB to 1 MB (loose 20x bound)', () => {
    const inputs: Array<[string, (s: string) => unknown, (n: number) => string]> = [
      ['stripJsonc commas', stripJsonc, (n) => `[${',]'.repeat(n / 2)}`],
      ['stripJsonc comments', stripJsonc, (n) => '/*'.repeat(n / 2)],
      ['redactSnippet', (s) => redactSnippet(s, 1e9), (n) => 'token= Bearer '.repeat(n / 14)],
      ['instructions', instructions, (n) => 'RUN a \\\n'.repeat(n / 8)],
      ['simpleCommands', simpleCommands, (n) => 'a && ; | '.repeat(n / 9)],
    ];
    for (const [name, fn, make] of inputs) expect(linearityRatio(fn, make), name).toBeLessThan(20);
  });
});
