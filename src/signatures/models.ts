/**
 * Model identifier recognition and pinned-vs-floating classification (ai-signatures.md §10).
 * Scanning code, not one big regex: the id is split on `-`, `.`, `:` and checked part by part,
 * so the cost is linear in the (bounded) length of the string.
 */

export interface ModelMatch {
  /** The id with any gateway/provider prefix removed, otherwise as written. */
  readonly id: string;
  readonly provider: string;
  /** True when the id names a fixed snapshot/version; false for aliases that the provider re-points. */
  readonly pinned: boolean;
  /** Why it floats: `latest` (an explicit moving alias) or `alias` (no snapshot/date/tag). */
  readonly floating?: 'latest' | 'alias';
  /** Short or generic names (`mistral`, `o3`, `llama3`) that need a `model` key nearby to count. */
  readonly ambiguous: boolean;
  /** Vendor inside a cloud catalogue (Bedrock `anthropic.` ids); same as provider otherwise. */
  readonly vendor?: string;
}

const MAX_LEN = 120;

/** Gateway and framework prefixes (`openai/gpt-4o`, `anthropic:claude-…`, `ollama_chat/llama3`). */
const PREFIX_PROVIDERS: Readonly<Record<string, string>> = {
  openai: 'openai', anthropic: 'anthropic', google: 'google', 'google-gla': 'google', 'google-vertex': 'google-vertex',
  gemini: 'google', vertex_ai: 'google-vertex', bedrock: 'aws-bedrock', azure: 'azure-openai', mistral: 'mistral',
  mistralai: 'mistral', groq: 'groq', cohere: 'cohere', ollama: 'ollama', ollama_chat: 'ollama', together_ai: 'together',
  deepseek: 'deepseek', xai: 'xai', openrouter: 'openrouter', huggingface: 'huggingface', 'meta-llama': 'meta',
};

const isDigits = (s: string | undefined, n?: number): boolean =>
  s !== undefined && s.length > 0 && (n === undefined || s.length === n) && /^[0-9]+$/.test(s);
const isDate8 = (s: string | undefined): boolean => isDigits(s, 8) && (s ?? '').startsWith('20');

/** `…-2024-08-06` at the end of parts. */
function endsWithIsoDate(parts: readonly string[]): boolean {
  const n = parts.length;
  return n >= 3 && isDigits(parts[n - 3], 4) && isDigits(parts[n - 2], 2) && isDigits(parts[n - 1], 2);
}

function result(id: string, provider: string, pinned: boolean, ambiguous = false, vendor?: string): ModelMatch {
  const latest = /(^|[-:])latest$/.test(id.toLowerCase());
  const floating = pinned && !latest ? undefined : latest ? 'latest' : 'alias';
  return { id, provider, pinned: pinned && !latest, ambiguous, ...(floating ? { floating } : {}), ...(vendor ? { vendor } : {}) };
}

function openai(id: string, parts: readonly string[]): ModelMatch | undefined {
  const [a, b] = parts;
  if (a === 'gpt' && b !== undefined && /^(3\.5|4|4o|4\.1|4\.5|5|5\.1|5\.2|oss|image|realtime|audio)$/.test(b)) {
    // Old snapshots end in MMDD (gpt-4-0613, gpt-3.5-turbo-0125); new ones in an ISO date.
    const last = parts[parts.length - 1];
    const pinned = endsWithIsoDate(parts) || (parts.length > 2 && isDigits(last, 4)) || b === 'oss' || (b === 'image' && isDigits(last));
    return result(id, 'openai', pinned);
  }
  if (a === 'chatgpt' && b === '4o') return result(id, 'openai', false);
  if (a !== undefined && /^o[1-4]$/.test(a) && (parts.length === 1 || /^(mini|pro|preview|deep)$/.test(b ?? '') || endsWithIsoDate(parts))) {
    return result(id, 'openai', endsWithIsoDate(parts), parts.length === 1);
  }
  if (a === 'text' && b === 'embedding') return /^text-embedding-(3-small|3-large|ada-002)$/.test(id) ? result(id, 'openai', true) : undefined;
  if (/^(whisper-1|tts-1|tts-1-hd|dall-e-2|dall-e-3)$/.test(id)) return result(id, 'openai', true);
  return undefined;
}

