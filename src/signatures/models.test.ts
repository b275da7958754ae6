import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recogniseModel } from './models.js';

type Row = readonly [id: string, provider: string, pinned: boolean, floating?: 'latest' | 'alias'];

const ROWS: readonly Row[] = [
  ['gpt-4o', 'openai', false, 'alias'],
  ['gpt-4o-2024-08-06', 'openai', true],
  ['gpt-4o-mini', 'openai', false, 'alias'],
  ['gpt-4.1', 'openai', false, 'alias'],
  ['gpt-4.1-2025-04-14', 'openai', true],
  ['gpt-4-0613', 'openai', true],
  ['gpt-3.5-turbo-0125', 'openai', true],
  ['chatgpt-4o-latest', 'openai', false, 'latest'],
  ['o3', 'openai', false, 'alias'],
  ['o3-mini', 'openai', false, 'alias'],
  ['o1-2024-12-17', 'openai', true],
  ['text-embedding-3-small', 'openai', true],
  ['text-embedding-ada-002', 'openai', true],
  ['whisper-1', 'openai', true],
  ['claude-3-5-sonnet-20241022', 'anthropic', true],
  ['claude-3-5-sonnet-latest', 'anthropic', false, 'latest'],
  ['claude-sonnet-4-5', 'anthropic', false, 'alias'],
  ['claude-opus-4-1-20250805', 'anthropic', true],
  ['claude-3-5-sonnet-v2@20241022', 'anthropic', true],
  ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'aws-bedrock', true],
  ['us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'aws-bedrock', true],
  ['amazon.nova-pro-v1:0', 'aws-bedrock', true],
  ['meta.llama3-1-70b-instruct-v1:0', 'aws-bedrock', true],
  ['gemini-2.5-pro', 'google', true],
  ['gemini-1.5-pro', 'google', false, 'alias'],
  ['gemini-1.5-pro-002', 'google', true],
  ['gemini-flash-latest', 'google', false, 'latest'],
  ['gemini-2.0-flash-exp', 'google', false, 'alias'],
  ['mistral-large-latest', 'mistral', false, 'latest'],
  ['mistral-large-2411', 'mistral', true],
  ['codestral-2501', 'mistral', true],
  ['command-r-plus-08-2024', 'cohere', true],
  ['command-r-plus', 'cohere', false, 'alias'],
  ['grok-4-0709', 'xai', true],
  ['grok-3-latest', 'xai', false, 'latest'],
  ['deepseek-chat', 'deepseek', false, 'alias'],
  ['llama3', 'ollama', false, 'alias'],
  ['llama3.1:8b', 'ollama', true],
  ['llama3:latest', 'ollama', false, 'latest'],
  ['qwen2.5:7b-instruct-q4_K_M', 'ollama', true],
  ['nomic-embed-text', 'ollama', false, 'alias'],
];

describe('recogniseModel', () => {
  const cases = ROWS.map(([id, provider, pinned, floating]) => ({ id, provider, pinned, floating }));
  it.each(cases)('$id', ({ id, provider, pinned, floating }) => {
    const m = recogniseModel(id);
    expect(m).toBeDefined();
    expect(m?.provider).toBe(provider);
    expect(m?.pinned).toBe(pinned);
    expect(m?.floating).toBe(floating);
    expect(m?.id).toBe(id);
  });

  it('strips gateway and framework prefixes and keeps the provider they name', () => {
    expect(recogniseModel('openai:gpt-4o')).toMatchObject({ id: 'gpt-4o', provider: 'openai', pinned: false });
    expect(recogniseModel('openai/gpt-4o-mini')).toMatchObject({ id: 'gpt-4o-mini', provider: 'openai' });
    expect(recogniseModel('anthropic/claude-sonnet-4-5')).toMatchObject({ id: 'claude-sonnet-4-5', provider: 'anthropic' });
    expect(recogniseModel('ollama_chat/llama3')).toMatchObject({ id: 'llama3', provider: 'ollama', ambiguous: false });
    expect(recogniseModel('azure/gpt-4o-2024-08-06')).toMatchObject({ provider: 'azure-openai', pinned: true });
    expect(recogniseModel('openrouter/meta-llama/llama-3.1-70b-instruct')).toMatchObject({ provider: 'openrouter', pinned: false });
  });

  it('Hugging Face repo ids of known orgs are models, unpinned and needing a model key nearby', () => {
    expect(recogniseModel('sentence-transformers/all-MiniLM-L6-v2')).toMatchObject({ provider: 'huggingface', pinned: false, ambiguous: true });
    expect(recogniseModel('someuser/my-random-repo')).toBeUndefined();
  });

  it('short generic names are marked ambiguous', () => {
    expect(recogniseModel('mistral')?.ambiguous).toBe(true);
    expect(recogniseModel('o3')?.ambiguous).toBe(true);
    expect(recogniseModel('gpt-4o')?.ambiguous).toBe(false);
  });

  it.each([
    'gpt', 'gpt-', 'gpt-4o is great', 'my-gpt-4o', 'gpt-99', 'chatgpt', 'claude', 'claude-code', 'claudette-3-5', 'gemini', 'gemini-rocket',
    'amazon.com', 'meta.description', 'text-embedding', 'o3-rocket', 'o7', 'mistral-of-the-sea', 'llama', 'gpt-4o/../../etc', 'your-model-here',
    'https://api.openai.com/v1', 'GPT4All', 'grok', 'commander', 'embed', '', 'gpt-4-', 'gpt-3.5-turbo-', 'claude--3',
  ])('not a model: %j', (s) => {
    expect(recogniseModel(s)).toBeUndefined();
  });

  it('never throws and answers for any string, long and odd ones included', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const m = recogniseModel(s);
        if (m) expect(m.id.length).toBeLessThanOrEqual(s.length);
      }),
      { numRuns: 2000 },
    );
    // Adversarial shapes for the part-by-part matcher: many separators, long digit runs.
    for (const s of ['gpt-' + '4-'.repeat(5000), 'claude-' + '3'.repeat(10_000), 'anthropic.' + 'a-'.repeat(5000), 'llama3:' + 'x'.repeat(10_000)]) {
      expect(recogniseModel(s)).toBeUndefined();
    }
  });
});
