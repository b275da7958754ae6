import { describe, expect, it } from 'vitest';
import { KEY_SAMPLES, token, URLSAFE } from './__fixtures__/key-samples.js';
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