function anthropic(id: string, parts: readonly string[]): ModelMatch | undefined {
  if (parts[0] !== 'claude' || parts.length < 3) return undefined;
  const known = /^(instant|2|3|3\.5|3\.7|haiku|sonnet|opus)$/.test(parts[1] ?? '');
  if (!known) return undefined;
  // Vertex: claude-3-5-sonnet-v2@20241022 ; direct API: …-20241022.
  const at = id.lastIndexOf('@');
  if (at > 0) return result(id, 'anthropic', isDate8(id.slice(at + 1)));
  return result(id, 'anthropic', parts.some((p) => isDate8(p)));
}

function google(id: string, parts: readonly string[]): ModelMatch | undefined {
  const [a, b] = parts;
  if (a === 'gemini') {
    if (b === 'embedding' || b === 'flash' || b === 'pro') return result(id, 'google', b === 'embedding' && isDigits(parts[2], 3));
    const version = Number.parseFloat(b ?? '');
    if (!Number.isFinite(version)) return undefined;
    const last = parts[parts.length - 1] ?? '';
    const numbered = isDigits(last, 3);
    const experimental = parts.includes('exp');
    const datedPreview = parts.includes('preview') && isDigits(last, 2) && isDigits(parts[parts.length - 2], 2);
    // From 2.5 on, a bare stable name is a fixed model; earlier bare names are auto-updated aliases.
    const pinned = !experimental && (numbered || datedPreview || (version >= 2.5 && !parts.includes('preview')));
    return result(id, 'google', pinned);
  }
  if (a === 'text' && b === 'embedding' && isDigits(parts[2], 3)) return result(id, 'google', true);
  return undefined;
}

function mistral(id: string, parts: readonly string[]): ModelMatch | undefined {
  const [a, b] = parts;
  const family =
    (a === 'mistral' && /^(small|medium|large|tiny|embed|saba|ocr|moderation)$/.test(b ?? '')) ||
    (a === 'open' && /^(mistral|mixtral|codestral)$/.test(b ?? '')) ||
    a === 'codestral' || a === 'ministral' || a === 'pixtral' || a === 'magistral' || a === 'devstral';
  if (!family || parts.length < 2) return undefined;
  const last = parts[parts.length - 1];
  return result(id, 'mistral', isDigits(last, 4) || (a === 'mistral' && b === 'embed' && parts.length === 2));
}

function cohere(id: string, parts: readonly string[]): ModelMatch | undefined {
  const [a] = parts;
  if (a === 'command' && parts.length >= 2) {
    const n = parts.length;
    return result(id, 'cohere', isDigits(parts[n - 1], 4) && isDigits(parts[n - 2], 2));
  }
  if ((a === 'embed' || a === 'rerank') && parts.length >= 3) return result(id, 'cohere', /^v[0-9]/.test(parts[parts.length - 1] ?? ''));
  return undefined;
}

function xai(id: string, parts: readonly string[]): ModelMatch | undefined {
  if (parts[0] !== 'grok' || !/^[1-9]$/.test(parts[1] ?? '')) return undefined;
  return result(id, 'xai', isDigits(parts[parts.length - 1], 4));
}

function deepseek(id: string): ModelMatch | undefined {
  if (id === 'deepseek-chat' || id === 'deepseek-reasoner') return result(id, 'deepseek', false);
  return undefined;
}

/** Ollama-style open-weight names: `llama3`, `llama3.1:8b`, `qwen2.5:7b-instruct-q4_K_M`, `mistral@sha256:…`. */
const OPEN_WEIGHT = /^(llama[23](\.[0-9])?|llama4|codellama|mistral|mixtral|mistral-nemo|qwen[23]?(\.[0-9])?|qwq|deepseek-r1|deepseek-v3|deepseek-coder|phi[34](\.[0-9])?|gemma[23]?|moondream|nomic-embed-text|mxbai-embed-large|all-minilm(-l[0-9]{1,2})?(-v[0-9])?|llava|starcoder2|tinyllama|gpt-oss)$/;

function openWeight(id: string): ModelMatch | undefined {
  const at = id.indexOf('@sha256:');
  if (at > 0) return OPEN_WEIGHT.test(id.slice(0, at)) ? result(id, 'ollama', true) : undefined;
  const colon = id.indexOf(':');
  const base = colon < 0 ? id : id.slice(0, colon);
  if (!OPEN_WEIGHT.test(base)) return undefined;
  const tag = colon < 0 ? '' : id.slice(colon + 1);
  if (colon >= 0 && !/^[a-z0-9][a-z0-9._-]{0,60}$/.test(tag)) return undefined;
  return result(id, 'ollama', tag !== '' && tag !== 'latest', colon < 0);
}

