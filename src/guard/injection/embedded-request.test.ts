import { describe, expect, it } from 'vitest';
import { findEmbeddedRequests } from './embedded-request.js';

// Hand-written examples (not from the shared data). Input is folded (lower-cased) text, as the detector passes it.
describe('findEmbeddedRequests', () => {
  it('finds requests for the reader at the start of a sentence or line', () => {
    const doc = '- list files in a directory:\n`ls -la`\n\ngive me three stocks to buy before friday.';
    const at = findEmbeddedRequests(doc);
    expect(at).toHaveLength(1);
    expect(doc.slice(at[0])).toMatch(/^give me/);
    expect(findEmbeddedRequests('intro text. please write a plan for my savings now')).toHaveLength(1);
    expect(findEmbeddedRequests('notes: which funds should i pick for retirement?')).toHaveLength(1);
  });
  it('ignores imperatives without a first-person object and first person mid-sentence', () => {
    expect(findEmbeddedRequests('- display help:\n`tool --help`\n- create a new project:\n`tool init`')).toEqual([]);
    expect(findEmbeddedRequests('the tool will give me a warning if the file is missing.')).toEqual([]);
    expect(findEmbeddedRequests('')).toEqual([]);
  });
  it('is linear on long repetitive input', () => {
    const long = 'give me '.repeat(50_000);
    expect(findEmbeddedRequests(long).length).toBeGreaterThan(0);
  });
});
