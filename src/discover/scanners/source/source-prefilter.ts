/**
 * A cheap first pass: a file that contains none of these strings cannot produce a source
 * observation (every detector needs an AI import, a model id, or a provider host), so it is not
 * lexed at all. One case-sensitive Aho–Corasick pass over the raw text (`compileLiteralSet`, about
 * twice the speed of the equivalent regex alternation), built from the package, host and model
 * signatures so it cannot drift from them.
 */
import { compileLiteralSet } from '../../../core/literal-set.js';
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
    // Source imports name npm packages and Go modules in full; Maven/Cargo/PyPI names never appear in code as such.
    if (sig.ecosystem === 'npm' || sig.ecosystem === 'go') out.push(sig.name);
    for (const imp of sig.imports ?? []) {
      if (sig.ecosystem !== 'pypi') out.push(imp);
      else {
        // `from google import genai` holds `genai`, not `google.genai`; a short top module is matched with its dot.
        const parts = imp.split('.');
        const first = parts[0] ?? '';
        out.push(first === 'google' ? (parts[parts.length - 1] ?? imp) : first.length >= 4 ? first : `${first}.`);
      }
    }
  }
  // Family prefixes: @ai-sdk/, @langchain/, org.springframework.ai, dev.langchain4j, Microsoft.SemanticKernel …
  out.push('@ai-sdk/', '@langchain/', '@llamaindex/', '@mastra/', '@genkit-ai/', '@modelcontextprotocol/', 'org.springframework.ai', 'Microsoft.SemanticKernel');
  return out;
}

/**
 * Short stems that most keywords contain. A keyword containing a stem is dropped in favour of the
 * stem (the filter only ever gets wider), which keeps the alternation small and the scan fast.
 */
const STEMS = [
  'openai', 'OpenAI', 'anthropic', 'Anthropic', 'claude', 'gpt-', 'GPT-', 'gemini', 'genai', 'GenAI', 'generative', 'Generative',
  'vertex', 'aiplatform', 'bedrock', 'mistral', 'Mistral', 'cohere', 'groq', 'together', 'replicate', 'huggingface', 'transformers',
  'ollama', 'Ollama', 'litellm', 'langchain', 'langgraph', 'llama', 'Llama', 'crewai', 'autogen', 'AutoGen', 'SemanticKernel',
  'semantic', 'haystack', 'smolagents', 'dspy', 'pydantic', 'agno', 'strands', 'mcp', 'Mcp', 'modelcontextprotocol', 'chroma',
  'qdrant', 'weaviate', 'milvus', 'pgvector', 'pinecone', 'lancedb', 'faiss', 'redisvl', 'astra', 'upstash', 'cerebras', 'fireworks',
  'mastra', 'genkit', 'agents', 'azure', 'Azure', 'embed', 'rerank', 'deepseek', 'qwen', 'gemma', 'phi3', 'phi4', 'minilm', 'MiniLM',
  'perplexity', 'openrouter', 'nvidia', 'elevenlabs', 'assemblyai', 'deepgram', 'voyageai', 'jina.ai', 'stability', 'gateway',
  'portkey', 'helicone', 'langfuse', 'wandb', 'tavily', 'exa.ai', 'dashscope', 'moonshot', 'minimax', 'bigmodel', 'qianfan',
  'sambanova', 'deepinfra', 'x.ai', 'xai', 'adk', 'ai-sdk', 'Extensions.AI', 'Agents.AI', 'langchain4j', 'springframework.ai',
];

const KEYWORDS = [...new Set([...importStems(), ...PROVIDER_HOSTS.map((h) => h.host.replace(/^-/, '')), ...MODEL_STEMS, ...EXTRA])].filter((k) => k.length >= 3);
/** Stems in use plus every keyword no stem covers: matches at least whatever KEYWORDS match. */
export const PREFILTER_TERMS: readonly string[] = [
  ...new Set([...STEMS.filter((st) => KEYWORDS.some((k) => k.includes(st))), ...KEYWORDS.filter((k) => !STEMS.some((st) => k.includes(st)))]),
];
const PREFILTER = compileLiteralSet(PREFILTER_TERMS);

/** Every keyword the detectors depend on (for the test that the stem reduction loses none). */
export const PREFILTER_KEYWORDS: readonly string[] = KEYWORDS;

/** True when the file might hold an AI import, model id or provider endpoint. */
export function mightMentionAi(text: string): boolean {
  return PREFILTER.testString(text);
}

/** `mightMentionAi` on the UTF-8 bytes, before decoding (the terms are ASCII, so the answer is the same). */
export function mightMentionAiBytes(bytes: Uint8Array): boolean {
  return PREFILTER.test(bytes);
}
