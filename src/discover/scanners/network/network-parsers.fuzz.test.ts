import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearityRatio } from '../../../../test/fixtures/scanner-support/linearity.js';
import { memoryFile } from '../../../../test/fixtures/scanner-support/memory-file-input.js';
import { newLogState, parseLogLine } from './log-line-parsers.js';
import { networkLogScanner } from './network-log-scanner.js';

/** Fragments of every supported format, glued randomly: near-misses of real lines. */
const PIECES = ['"', '[', ']', ' ', '\t', '#fields\tid.orig_h\thost', '#separator \\x09', 'CONNECT ', 'api.openai.com', ':443', 'https://', '{', '}', '"host":', ' query: ', 'client ', '#', 'dnsmasq', 'query[A] ', ' from ', 'TCP_TUNNEL/200', '10.0.0.5', '\\', ',', ':'];


describe('log line parsers under random and adversarial input', () => {
  it('never throw, and any host they return came from the line', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 30 })), { maxLength: 200 }), (parts) => {
        const st = newLogState();
        for (const line of parts.join('').split('\n')) {
          const hit = parseLogLine(line, st);
          if (hit && hit.host !== '') expect(line.toLowerCase()).toContain(hit.host.split('.')[0]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a whole random log file scans without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...PIECES, '\n'), fc.string({ maxLength: 50 })), { maxLength: 300 }), async (parts) => {
        const o = await networkLogScanner.scan(memoryFile('x.log', parts.join('')));
        expect(Array.isArray(o.components)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('time per byte stays roughly flat from 10 KB to 1 MB lines (loose 20x bound)', () => {
    const shapes = [
      (n: number) => `10.0.0.5 - - [x] "CONNECT ${'a'.repeat(n)}:443 HTTP/1.1" 200`,
      (n: number) => `{"host": "${'api.openai.com '.repeat(n / 15)}", "x": [${'1,'.repeat(n / 2)}1]}`,
      (n: number) => '" ['.repeat(n / 3),
      (n: number) => `client ${'@0x1 '.repeat(n / 5)} query: api.openai.com`,
      (n: number) => `1.2 3 10.0.0.5 T/200 5 CONNECT ${' '.repeat(n)}api.openai.com`,
      (n: number) => 'dnsmasq query['.repeat(n / 14),
    ];
    for (const [i, make] of shapes.entries()) expect(linearityRatio((s) => parseLogLine(s, newLogState()), make), `shape ${i}`).toBeLessThan(20);
  });
});
