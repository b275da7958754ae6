import { ipv6Valid, type IpMode } from './pii-rules.js';
import { MAX_MATCHES, type SensitiveMatch } from './sensitive-match.js';

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isWordish(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const MAX_LEN = 39;

/**
 * IPv6 addresses, found from each `:` outward over hex digits and colons (bounded), then parsed.
 * A regex without a literal start would try every position in the text; this visits each
 * character a bounded number of times.
 */
export function findIpv6(text: string, out: SensitiveMatch[], mode: IpMode): void {
  if (mode === 'off') return;
  let from: number;
  for (let colon = text.indexOf(':'); colon >= 0 && out.length < MAX_MATCHES; colon = text.indexOf(':', from)) {
    let s = colon;
    while (s > 0 && colon - s < 5 && (isHex(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 58)) s--;
    let e = colon;
    while (e < text.length && e - s < MAX_LEN + 1 && (isHex(text.charCodeAt(e)) || text.charCodeAt(e) === 58)) e++;
    from = e + 1;
    if (e - s > MAX_LEN || e - s < 3) continue;
    const before = text.charCodeAt(s - 1);
    const after = text.charCodeAt(e);
    // Not part of a longer token (identifiers, `a::b` scopes, times with seconds, dotted forms, CIDR).
    if (s > 0 && (isWordish(before) || before === 46 || before === 58)) continue;
    if (e < text.length && (isWordish(after) || after === 58 || after === 47)) continue;
    if (after === 46 && isWordish(text.charCodeAt(e + 1))) continue;
    const candidate = text.slice(s, e);
    if (!ipv6Valid(candidate)) continue;
    const lower = candidate.toLowerCase();
    if (lower === '::1' || lower === '::') continue;
    if (mode === 'public' && /^(?:fe[89ab]|f[cd])/.test(lower)) continue;
    out.push({ type: 'ipv6', kind: 'pii', start: s, end: e, confidence: 0.7, controlId: 'AI-OUT-01' });
  }
}
