/**
 * AI provider API key formats (signatures doc §9), written from the described shapes.
 * Every pattern is linear-time: a fixed prefix, bounded character-class repetitions, and
 * single-character look-arounds as word boundaries; no nested or ambiguous quantifiers.
 * Patterns carry no flags; scanners that need all matches build a global copy
 * (see {@link findProviderKeys}).
 */
import { looksRandomBody } from './provider-key-placeholders.js';

/** One key format. */
export interface ProviderKeyRule {
  /** Stable id, used in redaction labels: `[REDACTED:openai_key]`. */
  id: string;
  /** Provider slug (openai, anthropic, google …). */
  provider: string;
  description: string;
  /** Linear-time, global-flag-free pattern for one key. */
  pattern: RegExp;
  /**
   * Context-anchored formats (bare hex / alnum strings): the key only counts when the text
   * around it (same line, up to {@link CONTEXT_WINDOW} chars before it) matches this.
   */
  context?: RegExp;
  /** Extra structural check (checksum/length/charset), optional. */
  validate?(candidate: string): boolean;
  /**
   * Case-sensitive literals one of which must occur in the text for the rule to be tried: the
   * key's prefix, or for context-anchored rules the usual spellings of the context word. A
   * speed-up only (all keywords are found in one pass); a rule without keywords always runs.
   */
  keywords?: readonly string[];
}

/** How many characters before a match are searched for a context-anchored rule's keyword. */
export const CONTEXT_WINDOW = 160;

// Boundaries: the key is not part of a longer token of key characters.
const B = '(?<![A-Za-z0-9_-])';
const E = '(?![A-Za-z0-9_-])';
const rx = (body: string): RegExp => new RegExp(`${B}${body}${E}`);

/** Distinct characters in a string (cheap entropy proxy). */
function distinctChars(s: string): number {
  return new Set(s).size;
}

/** Hex that is not all digits or all letters (SHA-like strings pass; words and numbers don't). */
function looksRandomHex(body: string): boolean {
  return distinctChars(body) >= 8 && /[0-9]/.test(body) && /[a-fA-F]/.test(body);
}

/** Base64 of "bedrock.amazonaws.com": short-lived Bedrock keys encode this host first. */
const BEDROCK_HOST_B64 = 'YmVkcm9jay5hbWF6b25hd3MuY29t';

