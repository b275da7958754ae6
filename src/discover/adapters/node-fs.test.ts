import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeFs } from './node-fs.js';

const dir = mkdtempSync(join(tmpdir(), 'attest-nodefs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fs = createNodeFs();

describe('node fs port: readFile with the size the walk saw', () => {
  it('returns the whole file when the size is right, and for the async path', async () => {
    const p = join(dir, 'a.txt');
    writeFileSync(p, 'hello world');
    expect(new TextDecoder().decode(await fs.readFile(p, 11))).toBe('hello world');
    const big = 'x'.repeat(300 * 1024);
    writeFileSync(join(dir, 'big.txt'), big);
    expect((await fs.readFile(join(dir, 'big.txt'), big.length)).length).toBe(big.length);
  });

  it('a file that grew since the walk is read in full; one that shrank is read as it is now', async () => {
    const p = join(dir, 'b.txt');
    writeFileSync(p, 'abcdefghij'.repeat(10));
    expect(new TextDecoder().decode(await fs.readFile(p, 5))).toBe('abcdefghij'.repeat(10));
    writeFileSync(p, 'abc');
    expect(new TextDecoder().decode(await fs.readFile(p, 100))).toBe('abc');
    writeFileSync(p, '');
    expect((await fs.readFile(p, 0)).length).toBe(0);
  });

  it('a missing file rejects with its errno code', async () => {
    await expect(fs.readFile(join(dir, 'nope.txt'), 10)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
