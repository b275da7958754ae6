/**
 * A cheap first pass: a file that contains none of these strings cannot produce a source
 * observation (every detector needs an AI import, a model id, or a provider host), so it is not
 * lexed at all. One case-sensitive regex alternation over the raw text (~200 MB/s), built from
 * the package, host and model signatures so it cannot drift from them.
 */
import { PACKAGE_SIGNATURES } from '../../../signatures/packages.js';
import { PROVIDER_HOSTS } from '../../../signatures/provider-hosts.js';

/** Model id stems (signatures/models.ts) as they can start a string literal. */
const MODEL_STEMS = [
  'gpt-', 'GPT-', 'chatgpt', 'claude', 'Claude', 'gemini', 'Gemini', 'gemma', 'llama', 'Llama', 'mistral', 'Mistral', 'mixtral',
  'codestral', 'ministral', 'pixtral', 'magistral', 'devstral', 'command-', 'embed-', 'rerank-', 'grok-', 'deepseek', 'qwen', 'Qwen',
  'qwq', 'phi3', 'phi4', 'text-embedding', 'whisper-1', 'tts-1', 'dall-e', 'nomic-embed', 'mxbai', 'all-minilm', 'all-MiniLM',
  'moondream', 'llava', 'starcoder', 'tinyllama', 'anthropic.', 'amazon.', 'meta.llama', 'cohere.', 'ai21.', 'stability.',
  '"o1', "'o1", '"o3', "'o3", '"o4', "'o4", '`o1', '`o3', '`o4', 'sentence-transformers', 'BAAI/', 'intfloat/', 'thenlper/',
];
/** Import forms too short to list as package names (`from 'ai'`). */
const EXTRA = ["'ai'", '"ai"', 'langchain_', 'llama_index', 'autogen_', 'bedrock', ':11434', 'attest'];

function importStems(): string[] {
  const out: string[] = [];
  for (const sig of PACKAGE_SIGNATURES) {
    out.push(sig.name.includes(':') ? (sig.name.split(':')[0] ?? sig.name) : sig.name);
    for (const imp of sig.imports ?? []) {
      if (sig.ecosystem === 'pypi') out.push(...imp.split('.').filter((seg) => seg.length >= 3 && seg !== 'google' && seg !== 'cloud' && seg !== 'azure'));
      else out.push(imp);
    }
  }
  // Family prefixes: @ai-sdk/, @langchain/, org.springframework.ai, dev.langchain4j, Microsoft.SemanticKernel …
  out.push('@ai-sdk/', '@langchain/', '@llamaindex/', '@mastra/', '@genkit-ai/', '@modelcontextprotocol/', 'org.springframework.ai', 'Microsoft.SemanticKernel');
  return out;
}

const escape = (s: string): string => s.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
const KEYWORDS = [...new Set([...importStems(), ...PROVIDER_HOSTS.map((h) => h.host.replace(/^-/, '')), ...MODEL_STEMS, ...EXTRA])].filter((k) => k.length >= 3);
const PREFILTER = new RegExp(KEYWORDS.map(escape).join('|'));

/** True when the file might hold an AI import, model id or provider endpoint. */
export function mightMentionAi(text: string): boolean {
  return PREFILTER.test(text);
}