/** The key formats Attest recognises, most specific first. */
export const PROVIDER_KEY_RULES: readonly ProviderKeyRule[] = [
  {
    id: 'openai_admin_key',
    keywords: ['sk-admin-'],
    provider: 'openai',
    description: 'OpenAI admin key (sk-admin-…T3BlbkFJ…)',
    pattern: rx('sk-admin-[A-Za-z0-9_-]{16,100}T3BlbkFJ[A-Za-z0-9_-]{16,100}'),
  },
  {
    id: 'openai_key',
    keywords: ['T3BlbkFJ'],
    provider: 'openai',
    description: 'OpenAI API key: legacy sk-, project sk-proj-, service account sk-svcacct- (marker T3BlbkFJ)',
    pattern: rx('sk-(?!admin-)[A-Za-z0-9_-]{16,120}T3BlbkFJ[A-Za-z0-9_-]{16,100}'),
  },
  {
    id: 'anthropic_admin_key',
    keywords: ['sk-ant-admin01-'],
    provider: 'anthropic',
    description: 'Anthropic admin key (sk-ant-admin01-, 93 chars, AA terminator)',
    pattern: rx('sk-ant-admin01-[A-Za-z0-9_-]{93}AA'),
  },
  {
    id: 'anthropic_key',
    keywords: ['sk-ant-api03-'],
    provider: 'anthropic',
    description: 'Anthropic API key (sk-ant-api03-, 93 chars, AA terminator)',
    pattern: rx('sk-ant-api03-[A-Za-z0-9_-]{93}AA'),
  },
  {
    id: 'anthropic_oauth_token',
    keywords: ['sk-ant-oat01-', 'sk-ant-ort01-'],
    provider: 'anthropic',
    description: 'Anthropic OAuth access/refresh token (sk-ant-oat01- / sk-ant-ort01-)',
    pattern: rx('sk-ant-o[ar]t01-[A-Za-z0-9_-]{80,120}'),
  },
  {
    id: 'openrouter_key',
    keywords: ['sk-or-v1-'],
    provider: 'openrouter',
    description: 'OpenRouter key (sk-or-v1- + 64 hex)',
    pattern: rx('sk-or-v1-[a-f0-9]{64}'),
  },
  {
    id: 'langfuse_secret_key',
    keywords: ['sk-lf-'],
    provider: 'langfuse',
    description: 'Langfuse secret key (sk-lf- + UUID)',
    pattern: rx('sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
  },
  {
    id: 'deepseek_key',
    keywords: ['deepseek', 'DeepSeek', 'Deepseek', 'DEEPSEEK'],
    provider: 'deepseek',
    description: 'DeepSeek key (sk- + 32 hex), only with a deepseek context',
    pattern: rx('sk-[a-f0-9]{32}'),
    context: /deepseek/i,
    validate: (k) => looksRandomHex(k.slice(3)),
  },
  {
    id: 'google_api_key',
    keywords: ['AIza'],
    provider: 'google',
    description: 'Google API key (AIza + 35), used for Gemini',
    pattern: rx('AIza[A-Za-z0-9_-]{35}'),
    validate: (k) => distinctChars(k.slice(4)) >= 10,
  },
  {
    id: 'aws_access_key_id',
    keywords: ['AKIA', 'ASIA'],
    provider: 'aws',
    description: 'AWS access key id (AKIA/ASIA), used for Bedrock',
    pattern: rx('(?:AKIA|ASIA)[A-Z2-7]{16}'),
    validate: (k) => distinctChars(k.slice(4)) >= 6,
  },
  {
    id: 'aws_bedrock_key',
    keywords: ['ABSK', 'bedrock-api-key-'],
    provider: 'aws',
    description: 'AWS Bedrock API key, long-lived (ABSK…) or short-lived (bedrock-api-key-…)',
    pattern: new RegExp(
      `${B}(?:ABSK[A-Za-z0-9+/]{100,270}|bedrock-api-key-${BEDROCK_HOST_B64}[A-Za-z0-9+/]{20,2000})={0,2}(?![A-Za-z0-9+/=_-])`,
    ),
  },
  {
    id: 'huggingface_token',
    keywords: ['hf_'],
    provider: 'huggingface',
    description: 'Hugging Face user token (hf_ + 34)',
    pattern: rx('hf_[A-Za-z0-9]{34}'),
    validate: (k) => looksRandomBody(k.slice(3), 10),
  },
  {
    id: 'huggingface_org_token',
    keywords: ['api_org_'],
    provider: 'huggingface',
    description: 'Hugging Face organisation token (api_org_ + 34)',
    pattern: rx('api_org_[A-Za-z0-9]{34}'),
    validate: (k) => distinctChars(k.slice(8)) >= 10,
  },
  {
    id: 'groq_key',
    keywords: ['gsk_'],
    provider: 'groq',
    description: 'Groq key (gsk_ + 52)',
    pattern: rx('gsk_[A-Za-z0-9]{52}'),
    validate: (k) => looksRandomBody(k.slice(4), 12),
  },
  {
    id: 'xai_key',
    keywords: ['xai-'],
    provider: 'xai',
    description: 'xAI key (xai- + 80)',
    pattern: rx('xai-[A-Za-z0-9_]{80}'),
    validate: (k) => looksRandomBody(k.slice(4), 12),
  },
  {
    id: 'replicate_token',
    keywords: ['r8_'],
    provider: 'replicate',
    description: 'Replicate API token (r8_ + ~37–40)',
    pattern: rx('r8_[A-Za-z0-9_-]{36,40}'),
    validate: (k) => looksRandomBody(k.slice(3), 10),
  },
  {
    id: 'perplexity_key',
    keywords: ['pplx-'],
    provider: 'perplexity',
    description: 'Perplexity key (pplx- + 48)',
    pattern: rx('pplx-[A-Za-z0-9]{48}'),
    validate: (k) => looksRandomBody(k.slice(5), 10),
  },
  {
    id: 'fireworks_key',
    keywords: ['fw_'],
    provider: 'fireworks',
    description: 'Fireworks key (fw_ + random alnum)',
    pattern: rx('fw_[A-Za-z0-9]{20,60}'),
    validate: (k) => looksRandomBody(k.slice(3), 10) && /[a-z]/.test(k.slice(3)) && /[A-Z]/.test(k.slice(3)),
  },
  {
    id: 'langsmith_key',
    keywords: ['lsv2_'],
    provider: 'langsmith',
    description: 'LangSmith key (lsv2_pt_ / lsv2_sk_ + 32 hex + _ + 10 hex)',
    pattern: rx('lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}'),
  },
  {
    id: 'nvidia_key',
    keywords: ['nvapi-'],
    provider: 'nvidia',
    description: 'NVIDIA NIM / build.nvidia.com key (nvapi- + 64)',
    pattern: rx('nvapi-[A-Za-z0-9_-]{64}'),
    validate: (k) => looksRandomBody(k.slice(6), 12),
  },
  {
    id: 'pinecone_key',
    keywords: ['pcsk_'],
    provider: 'pinecone',
    description: 'Pinecone key (pcsk_ + 5–6 + _ + 63)',
    pattern: rx('pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63}'),
  },
  {
    id: 'elevenlabs_key',
    keywords: ['sk_'],
    provider: 'elevenlabs',
    description: 'ElevenLabs key (sk_ + 48 hex)',
    pattern: rx('sk_[a-f0-9]{48}'),
    validate: (k) => looksRandomHex(k.slice(3)),
  },
  {
    id: 'azure_openai_key',
    keywords: ['azure', 'Azure', 'AZURE', 'cognitiveservices'],
    provider: 'azure-openai',
    description: 'Azure OpenAI key (32 hex), only next to an Azure OpenAI context',
    pattern: rx('[a-fA-F0-9]{32}'),
    context: /azure[_ .-]?openai|openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com/i,
    validate: looksRandomHex,
  },
  {
    id: 'mistral_key',
    keywords: ['mistral', 'Mistral', 'MISTRAL'],
    provider: 'mistral',
    description: 'Mistral key (32 alnum), only with a mistral context',
    pattern: rx('[A-Za-z0-9]{32}'),
    context: /mistral/i,
    validate: (k) => looksRandomBody(k, 12) && /[a-z]/.test(k) && /[A-Z]/.test(k),
  },
  {
    id: 'cohere_key',
    keywords: ['cohere', 'Cohere', 'COHERE', 'CO_API_KEY'],
    provider: 'cohere',
    description: 'Cohere key (40 alnum), only with a cohere / CO_API_KEY context',
    pattern: rx('[A-Za-z0-9]{40}'),
    context: /cohere|\bCO_API_KEY\b/i,
    validate: (k) => looksRandomBody(k, 12) && /[a-z]/.test(k) && /[A-Z]/.test(k),
  },
  {
    id: 'together_key',
    keywords: ['together', 'Together', 'TOGETHER'],
    provider: 'together',
    description: 'Together AI legacy key (64 hex), only with a together context',
    pattern: rx('[a-f0-9]{64}'),
    context: /together/i,
    validate: looksRandomHex,
  },
];

const BUILT_IN_RULES: ReadonlySet<ProviderKeyRule> = new Set(PROVIDER_KEY_RULES);

/**
 * A short, unusable prefix of a key for humans: at most 10 characters and never more than a
 * fifth of the key, then `…`.
 * @example redactKey('sk-proj-Abcd…(164 chars)') // 'sk-proj-Ab…'
 */
export function redactKey(key: string): string {
  const visible = Math.min(10, Math.floor(key.length / 5));
  return `${key.slice(0, visible)}…`;
}

/** The label guard and reports substitute for a key: `[REDACTED:openai_key]`. */
export function redactionLabel(ruleId: string): string {
  return `[REDACTED:${ruleId}]`;
}

export { isPlaceholderKey, isExampleContextPath } from './provider-key-placeholders.js';

/** One key found in a text. `value` is the raw key: callers must redact before storing it. */
export interface KeyMatch {
  readonly rule: ProviderKeyRule;
  readonly value: string;
  /** Offset of the key in the text. */
  readonly index: number;
  /** `redactKey(value)`. */
  readonly redacted: string;
}

/**
 * Every built-in key is a maximal run of these characters (the boundary class of the patterns,
 * plus `+`, `/` and `=` for base64 bodies and padding) and at least this long (AWS key ids: 20).
 */
export const MIN_KEY_LENGTH = 20;
const KEY_CHAR = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=') KEY_CHAR[c.charCodeAt(0)] = 1;
const isKeyChar = (c: number): boolean => c < 256 && KEY_CHAR[c] === 1;

/**
 * `[start, end)` pairs (flat) of the maximal runs of key characters at least `min` long. Probes
 * every `min`-th character: a probe outside the class rules out the `min` positions before it,
 * so prose and most code are read only around the probes. Linear in the worst case.
 */
export function keyRuns(text: string, min: number = MIN_KEY_LENGTH): number[] {
  const runs: number[] = [];
  const n = text.length;
  let floor = 0; // every position before `floor` is known not to start a long run
  for (let i = min - 1; i < n; ) {
    if (!isKeyChar(text.charCodeAt(i))) {
      floor = i + 1;
      i += min;
      continue;
    }
    let s = i;
    while (s > floor && isKeyChar(text.charCodeAt(s - 1))) s--;
    let e = i + 1;
    while (e < n && isKeyChar(text.charCodeAt(e))) e++;
    if (e - s >= min) runs.push(s, e);
    floor = e + 1;
    i = e + min;
  }
  return runs;
}

/**
 * `keyRuns(decoded).length > 0` without decoding: the same skip-scan over UTF-8 bytes (every byte
 * of a multi-byte character is >= 0x80, never a key character, so runs are the same).
 */
export function hasKeyRun(bytes: Uint8Array, min: number = MIN_KEY_LENGTH): boolean {
  const n = bytes.length;
  let floor = 0;
  for (let i = min - 1; i < n; ) {
    if (KEY_CHAR[bytes[i] as number] !== 1) {
      floor = i + 1;
      i += min;
      continue;
    }
    let s = i;
    while (s > floor && KEY_CHAR[bytes[s - 1] as number] === 1) s--;
    let e = i + 1;
    while (e < n && KEY_CHAR[bytes[e] as number] === 1) e++;
    if (e - s >= min) return true;
    floor = e + 1;
    i = e + min;
  }
  return false;
}

const GLOBAL_PATTERNS = new Map<string, RegExp>();
const KEYWORD_SCANNERS = new WeakMap<readonly ProviderKeyRule[], RegExp | null>();
/** By keyword set, so callers passing a fresh subset array per call still reuse compiled regexes. */
const KEYWORD_SCANNERS_BY_SET = new Map<string, RegExp | null>();

/** One global regex matching any rule's keyword (literal alternation, longest first). */
function keywordScanner(rules: readonly ProviderKeyRule[]): RegExp | null {
  let re = KEYWORD_SCANNERS.get(rules);
  if (re === undefined) {
    const words = [...new Set(rules.flatMap((r) => r.keywords ?? []))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const key = words.join('\u0000');
    re = KEYWORD_SCANNERS_BY_SET.get(key);
    if (re === undefined) {
      re = words.length === 0 ? null : new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), 'g');
      if (KEYWORD_SCANNERS_BY_SET.size >= 64) KEYWORD_SCANNERS_BY_SET.clear();
      KEYWORD_SCANNERS_BY_SET.set(key, re);
    }
    KEYWORD_SCANNERS.set(rules, re);
  }
  return re;
}

