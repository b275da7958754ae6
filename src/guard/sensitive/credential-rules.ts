import { findProviderKeys, isPlaceholderKey } from '../../signatures/provider-keys.js';
import type { PatternRule, SensitiveMatch } from './sensitive-match.js';
import { runPatternRule } from './sensitive-match.js';

// Token boundaries: the secret is not part of a longer token.
const B = '(?<![A-Za-z0-9_-])';
const E = '(?![A-Za-z0-9_-])';

function distinct(s: string): number {
  return new Set(s).size;
}

/** Random-looking: enough distinct characters, and digits or mixed case (not a word or a number). */
function looksRandom(s: string, minDistinct = 10): boolean {
  return distinct(s) >= minDistinct && (/[0-9]/.test(s) ? /[A-Za-z]/.test(s) : /[a-z]/.test(s) && /[A-Z]/.test(s));
}

/** Placeholder passwords seen in docs and examples; not secrets. */
const PLACEHOLDER_PASSWORDS = new Set([
  'password', 'pass', 'passwd', 'pwd', 'secret', 'changeme', 'change_me', 'example', 'xxx', 'xxxx', 'xxxxxx',
  'mypassword', 'yourpassword', 'your_password', 'pass123', 'password123', 'test', 'user', 'username', 'admin',
  'root', 'postgres', 'redis', 'mongo', 'guest', 'foo', 'bar', 'foobar', 'p', 'pw', 'token', 'key', 'dummy',
]);

function placeholderPassword(pw: string): boolean {
  const lower = pw.toLowerCase();
  if (PLACEHOLDER_PASSWORDS.has(lower)) return true;
  // Templating and masking: ${PW}, {{pw}}, <password>, %s, ***, $PASSWORD, :pass (express-style)
  return /^[*x.]+$/i.test(pw) || /[${}<>%[\]]/.test(pw) || pw.startsWith(':');
}