const BEDROCK_FAMILIES = /^(claude|titan|nova|llama|command|embed|rerank|mistral|mixtral|pixtral|jamba|j2|stable|sd3|deepseek|qwen|gpt-oss|palmyra)[0-9]{0,2}-/;

/** Bedrock catalogue ids: `anthropic.claude-…-v1:0`, inference profiles `us.anthropic.…`, `amazon.nova-pro-v1:0`. */
function bedrock(id: string): ModelMatch | undefined {
  const segs = id.split('.');
  let i = 0;
  if (segs.length >= 3 && /^(us|eu|apac|global|us-gov)$/.test(segs[0] ?? '')) i = 1;
  const vendor = segs[i];
  if (!vendor || !/^(anthropic|amazon|meta|cohere|mistral|ai21|stability|deepseek|qwen|openai|writer)$/.test(vendor)) return undefined;
  const rest = segs.slice(i + 1).join('.');
  if (!/^[a-z0-9][a-z0-9.:-]{2,100}$/.test(rest) || !BEDROCK_FAMILIES.test(rest)) return undefined;
  const pinned = /-v[0-9]{1,2}(:[0-9]{1,3})?$/.test(rest);
  return result(id, 'aws-bedrock', pinned, false, vendor);
}

function recogniseBare(id: string): ModelMatch | undefined {
  const lower = id.toLowerCase();
  const parts = lower.split('-');
  if (parts.length > 14 || parts.includes('')) return undefined;
  const m =
    openai(lower, parts) ?? anthropic(lower, parts) ?? google(lower, parts) ?? mistral(lower, parts) ?? cohere(lower, parts) ??
    xai(lower, parts) ?? deepseek(lower) ?? openWeight(lower) ?? bedrock(lower);
  // Matching is case-insensitive; the id stays as written.
  return m ? { ...m, id } : undefined;
}

/** Hugging Face orgs whose `org/name` repo ids name models (downloaded at run time; unpinned without `revision=`). */
const HF_ORGS = new Set([
  'meta-llama', 'mistralai', 'qwen', 'google', 'microsoft', 'sentence-transformers', 'baai', 'intfloat', 'deepseek-ai',
  'thebloke', 'nomic-ai', 'tiiuae', 'bigscience', 'huggingfaceh4', 'nousresearch', 'openai', 'thenlper', 'mixedbread-ai',
]);

/**
 * Recognise a string literal as a model id. The whole string must be the id (after an optional
 * `provider/` or `provider:` prefix); a longer text that merely contains one is not a model.
 * @example recogniseModel('gpt-4o') // { id: 'gpt-4o', provider: 'openai', pinned: false, floating: 'alias', … }
 * @example recogniseModel('claude-3-5-sonnet-20241022')?.pinned // true
 */
export function recogniseModel(raw: string): ModelMatch | undefined {
  const s = raw.trim();
  if (s.length < 2 || s.length > MAX_LEN || /\s/.test(s)) return undefined;
  const direct = recogniseBare(s);
  if (direct) return direct;
  const sep = s.search(/[/:]/);
  if (sep > 0) {
    const prefix = s.slice(0, sep).toLowerCase();
    const rest = s.slice(sep + 1);
    const provider = PREFIX_PROVIDERS[prefix];
    if (provider) {
      const inner = recogniseBare(rest) ?? (s[sep] === '/' ? recogniseHf(rest) : undefined);
      if (inner) {
        const keepProvider = provider === 'openrouter' || provider === 'azure-openai' || provider === 'aws-bedrock' || provider === 'google-vertex';
        return { ...inner, id: rest, ambiguous: false, provider: keepProvider || inner.provider === 'ollama' ? provider : inner.provider };
      }
    }
    if (s[sep] === '/' && HF_ORGS.has(prefix)) return recogniseHf(s);
  }
  return undefined;
}

function recogniseHf(s: string): ModelMatch | undefined {
  const slash = s.indexOf('/');
  if (slash <= 0 || s.indexOf('/', slash + 1) >= 0) return undefined;
  const repo = s.slice(slash + 1);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,95}$/.test(repo)) return undefined;
  return { id: s, provider: 'huggingface', pinned: false, floating: 'alias', ambiguous: true };
}