/** The keywords present in `text`, found in a single pass. */
function keywordsIn(text: string, rules: readonly ProviderKeyRule[]): Set<string> {
  const found = new Set<string>();
  const re = keywordScanner(rules);
  if (re === null) return found;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) found.add(m[0]);
  return found;
}
function globalPattern(rule: ProviderKeyRule): RegExp {
  let g = GLOBAL_PATTERNS.get(rule.id);
  if (g === undefined) {
    g = new RegExp(rule.pattern.source, 'g');
    GLOBAL_PATTERNS.set(rule.id, g);
  }
  return g;
}

function overlaps(claimed: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (claimed[i] === 1) return true;
  return false;
}

/** The text around a match a context-anchored rule looks at: same line, bounded both ways. */
function contextAround(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const from = Math.max(lineStart, start - CONTEXT_WINDOW);
  let to = text.indexOf('\n', end);
  if (to === -1 || to > end + 80) to = Math.min(text.length, end + 80);
  return text.slice(from, start) + ' ' + text.slice(end, to);
}

/**
 * Every provider key in `text` (one line or a whole file), most specific rule first; a span
 * claimed by one rule is not reported again by a broader one. Placeholders are not filtered
 * here: call {@link isPlaceholderKey} with the caller's path and line.
 * @example findProviderKeys('OPENAI_API_KEY=sk-proj-…').map((m) => m.rule.id) // ['openai_key']
 */