function b64urlJson(part: string): Record<string, unknown> | undefined {
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const parsed: unknown = JSON.parse(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Our own fast credential rules (non-AI-provider formats). */
export const CREDENTIAL_RULES: readonly PatternRule[] = [
  {
    type: 'aws_secret_key',
    kind: 'credential',
    confidence: 0.9,
    // The 40-char secret only counts next to an aws…secret keyword (it has no prefix of its own).
    pattern: /aws[A-Za-z_ .-]{0,30}secret[A-Za-z_ .-]{0,20}["']?\s{0,4}[:=]{1,2}>?\s{0,4}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dgi,
    group: 1,
    validate: (m) => looksRandom(m[1] ?? ''),
  },
  {
    type: 'gcp_service_account',
    kind: 'credential',
    confidence: 0.9,
    pattern: /"private_key_id"\s{0,4}:\s{0,4}"([a-f0-9]{40})"/dg,
    group: 1,
    hints: ['private_key_id'],
  },
  {
    type: 'azure_connection_string',
    kind: 'credential',
    confidence: 0.9,
    pattern: /(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/]{40,100}={0,2})/dg,
    group: 1,
    hints: ['AccountKey=', 'SharedAccessKey='],
    validate: (m) => looksRandom(m[1] ?? ''),
  },
  {
    type: 'connection_string',
    kind: 'credential',
    confidence: 0.9,
    pattern:
      /(?<![A-Za-z0-9+])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|clickhouse|cockroachdb|snowflake|couchdb|neo4j(?:\+s)?):\/\/[^\s:@/"'`]{0,128}:([^\s@/"'`]{1,128})@[A-Za-z0-9[]/dgi,
    group: 1,
    hints: ['://'],
    validate: (m) => !placeholderPassword(m[1] ?? ''),
  },
  {
    type: 'github_token',
    kind: 'credential',
    confidence: 0.95,
    pattern: new RegExp(`${B}(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})${E}`, 'g'),
    hints: ['gh', 'github_pat_'],
    validate: (m) => looksRandom(m[0].slice(4), 8),
  },
  {
    type: 'gitlab_token',
    kind: 'credential',
    confidence: 0.95,
    pattern: new RegExp(`${B}glpat-[A-Za-z0-9_-]{20}${E}`, 'g'),
    hints: ['glpat-'],
  },
  {
    type: 'slack_token',
    kind: 'credential',
    confidence: 0.95,
    pattern: new RegExp(`${B}xox[abposre]-[0-9]{6,15}-[0-9A-Za-z-]{8,200}${E}`, 'g'),
    hints: ['xox'],
  },
  {
    type: 'slack_webhook',
    kind: 'credential',
    confidence: 0.95,
    pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{20,32}/g,
    hints: ['hooks.slack.com'],
  },
  {
    type: 'stripe_key',
    kind: 'credential',
    confidence: 0.95,
    pattern: new RegExp(`${B}(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,247}${E}`, 'g'),
    hints: ['_live_', '_test_'],
    validate: (m) => looksRandom(m[0].slice(8), 8),
  },
  {
    type: 'npm_token',
    kind: 'credential',
    confidence: 0.95,
    pattern: new RegExp(`${B}npm_[A-Za-z0-9]{36}${E}`, 'g'),
    hints: ['npm_'],
    validate: (m) => looksRandom(m[0].slice(4)),
  },
  {
    type: 'sendgrid_key',
    kind: 'credential',
    confidence: 0.95,
    pattern: new RegExp(`${B}SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}${E}`, 'g'),
    hints: ['SG.'],
  },
  {
    type: 'jwt',
    kind: 'credential',
    confidence: 0.9,
    pattern: new RegExp(`${B}eyJ[A-Za-z0-9_-]{6,2000}\\.eyJ[A-Za-z0-9_-]{2,8000}\\.[A-Za-z0-9_-]{0,2000}${E}`, 'g'),
    hints: ['eyJ'],
    validate: (m) => {
      // The jwt.io sample token ("John Doe", secret your-256-bit-secret) is documentation.
      if (m[0].endsWith('.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c')) return false;
      const [header, payload] = m[0].split('.');
      const h = b64urlJson(header ?? '');
      return h !== undefined && typeof h.alg === 'string' && b64urlJson(payload ?? '') !== undefined;
    },
  },
];

const PEM_BEGIN = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/y;
const PEM_MAX = 16_384;

/** PEM private-key blocks, found by scanning for the armour lines (no regex over the body). */
export function findPrivateKeys(text: string, out: SensitiveMatch[]): void {
  let from = 0;
  for (let i = text.indexOf('-----BEGIN ', from); i >= 0; i = text.indexOf('-----BEGIN ', from)) {
    PEM_BEGIN.lastIndex = i;
    const m = PEM_BEGIN.exec(text);
    from = i + 11;
    if (!m) continue;
    const bodyStart = i + m[0].length;
    const endAt = text.indexOf('-----END ', bodyStart);
    const limit = Math.min(text.length, bodyStart + PEM_MAX);
    let end: number;
    if (endAt >= 0 && endAt < limit) {
      const close = text.indexOf('-----', endAt + 9);
      end = close >= 0 && close - endAt < 64 ? close + 5 : endAt + 9;
    } else {
      end = bodyStart;
      while (end < limit && /[A-Za-z0-9+/=\s:-]/.test(text[end] ?? '')) end++;
    }
    // A block with no key material (documentation showing the armour) is not a leak.
    let b64 = 0;
    for (let k = bodyStart; k < end && b64 < 40; k++) if (/[A-Za-z0-9+/]/.test(text[k] ?? '')) b64++;
    if (b64 < 40) continue;
    out.push({ type: 'private_key', kind: 'credential', start: i, end, confidence: 0.99, controlId: 'AI-OUT-01' });
    from = end;
  }
}

/** AI provider keys, from the shared signatures (`src/signatures/provider-keys.ts`); placeholders dropped. */
export function findAiProviderKeys(text: string, out: SensitiveMatch[]): void {
  for (const m of findProviderKeys(text)) {
    if (isPlaceholderKey(m.value)) continue;
    const confidence = m.rule.context ? 0.8 : 0.97;
    out.push({ type: m.rule.id, kind: 'credential', start: m.index, end: m.index + m.value.length, confidence, controlId: 'AI-OUT-01' });
  }
}

/** Every credential in text: provider keys, cloud keys, private keys, JWTs, tokens, connection strings. */
export function findCredentials(text: string, out: SensitiveMatch[] = []): SensitiveMatch[] {
  findAiProviderKeys(text, out);
  findPrivateKeys(text, out);
  for (const rule of CREDENTIAL_RULES) runPatternRule(rule, text, out);
  return out;
}
