/**
 * Seeded generator of labelled sensitive-data samples, built from the documented format of each
 * provider key and PII type (prefixes, lengths, alphabets, checksums). Used by bench/secrets.ts
 * (large corpus) and by src/guard/sensitive tests (small corpus). Deterministic for a given seed.
 */

import { mulberry32 as seededRandom } from '../src/core/seeded-random.js';

export { seededRandom };

type Rng = () => number;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}_-`;
const B64 = `${ALNUM}+/`;
const HEX = '0123456789abcdef';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIG = '0123456789';

const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const str = (r: Rng, alphabet: string, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
};

function luhnCheckDigit(partial: string): string {
  let sum = 0;
  for (let i = partial.length - 1, dbl = true; i >= 0; i--, dbl = !dbl) {
    let d = Number(partial[i]);
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function mod97(s: string): number {
  let rem = 0;
  for (const ch of s) rem = /[0-9]/.test(ch) ? (rem * 10 + Number(ch)) % 97 : (rem * 100 + (ch.charCodeAt(0) - 55)) % 97;
  return rem;
}

function b64url(json: unknown): string {
  return btoa(JSON.stringify(json)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** One generated sample: the value, the text it is embedded in, and where. */
export interface Sample {
  readonly type: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

type Gen = (r: Rng) => { value: string; prefix?: string; suffix?: string };

const CARD_BRANDS: readonly [string, number][] = [
  ['4', 16], ['4', 13], ['51', 16], ['55', 16], ['2221', 16], ['2720', 16], ['34', 15], ['37', 15],
  ['6011', 16], ['65', 16], ['644', 16], ['3528', 16], ['3589', 16], ['36', 14], ['62', 16], ['6304', 16],
];

const IBAN_FORMATS: readonly [string, number, 'n' | 'a4n'][] = [
  ['DE', 22, 'n'], ['GB', 22, 'a4n'], ['FR', 27, 'n'], ['ES', 24, 'n'], ['IT', 27, 'n'], ['NL', 18, 'a4n'],
  ['BE', 16, 'n'], ['CH', 21, 'n'], ['PL', 28, 'n'], ['SE', 24, 'n'], ['NO', 15, 'n'], ['AT', 20, 'n'], ['IE', 22, 'a4n'],
];

const STREETS = ['Maple', 'Oak', 'Pine', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Sunset', 'Park', 'Mill', 'River View'];
const SUFFIXES = ['Street', 'St', 'Avenue', 'Ave', 'Road', 'Rd', 'Boulevard', 'Lane', 'Drive', 'Court', 'Way', 'Place'];
const CITIES = ['Springfield', 'Portland', 'Austin', 'Denver', 'Salem', 'Madison', 'San Jose', 'New York'];
const STATES = ['IL', 'OR', 'TX', 'CO', 'MA', 'WI', 'CA', 'NY'];

/** Generators by detection type. Context-anchored formats carry the keyword their format needs. */
export const GENERATORS: Readonly<Record<string, Gen>> = {
  openai_key: (r) => ({ value: `sk-${pick(r, ['', 'proj-', 'svcacct-'])}${str(r, B64URL, int(r, 20, 74))}T3BlbkFJ${str(r, B64URL, int(r, 20, 74))}` }),
  openai_admin_key: (r) => ({ value: `sk-admin-${str(r, B64URL, int(r, 20, 60))}T3BlbkFJ${str(r, B64URL, int(r, 20, 60))}` }),
  anthropic_key: (r) => ({ value: `sk-ant-api03-${str(r, B64URL, 93)}AA` }),
  anthropic_admin_key: (r) => ({ value: `sk-ant-admin01-${str(r, B64URL, 93)}AA` }),
  anthropic_oauth_token: (r) => ({ value: `sk-ant-o${pick(r, ['a', 'r'])}t01-${str(r, B64URL, int(r, 80, 120))}` }),
  openrouter_key: (r) => ({ value: `sk-or-v1-${str(r, HEX, 64)}` }),
  langfuse_secret_key: (r) => ({ value: `sk-lf-${str(r, HEX, 8)}-${str(r, HEX, 4)}-${str(r, HEX, 4)}-${str(r, HEX, 4)}-${str(r, HEX, 12)}` }),
  deepseek_key: (r) => ({ prefix: 'DEEPSEEK_API_KEY=', value: `sk-${str(r, HEX, 32)}` }),
  google_api_key: (r) => ({ value: `AIza${str(r, B64URL, 35)}` }),
  aws_access_key_id: (r) => ({ value: `${pick(r, ['AKIA', 'ASIA'])}${str(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}` }),
  aws_bedrock_key: (r) => ({ value: `ABSK${str(r, B64, int(r, 110, 200))}` }),
  huggingface_token: (r) => ({ value: `hf_${str(r, ALNUM, 34)}` }),
  huggingface_org_token: (r) => ({ value: `api_org_${str(r, ALNUM, 34)}` }),
  groq_key: (r) => ({ value: `gsk_${str(r, ALNUM, 52)}` }),
  xai_key: (r) => ({ value: `xai-${str(r, `${ALNUM}_`, 80)}` }),
  replicate_token: (r) => ({ value: `r8_${str(r, ALNUM, int(r, 36, 40))}` }),
  perplexity_key: (r) => ({ value: `pplx-${str(r, ALNUM, 48)}` }),
  fireworks_key: (r) => ({ value: `fw_${str(r, ALNUM, int(r, 24, 40))}` }),
  langsmith_key: (r) => ({ value: `lsv2_${pick(r, ['pt', 'sk'])}_${str(r, HEX, 32)}_${str(r, HEX, 10)}` }),
  nvidia_key: (r) => ({ value: `nvapi-${str(r, B64URL, 64)}` }),
  pinecone_key: (r) => ({ value: `pcsk_${str(r, ALNUM, int(r, 5, 6))}_${str(r, ALNUM, 63)}` }),
  elevenlabs_key: (r) => ({ value: `sk_${str(r, HEX, 48)}` }),
  azure_openai_key: (r) => ({ prefix: 'AZURE_OPENAI_API_KEY=', value: str(r, HEX, 32) }),
  mistral_key: (r) => ({ prefix: 'MISTRAL_API_KEY=', value: str(r, ALNUM, 32) }),
  cohere_key: (r) => ({ prefix: 'COHERE_API_KEY=', value: str(r, ALNUM, 40) }),
  together_key: (r) => ({ prefix: 'TOGETHER_API_KEY=', value: str(r, HEX, 64) }),
  aws_secret_key: (r) => ({ prefix: pick(r, ['aws_secret_access_key = ', 'AWS_SECRET_ACCESS_KEY=', '"awsSecretKey": "']), value: str(r, B64, 40) }),
  gcp_service_account: (r) => ({ prefix: '{"type": "service_account", "project_id": "demo", "private_key_id": "', value: str(r, HEX, 40), suffix: '", "client_email": "x@demo.iam.gserviceaccount.com"}' }),
  azure_connection_string: (r) => ({
    prefix: 'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=',
    value: `${str(r, B64, 86)}==`,
  }),
  private_key: (r) => {
    const kind = pick(r, ['RSA ', 'EC ', 'OPENSSH ', '']);
    const lines = Array.from({ length: int(r, 4, 12) }, () => str(r, B64, 64));
    return { value: `-----BEGIN ${kind}PRIVATE KEY-----\n${lines.join('\n')}\n-----END ${kind}PRIVATE KEY-----` };
  },
  jwt: (r) => ({
    value: `${b64url({ alg: pick(r, ['HS256', 'RS256', 'ES256']), typ: 'JWT' })}.${b64url({ sub: str(r, ALNUM, 10), iat: int(r, 1.6e9, 1.8e9) })}.${str(r, B64URL, 43)}`,
  }),
  connection_string: (r) => {
    const scheme = pick(r, ['postgres', 'postgresql', 'mysql', 'mongodb+srv', 'mongodb', 'redis', 'amqp']);
    const user = scheme === 'redis' && r() < 0.5 ? '' : pick(r, ['app', 'svc_user', 'admin']);
    return { prefix: `${scheme}://${user}:`, value: str(r, ALNUM, int(r, 10, 24)), suffix: `@db-${int(r, 1, 9)}.internal:5432/prod` };
  },
  github_token: (r) => ({ value: r() < 0.7 ? `${pick(r, ['ghp', 'gho', 'ghs', 'ghu'])}_${str(r, ALNUM, 36)}` : `github_pat_${str(r, ALNUM, 22)}_${str(r, ALNUM, 59)}` }),
  gitlab_token: (r) => ({ value: `glpat-${str(r, B64URL, 20)}` }),
  slack_token: (r) => ({ value: `xox${pick(r, ['b', 'p', 'a'])}-${str(r, DIG, 12)}-${str(r, DIG, 13)}-${str(r, ALNUM, 24)}` }),
  slack_webhook: (r) => ({ value: `https://hooks.slack.com/services/T${str(r, UPPER + DIG, 10)}/B${str(r, UPPER + DIG, 10)}/${str(r, ALNUM, 24)}` }),
  stripe_key: (r) => ({ value: `${pick(r, ['sk', 'rk'])}_${pick(r, ['live', 'test'])}_${str(r, ALNUM, int(r, 24, 99))}` }),
  npm_token: (r) => ({ value: `npm_${str(r, ALNUM, 36)}` }),
  sendgrid_key: (r) => ({ value: `SG.${str(r, B64URL, 22)}.${str(r, B64URL, 43)}` }),
  email: (r) => ({
    value: `${str(r, 'abcdefghijklmnopqrstuvwxyz', int(r, 3, 10))}${pick(r, ['', '.', '_', '+'])}${str(r, 'abcdefghijklmnopqrstuvwxyz0123456789', int(r, 2, 8))}@${str(r, 'abcdefghijklmnopqrstuvwxyz', int(r, 3, 12))}.${pick(r, ['com', 'org', 'io', 'co.uk', 'de', 'dev'])}`,
  }),
  phone: (r) => {
    const n3 = (): string => `${int(r, 2, 9)}${str(r, DIG, 2)}`;
    const formats = [
      () => `+1 ${n3()} ${n3()} ${str(r, DIG, 4)}`,
      () => `+1${n3()}${n3()}${str(r, DIG, 4)}`,
      () => `+44 20 ${str(r, DIG, 4)} ${str(r, DIG, 4)}`,
      () => `+49 30 ${str(r, DIG, 8)}`,
      () => `+33 ${int(r, 1, 9)} ${str(r, DIG, 2)} ${str(r, DIG, 2)} ${str(r, DIG, 2)} ${str(r, DIG, 2)}`,
      () => `(${n3()}) ${n3()}-${str(r, DIG, 4)}`,
      () => `${n3()}-${n3()}-${str(r, DIG, 4)}`,
      () => `${n3()}.${n3()}.${str(r, DIG, 4)}`,
      () => `020 ${str(r, DIG, 4)} ${str(r, DIG, 4)}`,
      () => `07${str(r, DIG, 3)} ${str(r, DIG, 6)}`,
      () => `0${int(r, 1, 9)} ${str(r, DIG, 2)} ${str(r, DIG, 2)} ${str(r, DIG, 2)} ${str(r, DIG, 2)}`,
    ];
    return { value: pick(r, formats)() };
  },
  credit_card: (r) => {
    const [prefix, len] = pick(r, CARD_BRANDS);
    const body = prefix + str(r, DIG, len - prefix.length - 1);
    const digits = body + luhnCheckDigit(body);
    const sep = pick(r, ['', ' ', '-']);
    if (sep === '') return { value: digits };
    const groups = len === 15 ? [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)] : (digits.match(/.{1,4}/g) ?? []);
    return { value: groups.join(sep) };
  },
  iban: (r) => {
    const [cc, len, shape] = pick(r, IBAN_FORMATS);
    const bban = shape === 'a4n' ? str(r, UPPER, 4) + str(r, DIG, len - 8) : str(r, DIG, len - 4);
    const check = String(98 - mod97(`${bban}${cc}00`)).padStart(2, '0');
    const iban = `${cc}${check}${bban}`;
    return { value: r() < 0.5 ? iban : (iban.match(/.{1,4}/g) ?? []).join(' ') };
  },
  us_ssn: (r) => {
    let area = int(r, 1, 899);
    if (area === 666) area = 667;
    return { value: `${String(area).padStart(3, '0')}-${String(int(r, 1, 99)).padStart(2, '0')}-${String(int(r, 1, 9999)).padStart(4, '0')}` };
  },
  uk_nino: (r) => {
    const first = pick(r, [...'ABCEGHJKLMNOPRSTWXYZ']);
    let second = pick(r, [...'ABCEGHJKLMNPRSTWXYZ']);
    if (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(first + second)) second = 'A';
    const d = str(r, DIG, 6);
    const suffix = pick(r, ['A', 'B', 'C', 'D']);
    return { value: r() < 0.5 ? `${first}${second}${d}${suffix}` : `${first}${second} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${suffix}` };
  },
  es_dni: (r) => {
    const n = str(r, DIG, 8);
    return { value: `${n}${'TRWAGMYFPDXBNJZSQVHLCKE'[Number(n) % 23]}` };
  },
  ipv4: (r) => {
    let a = int(r, 1, 223);
    if (a === 10 || a === 127) a = 11;
    return { value: `${a}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}` };
  },
  ipv6: (r) => {
    const g = (): string => str(r, HEX, int(r, 1, 4)).replace(/^0+(?=.)/, '');
    return { value: r() < 0.5 ? Array.from({ length: 8 }, g).join(':') : `2001:db8:${g()}::${g()}:${g()}` };
  },
  street_address: (r) =>
    r() < 0.8
      ? { value: `${int(r, 1, 9999)} ${pick(r, STREETS)} ${pick(r, SUFFIXES)}, ${pick(r, CITIES)}, ${pick(r, STATES)} ${str(r, DIG, 5)}` }
      : { value: `${int(r, 1, 200)} ${pick(r, STREETS)} ${pick(r, ['Road', 'Street', 'Lane'])}, ${pick(r, ['London', 'Leeds', 'Bristol'])} ${pick(r, ['SW1A 2AA', 'LS1 4DY', 'BS8 1TH', 'EC1A 1BB'])}` },
};

