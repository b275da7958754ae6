import { describe, expect, it } from 'vitest';
import { scanThorough } from './thorough-scan.js';
import { findSensitiveThorough } from './secretlint-scanner.js';

// A Shopify access token: in secretlint's preset, not in our fast rules.
const shopify = `shpat_${'0123456789abcdef'.repeat(2)}`;

describe('thorough mode (secretlint preset)', () => {
  it('adds credentials only secretlint knows, as secrets detections under the policy', async () => {
    const v = await scanThorough({ text: `token: ${shopify}`, stage: 'output' });
    const d = v.detections.find((x) => x.detector === 'secrets');
    expect(d?.category).toMatch(/^secretlint_/);
    expect(d?.controlId).toBe('AI-OUT-01');
    expect(v.redactedText).toMatch(/^token: \[REDACTED:secretlint_[a-z_]+\]$/);
    expect(JSON.stringify(v.detections)).not.toContain(shopify);
  });

  it('does not double-report what the fast rules found, and respects stages', async () => {
    const gh = `ghp_${'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY2zA4'.slice(0, 36)}`;
    const v = await scanThorough({ text: `use ${gh}`, stage: 'output' });
    expect(v.detections.filter((d) => d.detector === 'secrets').map((d) => d.category)).toEqual(['github_token']);
    expect((await scanThorough({ text: `token: ${shopify}`, stage: 'input' })).detections.filter((d) => d.detector === 'secrets')).toEqual([]);
  });

  it('findSensitiveThorough merges fast and secretlint matches in order', async () => {
    const out = await findSensitiveThorough(`a@b-corp.io then ${shopify}`);
    expect(out.map((m) => m.type)).toEqual(['email', expect.stringMatching(/^secretlint_/)]);
  });
});
