import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryFile } from '../../../../test/fixtures/scanner-support/memory-file-input.js';
import type { FileInput } from '../../model.js';
import { networkLogScanner, WHOLE_FILE_BYTES } from './network-log-scanner.js';

/** The same content presented as a file too large to read whole: the scanner must stream its lines. */
function streamed(file: FileInput): FileInput {
  return { path: file.path, size: WHOLE_FILE_BYTES + 1, text: () => Promise.reject(new Error('text() must not be called')), bytes: () => Promise.reject(new Error('bytes() must not be called')), head: (n) => file.head(n), lines: () => file.lines() };
}
async function bothPaths(path: string, content: string) {
  const whole = await networkLogScanner.scan(memoryFile(path, content));
  const stream = await networkLogScanner.scan(streamed(memoryFile(path, content)));
  return { whole, stream };
}

const LOGS = join(import.meta.dirname, '../../../../test/fixtures/network-logs');
const PIECES = [
  '\n', '\r\n', '"', '[', ']', ' ', '\t', '#fields\tid.orig_h\thost', '#fields\tid.orig_h\tquery', '#separator \\x09', '#path\tdns', 'CONNECT ', 'api.openai.com', 'API.OpenAI.COM',
  'api.anthropic.com:443', 'x.openai.azure.com', 'OPENAI.AZURE.COM', 'registry.npmjs.org', 'https://', '{', '}', '"host":', '"url":"https://api.groq.com/v1"', ' query: ', 'client ',
  '#', 'dnsmasq', 'query[A] ', ' from ', 'TCP_TUNNEL/200', '10.0.0.5', '10.0.0.6 - - [x] "POST https://api.mistral.ai/v1 HTTP/1.1" 200', ',', ':', 'é',
];

describe('network log scanner: whole-file fast path equals the streamed line parser', () => {
  it('on every fixture log', async () => {
    const files = readdirSync(LOGS, { recursive: true, encoding: 'utf8' }).filter((f) => networkLogScanner.wants(f, 0));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const f of files) {
      const { whole, stream } = await bothPaths(f, readFileSync(join(LOGS, f), 'utf8'));
      expect(whole, f).toEqual(stream);
    }
    // Concatenated logs: later headers (#fields of another Zeek log) come after provider lines.
    const all = files.map((f) => readFileSync(join(LOGS, f), 'utf8'));
    for (let i = 0; i < all.length; i++) {
      const { whole, stream } = await bothPaths('joined.log', `${all[i]}\n${all[(i + 1) % all.length]}\n${all[(i + 2) % all.length]}`);
      expect(whole, files[i]).toEqual(stream);
    }
  });

  it('on random logs mixing formats, headers, CRLF and host case', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 })), { maxLength: 200 }), async (parts) => {
        const { whole, stream } = await bothPaths('x.log', parts.join(''));
        expect(whole).toEqual(stream);
      }),
      { numRuns: 400 },
    );
  });

  it('a log where most lines are provider calls (the filter switches off after a sample): same result', async () => {
    const ai = Array.from({ length: 400 }, (_, i) => `10.0.0.${i % 7} - - [x] "POST https://api.openai.com/v1/chat/${i} HTTP/1.1" 200 9`).join('\n');
    const noise = '10.0.0.9 - - [x] "GET https://registry.npmjs.org/left-pad HTTP/1.1" 200 1\n'.repeat(50);
    const zeek = readFileSync(join(LOGS, 'zeek/http.log'), 'utf8');
    const { whole, stream } = await bothPaths('gateway.log', `${ai}\n${noise}10.0.0.5 - - [x] "CONNECT API.ANTHROPIC.COM:443 HTTP/1.1" 200 0\n${zeek}`);
    expect(whole).toEqual(stream);
    expect(whole.components?.map((c) => c.name).sort()).toEqual(['api.anthropic.com', 'api.mistral.ai', 'api.openai.com']);
  });

  it('finds provider lines among many unrelated ones, with their line numbers', async () => {
    const noise = '10.0.0.9 - - [x] "GET https://registry.npmjs.org/left-pad HTTP/1.1" 200 1\n'.repeat(500);
    const log = `${noise}10.0.0.5 - - [x] "POST https://API.OPENAI.COM/v1/chat HTTP/1.1" 200 9\n${noise}`;
    const { whole, stream } = await bothPaths('proxy.log', log);
    expect(whole).toEqual(stream);
    expect(whole.components?.map((c) => `${c.name} line=${c.evidence.line}`)).toEqual(['api.openai.com line=501']);
  });
});