export function findProviderKeys(text: string, rules: readonly ProviderKeyRule[] = PROVIDER_KEY_RULES): KeyMatch[] {
  if (!rules.every((r) => BUILT_IN_RULES.has(r))) {
    const present = keywordsIn(text, rules);
    return findKeysIn(text, rules, [0, text.length], (rule) => rule.keywords === undefined || rule.keywords.some((k) => present.has(k)));
  }
  // Built-in keys are maximal runs of key characters at least MIN_KEY_LENGTH long (a test checks
  // every rule): find those runs first, with a skip-scan that reads a fraction of a prose file,
  // and run the rules only inside them. Same results as scanning the whole text.
  const runs = keyRuns(text, MIN_KEY_LENGTH);
  if (runs.length === 0) return [];
  const gate = new Map<ProviderKeyRule, boolean>();
  return findKeysIn(text, rules, runs, (rule) => {
    let open = gate.get(rule);
    if (open === undefined) {
      open = rule.keywords === undefined || rule.keywords.some((k) => text.includes(k));
      gate.set(rule, open);
    }
    return open;
  });
}

/**
 * Each rule's matches inside the `[start, end)` ranges (flat pairs, in order), as one scan of the
 * whole text would find them when no match crosses a range boundary. `open(rule)` (the keyword
 * gate) is asked only once the rule has a candidate, so absent rules cost one regex pass per range.
 */
