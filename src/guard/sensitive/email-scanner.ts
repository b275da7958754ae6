import { MAX_MATCHES, type SensitiveMatch } from './sensitive-match.js';

const LOCAL_MAX = 64;
const DOMAIN_MAX = 253;

function isLocalChar(c: number): boolean {
  // A-Z a-z 0-9 . _ % + -
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isDomainChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/** File extensions that follow `name@2x.` in asset names; they are not TLDs here. */
const NOT_TLD = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'css', 'json', 'map', 'md', 'html', 'txt', 'ico']);

/** RFC 2606 / 6761 documentation domains: addresses there belong to no one. */
function reservedDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  return /(?:^|\.)example\.(?:com|net|org)$/.test(d) || /\.(?:test|example|invalid|localhost)$/.test(d);
}

/**
 * Email addresses, found by scanning outward from each `@` (bounded, no regex backtracking:
 * each character is visited a bounded number of times).
 */
export function findEmails(text: string, out: SensitiveMatch[]): void {
  let lastEnd = 0;
  for (let at = text.indexOf('@'); at >= 0 && out.length < MAX_MATCHES; at = text.indexOf('@', at + 1)) {
    if (at < lastEnd) continue;
    let s = at;
    while (s > 0 && at - s < LOCAL_MAX && isLocalChar(text.charCodeAt(s - 1))) s--;
    // Leading dots are punctuation, not part of the address.
    while (s < at && text.charCodeAt(s) === 46) s++;
    if (s === at || text.charCodeAt(at - 1) === 46) continue;
    if (s > 0 && at - s >= LOCAL_MAX && isLocalChar(text.charCodeAt(s - 1))) continue;
    // `scheme://user:pass@host` and `ssh://git@host` are URL userinfo, not addresses (mailto: is).
    const before = text.charCodeAt(s - 1);
    if ((before === 58 && !text.slice(Math.max(0, s - 7), s).toLowerCase().endsWith('mailto:')) || (before === 47 && text.charCodeAt(s - 2) === 47)) continue;
    let e = at + 1;
    while (e < text.length && e - at <= DOMAIN_MAX && isDomainChar(text.charCodeAt(e))) e++;
    // Trailing dots and hyphens are sentence punctuation.
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    const domain = text.slice(at + 1, e);
    const labels = domain.split('.');
    if (labels.length < 2 || labels.some((l) => l.length === 0 || l.length > 63 || l.startsWith('-') || l.endsWith('-'))) continue;
    const tld = labels[labels.length - 1] ?? '';
    if (!/^[A-Za-z]{2,24}$/.test(tld) || NOT_TLD.has(tld.toLowerCase()) || reservedDomain(domain)) continue;
    out.push({ type: 'email', kind: 'pii', start: s, end: e, confidence: 0.95, controlId: 'AI-OUT-01' });
    lastEnd = e;
  }
}
