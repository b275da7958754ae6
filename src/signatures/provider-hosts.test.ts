import { describe, expect, it } from 'vitest';
import { hostOf, matchProviderHost } from './provider-hosts.js';

describe('matchProviderHost', () => {
  it.each([
    ['api.openai.com', 'openai'],
    ['API.OpenAI.com:443', 'openai'],
    ['api.anthropic.com.', 'anthropic'],
    ['mycorp-east.openai.azure.com', 'azure-openai'],
    ['us-central1-aiplatform.googleapis.com', 'google'],
    ['generativelanguage.googleapis.com', 'google'],
    ['bla.endpoints.huggingface.cloud', 'huggingface'],
    ['openrouter.ai', 'openrouter'],
  ])('%s → %s', (host, provider) => {
    expect(matchProviderHost(host)?.provider).toBe(provider);
  });

  it.each(['chatgpt.com', 'claude.ai', 'openai.com', 'evilapi.openai.com.attacker.net', 'openai.azure.com', 'notopenai.azure.com.x', 'www.google.com', '', '[::1]:443'])(
    '%s is not a provider API host',
    (host) => {
      expect(matchProviderHost(host)).toBeUndefined();
    },
  );
});

describe('hostOf', () => {
  it.each([
    ['https://api.openai.com/v1/chat/completions', 'api.openai.com'],
    ['api.anthropic.com:443', 'api.anthropic.com'],
    ['http://user:pw@api.groq.com:8443/openai/v1?x=1', 'api.groq.com'],
    ['wss://api.openai.com/v1/realtime', 'api.openai.com'],
    ['api.mistral.ai', 'api.mistral.ai'],
  ])('%s → %s', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });
});
