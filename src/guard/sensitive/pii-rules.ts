import { cardBrand, IBAN_LENGTHS, ibanValid, luhnValid, ninoPrefixValid, spanishIdValid, ssnValid, WELL_KNOWN_TEST_VALUES } from './checksums.js';
import type { PatternRule } from './sensitive-match.js';

const pii = { kind: 'pii' } as const;

function digitsOf(s: string): string {
  let d = '';
  for (const ch of s) if (ch >= '0' && ch <= '9') d += ch;
  return d;
}

/** Phone candidate groups split on separators. */
function phoneGroups(s: string): string[] {
  return s.split(/[ ().-]/).filter((g) => g.length > 0);
}

/** 1234567890-, 5555555555- and 1212121212-style placeholders. */
function sequentialDigits(digits: string): boolean {
  return digits.includes('23456789') || digits.includes('98765432') || /^(\d{1,2})\1+\d?$/.test(digits.slice(-10));
}

function e164Plausible(m: RegExpExecArray): boolean | number {
  const s = m[0];
  const digits = digitsOf(s);
  if (digits.length < 8 || digits.length > 15 || sequentialDigits(digits)) return false;
  if (/[ .-]{2}|\(\(|\)\)/.test(s)) return false;
  const opens = s.split('(').length - 1;
  if (opens !== s.split(')').length - 1 || opens > 1) return false;
  const groups = phoneGroups(s.slice(1));
  // Version-like runs of single digits (+1.2.3.4.5.6.7.8) are not phone numbers.
  if (groups.filter((g) => g.length === 1).length > 2) return false;
  const seps = new Set(s.replace(/[0-9+()]/g, ''));
  if (seps.size > 2) return false;
  return groups.length === 1 ? 0.85 : 0.9;
}

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR'.split(' '),
);

const STREET = 'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq|Close|Crescent|Gardens|Grove|Row|Mews';

