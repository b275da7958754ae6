/**
 * AI provider API hostnames (signatures doc §7): what a proxy log, HAR file, DNS log or a URL in
 * code must name for a call to count as AI provider traffic. Consumer UIs (chatgpt.com,
 * claude.ai) are deliberately absent: they are not API endpoints.
 */

export type ProviderHostKind = 'llm-api' | 'gateway' | 'observability' | 'media' | 'search' | 'hub';

/** One host (exact) or host family (`suffix`, matched on a label boundary). */
export interface ProviderHost {
  /** Exact host, or the suffix after a dot when `suffix` is true (e.g. `openai.azure.com`). */
  readonly host: string;
  readonly provider: string;
  readonly kind: ProviderHostKind;
  readonly suffix?: boolean;
}

const llm = (provider: string, ...hosts: string[]): ProviderHost[] => hosts.map((host) => ({ host, provider, kind: 'llm-api' }));
const family = (provider: string, kind: ProviderHostKind, ...hosts: string[]): ProviderHost[] =>
  hosts.map((host) => ({ host, provider, kind, suffix: true }));
const of = (provider: string, kind: ProviderHostKind, ...hosts: string[]): ProviderHost[] => hosts.map((host) => ({ host, provider, kind }));

/** Known AI provider hosts. */
export const PROVIDER_HOSTS: readonly ProviderHost[] = [
  ...llm('openai', 'api.openai.com'),
  ...family('azure-openai', 'llm-api', 'openai.azure.com', 'cognitiveservices.azure.com', 'services.ai.azure.com'),
  ...llm('github-models', 'models.github.ai', 'models.inference.ai.azure.com'),
  ...llm('anthropic', 'api.anthropic.com'),
  ...llm('google', 'generativelanguage.googleapis.com', 'aiplatform.googleapis.com'),
  ...family('google', 'llm-api', '-aiplatform.googleapis.com'),
  ...llm('mistral', 'api.mistral.ai', 'codestral.mistral.ai'),
  ...llm('cohere', 'api.cohere.com', 'api.cohere.ai'),
  ...llm('groq', 'api.groq.com'),
  ...llm('together', 'api.together.xyz', 'api.together.ai'),
  ...llm('openrouter', 'openrouter.ai'),
  ...llm('deepseek', 'api.deepseek.com'),
  ...llm('xai', 'api.x.ai'),
  ...llm('perplexity', 'api.perplexity.ai'),
  ...llm('fireworks', 'api.fireworks.ai'),
  ...llm('replicate', 'api.replicate.com'),
  ...llm('huggingface', 'router.huggingface.co', 'api-inference.huggingface.co'),
  ...family('huggingface', 'llm-api', 'endpoints.huggingface.cloud'),
  ...of('huggingface', 'hub', 'huggingface.co'),
  ...llm('cerebras', 'api.cerebras.ai'),
  ...llm('sambanova', 'api.sambanova.ai'),
  ...llm('deepinfra', 'api.deepinfra.com'),
  ...llm('nvidia', 'integrate.api.nvidia.com'),
  ...llm('alibaba', 'dashscope.aliyuncs.com', 'dashscope-intl.aliyuncs.com'),
  ...llm('moonshot', 'api.moonshot.ai', 'api.moonshot.cn'),
  ...llm('zhipu', 'open.bigmodel.cn'),
  ...llm('minimax', 'api.minimax.io', 'api.minimaxi.com'),
  ...llm('baidu', 'qianfan.baidubce.com'),
  ...of('elevenlabs', 'media', 'api.elevenlabs.io'),
  ...of('assemblyai', 'media', 'api.assemblyai.com'),
  ...of('deepgram', 'media', 'api.deepgram.com'),
  ...of('voyage', 'media', 'api.voyageai.com'),
  ...of('jina', 'media', 'api.jina.ai'),
  ...of('stability', 'media', 'api.stability.ai'),
  ...of('vercel-ai-gateway', 'gateway', 'ai-gateway.vercel.sh'),
  ...of('cloudflare-ai-gateway', 'gateway', 'gateway.ai.cloudflare.com'),
  ...of('portkey', 'gateway', 'api.portkey.ai'),
  ...of('helicone', 'gateway', 'oai.helicone.ai'),
  ...of('langsmith', 'observability', 'api.smith.langchain.com'),
  ...of('langfuse', 'observability', 'cloud.langfuse.com', 'us.cloud.langfuse.com'),
  ...of('wandb', 'observability', 'api.wandb.ai'),
  ...of('github-copilot', 'llm-api', 'api.githubcopilot.com'),
  ...of('tavily', 'search', 'api.tavily.com'),
  ...of('exa', 'search', 'api.exa.ai'),
];

const EXACT = new Map<string, ProviderHost>();
const SUFFIXES: ProviderHost[] = [];
for (const h of PROVIDER_HOSTS) {
  if (h.suffix) SUFFIXES.push(h);
  else EXACT.set(h.host, h);
}

/** Lower-case, strip a port, brackets and a trailing dot. Returns '' for anything that is not a host. */
export function normalizeHost(raw: string): string {
  let h = raw.trim().toLowerCase();
  if (h.startsWith('[')) return ''; // IPv6 literal: never a provider host
  const colon = h.indexOf(':');
  if (colon !== -1) h = h.slice(0, colon);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

/**
 * The provider a hostname belongs to, or undefined. Suffix families match only on a label
 * boundary (`x.openai.azure.com` yes, `evilopenai.azure.com.attacker.net` no).
 * @example matchProviderHost('API.OpenAI.com:443')?.provider // 'openai'
 */
export function matchProviderHost(raw: string): ProviderHost | undefined {
  const host = normalizeHost(raw);
  if (host === '') return undefined;
  const exact = EXACT.get(host);
  if (exact) return exact;
  for (const s of SUFFIXES) {
    const suffix = s.host.startsWith('-') ? s.host : `.${s.host}`;
    if (host.length > suffix.length && host.endsWith(suffix)) return s;
  }
  return undefined;
}

/**
 * The host of a URL or `host[:port]` string, without needing a URL parser (log fields can be
 * `CONNECT host:443`, `https://host/path`, or a bare host).
 */
export function hostOf(urlOrHost: string): string {
  let s = urlOrHost.trim();
  const scheme = s.indexOf('://');
  if (scheme !== -1 && scheme < 12) s = s.slice(scheme + 3);
  const at = s.indexOf('@');
  const slash = s.indexOf('/');
  if (at !== -1 && (slash === -1 || at < slash)) s = s.slice(at + 1);
  const end = s.search(/[/?#\s]/);
  return normalizeHost(end === -1 ? s : s.slice(0, end));
}

/** Registrable domains (last two labels) of every provider host: a cheap pre-filter for text. */
export const PROVIDER_DOMAIN_HINTS: readonly string[] = [
  ...new Set(
    PROVIDER_HOSTS.map((h) => {
      const labels = h.host.replace(/^-/, '').split('.');
      return labels.slice(-2).join('.');
    }),
  ),
];

/** True when `text` might name a provider host (case-insensitive on the domain hints). */
export function mightMentionProviderHost(text: string): boolean {
  const lower = text.toLowerCase();
  return PROVIDER_DOMAIN_HINTS.some((d) => lower.includes(d));
}
