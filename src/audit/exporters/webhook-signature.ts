/**
 * Signed webhook deliveries: `X-Attest-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 * Receivers verify with `verifyWebhookSignature` (constant-time compare, bounded clock skew).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-attest-signature';

/** The signature header value for a body sent at `timestampSec`. */
export function signWebhook(secret: string, body: string, timestampSec: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSec}.${body}`).digest('hex');
  return `t=${timestampSec},v1=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * Verify a signature header against the raw body.
 *
 * @example
 * verifyWebhookSignature(secret, req.headers['x-attest-signature'], rawBody).ok
 */
export function verifyWebhookSignature(secret: string, header: string | undefined, body: string, opts: { toleranceSec?: number; nowSec?: number } = {}): SignatureCheck {
  if (!header || header.length > 512) return { ok: false, reason: 'malformed' };
  let t: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const k = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (k === 't' && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (k === 'v1' && /^[0-9a-f]{64}$/.test(v)) candidates.push(v);
  }
  if (t === undefined || candidates.length === 0) return { ok: false, reason: 'malformed' };
  const now = opts.nowSec ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSec ?? 300)) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'), 'utf8');
  const match = candidates.some((c) => timingSafeEqual(Buffer.from(c, 'utf8'), expected));
  return match ? { ok: true } : { ok: false, reason: 'mismatch' };
}
