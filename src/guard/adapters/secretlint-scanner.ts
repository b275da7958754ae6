import { lintSource } from '@secretlint/core';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
import type { SensitiveMatch } from '../sensitive/sensitive-match.js';
import { findSensitive, type SensitiveOptions } from '../sensitive/sensitive-scanner.js';

const CONFIG = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommendedPreset }] };

/** `AWSSecretAccessKey` -> `secretlint_aws_secret_access_key`. */
function typeOf(messageId: string): string {
  const snake = messageId
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
  return `secretlint_${snake}`;
}

/**
 * Credentials found by secretlint's recommended preset. Async and built for files, so it is the
 * "thorough" mode (batch checks, CLI `--thorough`), not the per-request path; see docs/guard.md.
 */
export async function findSecretlintCredentials(text: string): Promise<SensitiveMatch[]> {
  const result = await lintSource({
    source: { filePath: 'model-output.txt', content: text, contentType: 'text' },
    options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true },
  });
  return result.messages.map((m) => ({
    type: typeOf(m.messageId),
    kind: 'credential',
    start: m.range[0],
    end: m.range[1],
    confidence: 0.9,
    controlId: 'AI-OUT-01',
  }));
}

/** Fast rules plus secretlint's preset, merged (an overlapping secretlint match of a span already found is dropped). */
export async function findSensitiveThorough(text: string, options: SensitiveOptions = {}): Promise<SensitiveMatch[]> {
  const fast = findSensitive(text, options);
  if (options.credentials === false) return fast;
  const extra = (await findSecretlintCredentials(text)).filter((s) => !fast.some((f) => f.start < s.end && s.start < f.end));
  return [...fast, ...extra].sort((a, b) => a.start - b.start);
}
