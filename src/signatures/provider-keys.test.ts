import { describe, expect, it } from 'vitest';
import { ALNUM, HEX, KEY_SAMPLES, token, URLSAFE } from './__fixtures__/key-samples.js';
import { isWordShaped, looksRandomBody } from './provider-key-placeholders.js';
import { findProviderKeys, isPlaceholderKey, PROVIDER_KEY_RULES, redactKey } from './provider-keys.js';

describe('PROVIDER_KEY_RULES', () => {
  it('has unique ids, flag-free patterns and a sample for the main providers', () => {
    const ids = PROVIDER_KEY_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of PROVIDER_KEY_RULES) expect(r.pattern.flags).toBe('');
    for (const id of ['openai_key', 'anthropic_key', 'google_api_key', 'azure_openai_key', 'aws_access_key_id', 'huggingface_token', 'groq_key', 'mistral_key', 'cohere_key', 'replicate_token', 'openrouter_key']) {
      expect(KEY_SAMPLES.some((s) => s.id === id)).toBe(true);
    }
  });

  it.each(KEY_SAMPLES.map((s) => [s.id, s] as const))('finds %s in its context with the right rule', (_id, s) => {
    const found = findProviderKeys(s.line(s.key));
    expect(found.map((m) => m.rule.id)).toEqual([s.id]);
    expect(found[0]?.value).toBe(s.key);
    expect(isPlaceholderKey(s.key, { path: 'src/app.py' })).toBe(false);
  });

  it('context-anchored shapes need their context', () => {
    for (const s of KEY_SAMPLES) {
      const rule = PROVIDER_KEY_RULES.find((r) => r.id === s.id);
      if (!rule?.context) continue;
      expect(findProviderKeys(`value = "${s.key}"`).map((m) => m.rule.id)).not.toContain(s.id);
    }
  });

  it('does not flag hashes, UUIDs, words or truncated keys', () => {
    const negatives = [
      'commit 3f786850e387550fdab836ed7e6dc881de23001b', // 40 hex, no cohere context
      'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'id = "123e4567-e89b-12d3-a456-426614174000"',
      'fw_updateFirmwareVersionNow is a function',
      `sk-proj-${token(40, URLSAFE, 30)}`, // no marker
      `sk-ant-api03-${token(50, URLSAFE, 31)}AA`, // too short
      'const model = "mistral-large-2411";',
      'AKIAAAAAAAAAAAAAAAAA',
    ];
    for (const n of negatives) expect(findProviderKeys(n), n).toEqual([]);
  });

  it('reports several keys on one line, in order, without overlapping rules', () => {
    const a = KEY_SAMPLES[0]!.key;
    const b = KEY_SAMPLES[4]!.key;
    const found = findProviderKeys(`keys: ${b} and ${a}`);
    expect(found.map((m) => m.rule.id)).toEqual(['anthropic_key', 'openai_key']);
  });
});

describe('redactKey', () => {
  it('keeps at most 10 characters and at most a fifth of the key', () => {
    for (const s of KEY_SAMPLES) {
      const r = redactKey(s.key);
      expect(r.endsWith('…')).toBe(true);
      const kept = r.length - 1;
      expect(kept).toBeLessThanOrEqual(10);
      expect(kept).toBeLessThanOrEqual(s.key.length / 5);
      expect(s.key.startsWith(r.slice(0, -1))).toBe(true);
    }
    expect(redactKey(KEY_SAMPLES[0]!.key)).toBe(`${KEY_SAMPLES[0]!.key.slice(0, 10)}…`);
  });
});

describe('isPlaceholderKey', () => {
  it.each([
    'sk-...',
    'sk-xxxxxxxxxxxxxxxxxxxxxxxx',
    'your-api-key-here',
    'YOUR_OPENAI_API_KEY',
    '${OPENAI_API_KEY}',
    '${input:openai-key}',
    '{{ .Values.apiKey }}',
    '<your key>',
    'changeme',
    'sk-proj-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    'sk-1234567890abcdefghijklmnop',
    'hf_****************',
    '%OPENAI_KEY%',
  ])('%s is a placeholder', (v) => {
    expect(isPlaceholderKey(v)).toBe(true);
  });

  it('does not mistake a key whose random body happens to contain a placeholder word', () => {
    const k = KEY_SAMPLES[0]!.key;
    const withWords = `${k.slice(0, 20)}hEre${k.slice(24, 40)}todo${k.slice(44)}`;
    expect(isPlaceholderKey(withWords, { path: 'src/app.ts' })).toBe(false);
    expect(isPlaceholderKey(`${k.slice(0, 20)}-your-key-here`, { path: 'src/app.ts' })).toBe(true);
  });

  it('treats real-looking values in example, template and docs files as placeholders', () => {
    const key = KEY_SAMPLES[0]!.key;
    expect(isPlaceholderKey(key, { path: '.env.example' })).toBe(true);
    expect(isPlaceholderKey(key, { path: 'config/.env.sample' })).toBe(true);
    expect(isPlaceholderKey(key, { path: 'deploy/values.template.yaml' })).toBe(true);
    expect(isPlaceholderKey(key, { path: 'docs/setup.md' })).toBe(true);
    expect(isPlaceholderKey(key, { path: '.env' })).toBe(false);
    expect(isPlaceholderKey(key, { path: 'src/docs.ts' })).toBe(false);
  });
});

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LETTERS_URLSAFE = `${LETTERS}_-`;