function ipv4Octets(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const octets: number[] = [];
  for (const p of parts) {
    if (p.length > 1 && p.startsWith('0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    octets.push(n);
  }
  return octets;
}

/** Addresses that identify no one: unspecified, loopback, broadcast. */
function ipv4Trivial(o: number[]): boolean {
  return o[0] === 0 || o[0] === 127 || o.every((x) => x === 255);
}

/** Private, link-local, CGNAT and documentation ranges. */
export function ipv4Internal(o: number[]): boolean {
  const [a = 0, b = 0, c = 0] = o;
  return (
    a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127) || (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) || a >= 224
  );
}

export function ipv6Valid(s: string): boolean {
  const doubles = s.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = s.split(':');
  const nonEmpty = groups.filter((g) => g.length > 0);
  if (nonEmpty.some((g) => g.length > 4)) return false;
  if (doubles === 0) return groups.length === 8 && nonEmpty.length === 8;
  // Compressed: a single empty run, at least three groups so `a::b` in code does not count.
  if (s.startsWith(':') && !s.startsWith('::')) return false;
  if (s.endsWith(':') && !s.endsWith('::')) return false;
  return nonEmpty.length >= 3 && nonEmpty.length <= 7 && /[0-9]/.test(s);
}

/** How strictly to treat IP addresses: off, public addresses only, or all non-trivial ones. */
export type IpMode = 'off' | 'public' | 'all';

/** PII pattern rules (emails are found by `findEmails`). */
export function piiRules(ipMode: IpMode): PatternRule[] {
  const rules: PatternRule[] = [
    {
      ...pii,
      type: 'credit_card',
      confidence: 0.95,
      // Digits with optional single space/hyphen separators; structure, brand and Luhn checked after.
      pattern: /(?<![0-9A-Za-z_.,/+-])[0-9](?:[0-9]|[ -](?=[0-9])){11,22}[0-9](?![0-9A-Za-z_/+-]|[.,][0-9])/g,
      validate: (m) => {
        const s = m[0];
        const digits = digitsOf(s);
        if (digits.length < 13 || digits.length > 19 || !luhnValid(digits) || !cardBrand(digits)) return false;
        // Published test PANs, and issuer test ranges padded with zeros (6250000000000000005).
        if (WELL_KNOWN_TEST_VALUES.has(digits) || digits.includes('00000000')) return false;
        const seps = new Set(s.replace(/[0-9]/g, ''));
        if (seps.size > 1) return false;
        if (seps.size === 0) return 0.75;
        const groups = s.split(/[ -]/).map((g) => g.length);
        const fours = groups.slice(0, -1).every((g) => g === 4);
        const amex = groups.join(',') === '4,6,5' || groups.join(',') === '4,6,4';
        return fours || amex ? 0.95 : false;
      },
    },
    {
      ...pii,
      type: 'iban',
      confidence: 0.97,
      pattern: /(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){10,30}(?![A-Za-z0-9])/g,
      validate: (m) => {
        const compact = m[0].replace(/ /g, '');
        if (!(compact.slice(0, 2) in IBAN_LENGTHS)) return false;
        // Spaced form groups by four.
        if (m[0].includes(' ') && m[0].split(' ').slice(0, -1).some((g) => g.length !== 4)) return false;
        return ibanValid(compact) && !WELL_KNOWN_TEST_VALUES.has(compact);
      },
    },
    {
      ...pii,
      type: 'us_ssn',
      confidence: 0.85,
      pattern: /(?<![0-9A-Za-z_.:/-])([0-9]{3})([- ])([0-9]{2})\2([0-9]{4})(?![0-9A-Za-z_:/-]|\.[0-9])/g,
      validate: (m) => ssnValid(m[1] ?? '', m[3] ?? '', m[4] ?? '') && (m[2] === '-' ? 0.85 : 0.6),
    },
    {
      ...pii,
      type: 'uk_nino',
      confidence: 0.85,
      pattern: /(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z]{2}) ?([0-9]{2}) ?([0-9]{2}) ?([0-9]{2}) ?([A-D])(?![A-Za-z0-9])/g,
      validate: (m) => ninoPrefixValid(m[1] ?? ''),
    },
    {
      ...pii,
      type: 'es_dni',
      confidence: 0.8,
      pattern: /(?<![A-Za-z0-9])(?:[0-9]{8}|[XYZ][0-9]{7})-?[A-Z](?![A-Za-z0-9])/g,
      validate: (m) => spanishIdValid(m[0].replace('-', '')),
    },
    {
      ...pii,
      type: 'phone',
      confidence: 0.9,
      // E.164 / international: + then 8–15 digits with light separators.
      pattern: /(?<![0-9A-Za-z_+])\+[1-9][0-9 ().-]{6,20}[0-9](?![0-9A-Za-z_])/g,
      hints: ['+'],
      validate: e164Plausible,
    },
    {
      ...pii,
      type: 'phone',
      confidence: 0.85,
      // North American national format: (415) 555-2671, 415-555-2671, 415.555.2671.
      pattern: /(?<![0-9A-Za-z_+.-])(?:\(([2-9][0-9]{2})\) ?|([2-9][0-9]{2})([-.]))[2-9][0-9]{2}([-.])[0-9]{4}(?![0-9A-Za-z_-]|\.[0-9])/g,
      validate: (m) => (m[3] === undefined || m[3] === m[4]) && !sequentialDigits(digitsOf(m[0])),
    },
    {
      ...pii,
      type: 'phone',
      confidence: 0.8,
      // UK national format: 020 7946 0958, 07700 900123, 0161 496 0000.
      pattern: /(?<![0-9A-Za-z_+.-])0[1-9][0-9]{1,3} (?:[0-9]{3,4}(?: [0-9]{3,4})?|[0-9]{6})(?![0-9A-Za-z_-]|\.[0-9])/g,
      validate: (m) => {
        const n = digitsOf(m[0]).length;
        return n === 10 || n === 11;
      },
    },
    {
      ...pii,
      type: 'phone',
      confidence: 0.85,
      // French national format: 01 23 45 67 89 (not byte dumps like `01 02 03 04 05`).
      pattern: /(?<![0-9A-Za-z_+.-])0[1-9](?: [0-9]{2}){4}(?![0-9A-Za-z_-]|\.[0-9]| [0-9])/g,
      validate: (m) => m[0].split(' ').filter((g) => g.startsWith('0')).length < 3 && !sequentialDigits(digitsOf(m[0])),
    },
    {
      ...pii,
      type: 'street_address',
      confidence: 0.8,
      // Conservative: number, 1–4 capitalised words, a street suffix, then city + US state + ZIP.
      pattern: new RegExp(
        `(?<![0-9A-Za-z])[0-9]{1,5} [A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20}){0,3} (?:${STREET})\\.?,? (?:(?:Apt|Suite|Unit) [0-9A-Z]{1,6},? )?[A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20}){0,2},? ([A-Z]{2}) [0-9]{5}(?:-[0-9]{4})?(?![0-9A-Za-z])`,
        'g',
      ),
      validate: (m) => US_STATES.has(m[1] ?? ''),
    },
    {
      ...pii,
      type: 'street_address',
      confidence: 0.8,
      // UK: number, street, suffix, town, postcode.
      pattern: new RegExp(
        `(?<![0-9A-Za-z])[0-9]{1,5} [A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20}){0,3} (?:${STREET}),? [A-Z][a-z]{1,20}(?: [A-Z][a-z]{1,20}){0,2},? [A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}(?![0-9A-Za-z])`,
        'g',
      ),
    },
  ];
  if (ipMode !== 'off') {
    rules.push(
      {
        ...pii,
        type: 'ipv4',
        confidence: 0.7,
        // Not CIDR ranges (`10.0.0.0/8`): those describe networks, not a host.
        pattern: /(?<![0-9A-Za-z_.-])[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(?![0-9A-Za-z_-]|\.[0-9]|\/[0-9])/g,
        hints: ['.'],
        validate: (m) => {
          const o = ipv4Octets(m[0]);
          if (!o || ipv4Trivial(o) || o[3] === 0) return false;
          return ipMode === 'all' || !ipv4Internal(o);
        },
      }
    );
  }
  return rules;
}
