import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksBinary, splitLines } from './engine-file-input.js';

async function collect(chunks: string[], max?: number): Promise<string[]> {
  async function* gen() {
    yield* chunks;
  }
  const out: string[] = [];
  for await (const l of splitLines(gen(), max)) out.push(l);
  return out;
}

/** The reference: split on LF, drop one CR before it, no empty last line. */
function reference(text: string, max = Infinity): string[] {
  const raw = text.split('\n');
  if (raw[raw.length - 1] === '') raw.pop();
  return raw.map((l) => (l.length > max ? l.slice(0, max) : l)).map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

describe('splitLines', () => {
  it('matches a plain split for any text cut into any chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', 'é', ' '), maxLength: 200 }), fc.array(fc.nat(200), { maxLength: 6 }), async (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let prev = 0;
        for (const p of points) {
          chunks.push(text.slice(prev, p));
          prev = p;
        }
        chunks.push(text.slice(prev));
        expect(await collect(chunks)).toEqual(reference(text));
      }),
      { numRuns: 300 },
    );
  });

  it('truncates over-long lines and keeps counting lines after them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: fc.constantFrom('x', 'y'), maxLength: 40 }), { maxLength: 8 }), fc.integer({ min: 1, max: 10 }), async (lines, max) => {
        const text = lines.map((l) => `${l}\n`).join('');
        const chunks = text.match(/[\s\S]{1,7}/g) ?? [];
        expect(await collect(chunks, max)).toEqual(reference(text, max));
      }),
      { numRuns: 200 },
    );
  });
});

describe('looksBinary', () => {
  it('is true exactly when a NUL sits in the first 8 KB', () => {
    expect(looksBinary(new Uint8Array([104, 105]))).toBe(false);
    expect(looksBinary(new Uint8Array([104, 0, 105]))).toBe(true);
    const late = new Uint8Array(9000).fill(65);
    late[8500] = 0;
    expect(looksBinary(late)).toBe(false);
    late[8191] = 0;
    expect(looksBinary(late)).toBe(true);
    expect(looksBinary(Buffer.from('plain text'))).toBe(false);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
  });
});

describe('LazyFileInput with a reused read buffer', () => {
  it('reads into the scratch buffer when the file fits, and decoded text outlives the buffer reuse', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createNodeFs } = await import('./adapters/node-fs.js');
    const { LazyFileInput, ScratchBuffers } = await import('./engine-file-input.js');
    const dir = mkdtempSync(join(tmpdir(), 'attest-scratch-'));
    try {
      writeFileSync(join(dir, 'a.txt'), 'first file é');
      writeFileSync(join(dir, 'b.txt'), 'second, longer file');
      writeFileSync(join(dir, 'big.txt'), 'x'.repeat(200));
      const fs = createNodeFs();
      const scratch = new ScratchBuffers(1, 64);
      const buf = scratch.acquire();
      expect(scratch.acquire()).toBeUndefined(); // only one
      const a = new LazyFileInput(fs, join(dir, 'a.txt'), 'a.txt', 13, { maxTextBytes: 1 << 20 }, buf);
      const aText = await a.text();
      expect((await a.bytes()).buffer).toBe(buf?.buffer); // read into the scratch buffer
      const b = new LazyFileInput(fs, join(dir, 'b.txt'), 'b.txt', 19, { maxTextBytes: 1 << 20 }, buf);
      expect(await b.text()).toBe('second, longer file');
      expect(aText).toBe('first file é');
      const big = new LazyFileInput(fs, join(dir, 'big.txt'), 'big.txt', 200, { maxTextBytes: 1 << 20 }, buf);
      expect((await big.bytes()).buffer).not.toBe(buf?.buffer); // does not fit: a fresh allocation
      expect(await big.text()).toBe('x'.repeat(200));
      scratch.release(buf);
      expect(scratch.acquire()).toBe(buf);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