/** Rules whose bodies may be all letters, with a key builder and the context line each needs. */
const DIGIT_FREE: ReadonlyArray<{ id: string; make: (seed: number) => string; line: (k: string) => string }> = [
  { id: 'fireworks_key', make: (s) => `fw_${token(24 + (s % 17), LETTERS, s)}`, line: (k) => `FIREWORKS_API_KEY=${k}` },
  { id: 'mistral_key', make: (s) => token(32, LETTERS, s), line: (k) => `MISTRAL_API_KEY=${k}` },
  { id: 'cohere_key', make: (s) => token(40, LETTERS, s), line: (k) => `co = cohere.Client("${k}")` },
  { id: 'huggingface_token', make: (s) => `hf_${token(34, LETTERS, s)}`, line: (k) => `HF_TOKEN=${k}` },
  { id: 'groq_key', make: (s) => `gsk_${token(52, LETTERS, s)}`, line: (k) => `GROQ_API_KEY=${k}` },
  { id: 'replicate_token', make: (s) => `r8_${token(37, LETTERS, s)}`, line: (k) => `REPLICATE_API_TOKEN=${k}` },
  { id: 'perplexity_key', make: (s) => `pplx-${token(48, LETTERS, s)}`, line: (k) => `PPLX_API_KEY=${k}` },
  { id: 'nvidia_key', make: (s) => `nvapi-${token(64, LETTERS_URLSAFE, s)}`, line: (k) => `NGC_API_KEY=${k}` },
];