function findKeysIn(text: string, rules: readonly ProviderKeyRule[], ranges: readonly number[], open: (rule: ProviderKeyRule) => boolean): KeyMatch[] {
  const out: KeyMatch[] = [];
  let claimed: Uint8Array | undefined; // 1 where a reported key sits
  const whole = ranges.length === 2 && ranges[0] === 0 && ranges[1] === text.length;
  for (const rule of rules) {
    const g = globalPattern(rule);
    let gate: boolean | undefined;
    for (let r = 0; r < ranges.length && gate !== false; r += 2) {
      const from = ranges[r] as number;
      const hay = whole ? text : text.slice(from, ranges[r + 1]);
      g.lastIndex = 0;
      for (let m = g.exec(hay); m !== null; m = g.exec(hay)) {
        gate ??= open(rule);
        if (!gate) break;
        const value = m[0];
        const start = from + m.index;
        const end = start + value.length;
        if (claimed !== undefined && overlaps(claimed, start, end)) continue;
        if (rule.context && !rule.context.test(contextAround(text, start, end))) continue;
        if (rule.validate && !rule.validate(value)) continue;
        claimed ??= new Uint8Array(text.length);
        claimed.fill(1, start, end);
        out.push({ rule, value, index: start, redacted: redactKey(value) });
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