const TEMPLATES: readonly ((v: string) => string)[] = [
  (v) => `Sure! Here it is: ${v}. Let me know if you need anything else.`,
  (v) => `The value you asked for is ${v}\nI hope this helps.`,
  (v) => `{"result": "${v}", "ok": true}`,
  (v) => `- contact: ${v}\n- status: active`,
  (v) => `According to the record (${v}), the account was updated yesterday.`,
  (v) => `${v}`,
];

/** `n` samples of `type`, each embedded in a short output-like text. */
export function generateSamples(type: string, n: number, seed = 42): Sample[] {
  const gen = GENERATORS[type];
  if (!gen) throw new Error(`no generator for ${type}`);
  const r = seededRandom(seed ^ [...type].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
  const out: Sample[] = [];
  for (let i = 0; i < n; i++) {
    const g = gen(r);
    const full = `${g.prefix ?? ''}${g.value}${g.suffix ?? ''}`;
    const template = type === 'private_key' || g.prefix !== undefined ? (v: string) => `Here you go:\n${v}\nDone.` : pick(r, TEMPLATES);
    const text = template(full);
    const start = text.indexOf(full) + (g.prefix?.length ?? 0);
    out.push({ type, text, start, end: start + g.value.length });
  }
  return out;
}

/** Every type the generator covers. */
export const SAMPLE_TYPES: readonly string[] = Object.keys(GENERATORS);
