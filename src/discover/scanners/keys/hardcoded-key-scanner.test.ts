import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFile, memoryFile } from '../../../../test/fixtures/scanner-support/memory-file-input.js';
import { KEY_SAMPLES } from '../../../signatures/__fixtures__/key-samples.js';
import type { Observation } from '../../model.js';
import { hardcodedKeyScanner, wantsKeyFile } from './hardcoded-key-scanner.js';

const ROOT = 'keys-repo';
const ABS = join(import.meta.dirname, '../../../../test/fixtures', ROOT);

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((n) => {
    const rel = prefix ? `${prefix}/${n}` : n;
    return statSync(join(dir, rel)).isDirectory() ? walk(dir, rel) : [rel];
  });
}

/** Every key-looking string that is written in the fixture files (to prove none leaks out). */
function rawKeysInFixtures(): string[] {
  let all = walk(ABS).map((f) => readFileSync(join(ABS, f), 'utf8')).join('\n');
  // Base64 values in Secret manifests hide keys too: decode them so the leak check covers them.
  for (const m of all.matchAll(/: ([A-Za-z0-9+/]{40,}={0,2})$/gm)) all += `\n${Buffer.from(m[1] ?? '', 'base64').toString('utf8')}`;
  return [...all.matchAll(/(?:sk-|AIza|gsk_|hf_|r8_|AKIA)[A-Za-z0-9_-]{16,}|[A-Za-z0-9]{32}/g)].map((m) => m[0]);
}

async function scanRepo(): Promise<Observation[]> {
  const out: Observation[] = [];
  for (const rel of walk(ABS)) {
    const f = fixtureFile(ROOT, rel);
    if (hardcodedKeyScanner.wants(f.path, f.size)) out.push(await hardcodedKeyScanner.scan(f));
  }
  return out;
}

describe('hardcoded key scanner on a realistic repo', () => {
  it('finds every planted real-looking key with path and line, and nothing else', async () => {
    const obs = await scanRepo();
    const found = obs.flatMap((o) => o.findings ?? []).map((f) => `${f.evidence.path}:${f.evidence.line} ${f.message.split(' ')[0]}`);
    expect(found.sort()).toEqual(
      [
        '.env:2 OpenAI',
        '.env:3 Anthropic',
        '.env:5 Mistral',
        'config/app.yaml:3 OpenRouter',
        'config/app.yaml:5 AWS',
        'deploy/llm-secret.yaml:7 Anthropic',
        'notebooks/explore.ipynb:7 Replicate',
        'src/llm_client.py:6 Google',
        'src/llm_client.py:10 Azure',
        'src/settings.ts:3 Groq',
      ].sort(),
    );
    for (const f of obs.flatMap((o) => o.findings ?? [])) {
      expect(f).toMatchObject({ rule: 'hardcoded-key', controlId: 'AI-KEY-01', severity: 'critical' });
    }
    const comps = obs.flatMap((o) => o.components ?? []);
    expect(comps.every((c) => c.type === 'key')).toBe(true);
    expect(comps.find((c) => c.provider === 'openai')?.name).toMatch(/^openai:sk-proj-.{2}… \[[0-9a-f]{8}\]$/);
  });

  it('never puts a full key into any output field', async () => {
    const json = JSON.stringify(await scanRepo());
    const raws = rawKeysInFixtures();
    expect(raws.length).toBeGreaterThan(8);
    for (const k of raws) expect(json).not.toContain(k);
    expect(json).toContain('[REDACTED:openai_key]');
    expect(raws.filter((k) => k.startsWith('sk-ant-api03-') && k.length === 108).length).toBeGreaterThanOrEqual(2);
  });

  it('skips lock files, .env.example and docs, and takes .env, notebooks and Dockerfiles', () => {
    expect(wantsKeyFile('package-lock.json', 10)).toBe(false);
    expect(wantsKeyFile('sub/yarn.lock', 10)).toBe(false);
    expect(wantsKeyFile('.env', 10)).toBe(true);
    expect(wantsKeyFile('.env.production', 10)).toBe(true);
    expect(wantsKeyFile('a/b.ipynb', 10)).toBe(true);
    expect(wantsKeyFile('Dockerfile', 10)).toBe(true);
    expect(wantsKeyFile('model.safetensors', 10)).toBe(false);
    expect(wantsKeyFile('logo.png', 10)).toBe(false);
    expect(wantsKeyFile('huge.json', 1024 * 1024 * 1024)).toBe(false);
  });

  it('streams large files in batches with correct line numbers', async () => {
    const s = KEY_SAMPLES[4]!;
    const filler = 'const x = 1; // padding line for a large generated file\n'.repeat(200_000); // ~11 MB
    const content = `${filler}${s.line(s.key)}\n${filler}`;
    const obs = await hardcodedKeyScanner.scan(memoryFile('big/gen.js', content));
    expect(obs.findings?.map((f) => f.evidence.line)).toEqual([200_001]);
    expect(JSON.stringify(obs)).not.toContain(s.key);
  });

  it('reports the same key twice in one file at both lines, as one component identity', async () => {
    const s = KEY_SAMPLES[0]!;
    const obs = await hardcodedKeyScanner.scan(memoryFile('a.py', `k1 = "${s.key}"\n\nk2 = "${s.key}"\n`));
    expect(obs.findings?.map((f) => f.evidence.line)).toEqual([1, 3]);
    expect(new Set(obs.components?.map((c) => c.name)).size).toBe(1);
  });
});