describe('random key bodies without a digit (regression: a digit used to be required)', () => {
  it.each(DIGIT_FREE.map((d) => [d.id, d] as const))('%s: 300 seeded digit-free bodies are found and are not placeholders', (_id, d) => {
    for (let seed = 1000; seed < 1300; seed++) {
      const key = d.make(seed);
      expect(/[0-9]/.test(key.replace(/^(?:fw_|hf_|gsk_|r8_|pplx-|nvapi-)/, ''))).toBe(false);
      const found = findProviderKeys(d.line(key));
      expect(found.map((m) => m.rule.id), redactKey(key)).toEqual([d.id]);
      expect(isPlaceholderKey(key), redactKey(key)).toBe(false);
    }
  });

  it('the cases the bench missed are found now', () => {
    // Digit-free bodies bench/secrets-corpus.ts generated (seed 20261122) that used to be rejected;
    // kept apart from their prefix/context so this file holds no complete key-shaped literal.
    const missed = { fw: 'dyRXFmEFKxWXXJaAgzRVfFtRFf', mi: 'oETZhDqqSiFgNHUDQViXwVYWnCBEIIay', co: 'hlohjEWuRPuJDGiEPGfDKZFbuKxWfMBiQtAlZlQz' };
    expect(findProviderKeys(`fw_${missed.fw}`).map((m) => m.rule.id)).toEqual(['fireworks_key']);
    expect(findProviderKeys(`MISTRAL_API_KEY=${missed.mi}`).map((m) => m.rule.id)).toEqual(['mistral_key']);
    expect(findProviderKeys(`COHERE_API_KEY=${missed.co}`).map((m) => m.rule.id)).toEqual(['cohere_key']);
  });

  it('still rejects words, camelCase identifiers and filler in key-shaped slots', () => {
    const negatives = [
      'fw_updateFirmwareVersionNow',
      'fw_handleIncomingFirmwareRequest',
      'const mistral = getMistralChatCompletionResponse();', // 32 letters next to "mistral"
      'mistral: thisIsTheMistralClientSettingsNow', // 32
      'cohere: CohereEmbedMultilingualModelConfigTypes', // 40
      'hf_loadPretrainedTokenizerFromTheHubNow', // 34 after hf_
      'MISTRAL_API_KEY=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'MISTRAL_API_KEY=abababababababababababababababab',
    ];
    for (const n of negatives) expect(findProviderKeys(n), n).toEqual([]);
    expect(isPlaceholderKey('sk-proj-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBe(true);
  });

  it('isWordShaped / looksRandomBody separate identifiers from random letters', () => {
    for (const id of ['updateFirmwareVersionNow', 'getMistralChatCompletionResponse', 'TestMistralClientIntegrationSuite', 'yourOpenAiApiKeyGoesHere']) {
      expect(isWordShaped(id), id).toBe(true);
      expect(looksRandomBody(id, 10), id).toBe(false);
    }
    for (const r of ['dyRXFmEFKxWXXJaAgzRVfFtRFf', 'oETZhDqqSiFgNHUDQViXwVYWnCBEIIay', token(40, LETTERS, 7)]) {
      expect(isWordShaped(r), r).toBe(false);
      expect(looksRandomBody(r, 12), r).toBe(true);
    }
    expect(looksRandomBody('abcabcabcabcabcabcab', 10)).toBe(false); // too few distinct characters
    expect(looksRandomBody('12345678901234567890', 10)).toBe(false); // no letters
  });
});

describe('placeholder words inside random key bodies (regression: substring-like matches hid real keys)', () => {
  const embeds = ['your', 'YOUR', 'test', 'example', 'here', 'key', 'xxx', 'todo'];

  it.each(embeds)('a random body with "%s" inside it is a real key', (w) => {
    for (let seed = 1; seed <= 50; seed++) {
      // The word sits inside the random text: alphanumeric characters on both sides (a word right
      // after a `-`/`_` is a separated word, which does count).
      const inside = (alphabet: string, before: number, total: number): string =>
        `${token(before - 1, alphabet, seed)}${token(1, ALNUM, seed + 100)}${w}${token(1, ALNUM, seed + 200)}${token(total - before - w.length - 1, alphabet, seed + 500)}`;
      const keys = [
        `nvapi-${inside(URLSAFE, 20, 64)}`,
        `gsk_${inside(ALNUM, 20, 52)}`,
        inside(ALNUM, 15, 40), // cohere-shaped
        `sk-ant-api03-${inside(URLSAFE, 40, 93)}AA`,
      ];
      for (const k of keys) expect(isPlaceholderKey(k, { path: 'src/app.ts' }), redactKey(k)).toBe(false);
    }
  });

  it('short separated tokens inside a mostly random key are chance, not placeholders', () => {
    // Shapes the seeded generator produced that used to be hidden: `_key_`, `-tBd`, `_XXx_`, `/xXX+`.
    const a = token(30, ALNUM, 41);
    const b = token(30, ALNUM, 42);
    for (const k of [`xai-keY_${a}${b}`, `AIza${a.slice(0, 10)}_PQ_${b.slice(0, 20)}-tBd`, `nvapi-${a}-xxXx_${b}`, `ABSK${a}/xXX+${b}${a}${b}`, `sk-ant-api03-${a}_key_${b}${a}AA`]) {
      expect(isPlaceholderKey(k), redactKey(k)).toBe(false);
    }
  });

  it('a long random hex key with a run of six is a real key; long runs are still filler', () => {
    const k = `sk-or-v1-${token(30, HEX, 3)}999999${token(28, HEX, 4)}`;
    expect(isPlaceholderKey(k)).toBe(false);
    expect(findProviderKeys(`OPENROUTER_API_KEY=${k}`).map((m) => m.rule.id)).toEqual(['openrouter_key']);
    expect(isPlaceholderKey(`sk-or-v1-${token(30, HEX, 3)}0000000000${token(24, HEX, 4)}`)).toBe(true);
    expect(isPlaceholderKey('sk-abc123xxxxxx')).toBe(true);
  });

  it.each([
    'sk-your-key-here',
    'YOUR_API_KEY',
    'sk-proj-YOUR_KEY_HERE',
    'yourOpenAiApiKeyGoesHere',
    'sk-ant-api03-your-key-goes-here',
    `sk-proj-${token(12, ALNUM, 5)}-your-key-here`,
    `nvapi-${token(40, URLSAFE.replace(/[-_]/g, ''), 6)}-your-key`,
    'hf_example_token',
    'sk-test-key-0000',
    'sk-xxx-xxx-xxx',
    'sk-xxxxxxxxxxxxxxxxxxxx',
    '<your-openai-key>',
    '${OPENROUTER_API_KEY}',
    'gsk_paste_your_groq_key',
    'MISTRAL_API_KEY_EXAMPLE_VALUE',
  ])('%s is still a placeholder', (v) => {
    expect(isPlaceholderKey(v)).toBe(true);
  });
});
