import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

const SECRET = 'whsec-test-0123456789';

describe('webhook signature', () => {
  it('verifies its own signature and rejects an altered body, a wrong key and a stale timestamp', () => {
    const body = '{"events":[{"id":"a"}]}';
    const header = signWebhook(SECRET, body, 1_800_000_000);
    expect(verifyWebhookSignature(SECRET, header, body, { nowSec: 1_800_000_010 })).toEqual({ ok: true });
    expect(verifyWebhookSignature(SECRET, header, `${body} `, { nowSec: 1_800_000_010 })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature('another-secret-value', header, body, { nowSec: 1_800_000_010 })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature(SECRET, header, body, { nowSec: 1_800_001_000 })).toEqual({ ok: false, reason: 'stale' });
  });

  it('accepts any of several v1 signatures (key rotation) and rejects malformed headers', () => {
    const body = 'x';
    const good = signWebhook(SECRET, body, 100).split(',v1=')[1];
    expect(verifyWebhookSignature(SECRET, `t=100,v1=${'0'.repeat(64)},v1=${good}`, body, { nowSec: 100 }).ok).toBe(true);
    for (const h of [undefined, '', 't=abc,v1=00', `v1=${good}`, 't=100', `t=100,v1=${good}`.padEnd(600, 'x')]) {
      expect(verifyWebhookSignature(SECRET, h, body, { nowSec: 100 }).ok).toBe(false);
    }
  });

  it('never throws on arbitrary headers', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (h) => {
        expect(verifyWebhookSignature(SECRET, h, 'b').ok).toBe(false);
      }),
    );
  });
});
