import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJobs, decodeReplies, encodeJobs, encodeReplies, type ScanJob, type ScanReply } from './engine-pool-protocol.js';

// Any path a POSIX file system allows: every character but NUL (newlines, tabs, U+0001 and astral ones included).
const path = fc
  .array(fc.oneof(fc.constantFrom('\n', '\t', '\u0001', ' ', '/', 'é', '😀'), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 8 })
  .map((parts) => parts.join('').replaceAll('\u0000', ''));
const job = fc.record({
  id: fc.nat(),
  abs: path,
  rel: path,
  size: fc.nat({ max: 2 ** 40 }),
  scanners: fc.array(fc.constantFrom('keys', 'network/log', 'source-ts', 'mcp-config'), { minLength: 1, maxLength: 4 }),
  maxTextBytes: fc.nat(),
});

describe('scan worker wire format', () => {
  it('jobs survive the string round trip exactly, whatever their paths hold', () => {
    fc.assert(
      fc.property(fc.array(job, { maxLength: 40 }), (jobs: ScanJob[]) => {
        expect(decodeJobs(encodeJobs(jobs))).toEqual(jobs);
      }),
      { numRuns: 500 },
    );
  });

  it('replies survive the JSON round trip', () => {
    const replies: ScanReply[] = [
      { id: 1, observations: [{ components: [{ type: 'sdk', name: 'openai', ecosystem: 'npm', evidence: { path: 'a\nb.ts', line: 3, scanner: 'source-ts' } }] }] },
      { id: 2, observations: [], problem: { message: 'binary file', line: 4 } },
    ];
    expect(decodeReplies(encodeReplies(replies))).toEqual(replies);
  });
});
