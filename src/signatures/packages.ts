/**
 * AI packages per ecosystem: provider SDKs, agent frameworks, MCP SDKs and vector-store clients,
 * with the names code uses to import them. Pure data plus lookups; facts from
 * shared/data/ai-signatures.md sections 1–4.
 */

export type PackageEcosystem = 'npm' | 'pypi' | 'go' | 'maven' | 'cargo' | 'nuget';
/** What a package is for; `mcp` covers MCP SDKs and adapters. */
export type PackageCategory = 'llm' | 'agent' | 'mcp' | 'vector' | 'ml';
export type PackageComponentType = 'sdk' | 'framework' | 'vectorstore' | 'mcp-server';

export interface PackageSignature {
  readonly ecosystem: PackageEcosystem;
  /** Canonical name as the ecosystem spells it (`groupId:artifactId` for Maven). */
  readonly name: string;
  readonly type: PackageComponentType;
  readonly category: PackageCategory;
  readonly provider?: string;
  /** Python import modules, Java/Kotlin packages, C# namespaces or Go import paths that mean this package. */
  readonly imports?: readonly string[];
}

type Row = readonly [name: string, type: PackageComponentType, category: PackageCategory, provider: string | undefined, imports: readonly string[] | undefined];

const sdk = (name: string, provider: string, imports?: readonly string[]): Row => [name, 'sdk', 'llm', provider, imports];
const fw = (name: string, provider: string, imports?: readonly string[]): Row => [name, 'framework', 'agent', provider, imports];
const mcp = (name: string, imports?: readonly string[]): Row => [name, 'sdk', 'mcp', 'mcp', imports];
const vec = (name: string, provider: string, imports?: readonly string[]): Row => [name, 'vectorstore', 'vector', provider, imports];
const ml = (name: string, provider: string, imports?: readonly string[]): Row => [name, 'sdk', 'ml', provider, imports];

const NPM: readonly Row[] = [
  sdk('openai', 'openai'), sdk('@azure/openai', 'azure-openai'),
  sdk('@anthropic-ai/sdk', 'anthropic'), sdk('@anthropic-ai/bedrock-sdk', 'anthropic'), sdk('@anthropic-ai/vertex-sdk', 'anthropic'),
  sdk('@google/genai', 'google'), sdk('@google/generative-ai', 'google'),
  sdk('@google-cloud/vertexai', 'google-vertex'), sdk('@google-cloud/aiplatform', 'google-vertex'),
  sdk('@aws-sdk/client-bedrock-runtime', 'aws-bedrock'), sdk('@aws-sdk/client-bedrock-agent-runtime', 'aws-bedrock'),
  sdk('@aws-sdk/client-bedrock', 'aws-bedrock'),
  sdk('@mistralai/mistralai', 'mistral'), sdk('cohere-ai', 'cohere'), sdk('groq-sdk', 'groq'), sdk('together-ai', 'together'),
  sdk('replicate', 'replicate'), sdk('@huggingface/inference', 'huggingface'), sdk('@huggingface/hub', 'huggingface'),
  ml('@huggingface/transformers', 'huggingface'), ml('@xenova/transformers', 'huggingface'),
  sdk('@cerebras/cerebras_cloud_sdk', 'cerebras'), sdk('ollama', 'ollama'), sdk('ollama-ai-provider', 'ollama'),
  sdk('ollama-ai-provider-v2', 'ollama'), sdk('@openrouter/ai-sdk-provider', 'openrouter'),
  fw('ai', 'vercel'), fw('langchain', 'langchain'), fw('llamaindex', 'llamaindex'), fw('mastra', 'mastra'),
  fw('genkit', 'google'), fw('@openai/agents', 'openai'), fw('@openai/agents-core', 'openai'), fw('@openai/agents-openai', 'openai'),
  fw('@google/adk', 'google'), fw('@anthropic-ai/claude-agent-sdk', 'anthropic'),
  mcp('@modelcontextprotocol/sdk'), mcp('@modelcontextprotocol/server'), mcp('@modelcontextprotocol/client'),
  mcp('@modelcontextprotocol/ext-apps'), mcp('fastmcp'), mcp('mcp-handler'), mcp('@vercel/mcp-adapter'),
  vec('chromadb', 'chroma'), vec('@qdrant/js-client-rest', 'qdrant'), vec('weaviate-client', 'weaviate'),
  vec('weaviate-ts-client', 'weaviate'), vec('@zilliz/milvus2-sdk-node', 'milvus'), vec('pgvector', 'pgvector'),
  vec('@pinecone-database/pinecone', 'pinecone'), vec('@lancedb/lancedb', 'lancedb'), vec('vectordb', 'lancedb'),
  vec('@upstash/vector', 'upstash'), vec('@datastax/astra-db-ts', 'astra'),
];

const PYPI: readonly Row[] = [
  sdk('openai', 'openai', ['openai']), sdk('azure-ai-inference', 'azure-openai', ['azure.ai.inference']),
  sdk('azure-ai-projects', 'azure-openai', ['azure.ai.projects']), sdk('anthropic', 'anthropic', ['anthropic']),
  sdk('google-genai', 'google', ['google.genai']), sdk('google-generativeai', 'google', ['google.generativeai']),
  sdk('google-cloud-aiplatform', 'google-vertex', ['vertexai', 'google.cloud.aiplatform']), sdk('vertexai', 'google-vertex'),
  sdk('mistralai', 'mistral', ['mistralai']), sdk('cohere', 'cohere', ['cohere']), sdk('groq', 'groq', ['groq']),
  sdk('together', 'together', ['together']), sdk('replicate', 'replicate', ['replicate']),
  sdk('huggingface-hub', 'huggingface', ['huggingface_hub']), ml('transformers', 'huggingface', ['transformers']),
  ml('sentence-transformers', 'huggingface', ['sentence_transformers']), ml('diffusers', 'huggingface', ['diffusers']),
  sdk('text-generation', 'huggingface', ['text_generation']), sdk('xai-sdk', 'xai', ['xai_sdk']),
  sdk('cerebras-cloud-sdk', 'cerebras', ['cerebras.cloud.sdk']), sdk('fireworks-ai', 'fireworks', ['fireworks']),
  sdk('ollama', 'ollama', ['ollama']), sdk('litellm', 'litellm', ['litellm']),
  fw('langchain', 'langchain', ['langchain']), fw('langgraph', 'langchain', ['langgraph']), fw('langchainhub', 'langchain'),
  fw('llama-index', 'llamaindex', ['llama_index']), fw('llama-hub', 'llamaindex', ['llama_hub']),
  fw('crewai', 'crewai', ['crewai']), fw('crewai-tools', 'crewai', ['crewai_tools']),
  fw('pyautogen', 'autogen', ['autogen']), fw('autogen', 'autogen'), fw('ag2', 'autogen'),
  fw('agent-framework', 'microsoft', ['agent_framework']), fw('semantic-kernel', 'microsoft', ['semantic_kernel']),
  fw('haystack-ai', 'haystack', ['haystack']), fw('farm-haystack', 'haystack'), fw('smolagents', 'huggingface', ['smolagents']),
  fw('dspy', 'dspy', ['dspy']), fw('dspy-ai', 'dspy'), fw('pydantic-ai', 'pydantic', ['pydantic_ai']), fw('pydantic-ai-slim', 'pydantic'),
  fw('agno', 'agno', ['agno']), fw('phidata', 'agno', ['phi']), fw('strands-agents', 'aws', ['strands']),
  fw('strands-agents-tools', 'aws', ['strands_tools']), fw('claude-agent-sdk', 'anthropic', ['claude_agent_sdk']),
  fw('google-adk', 'google', ['google.adk']), fw('openai-agents', 'openai'),
  mcp('mcp', ['mcp']), mcp('mcp-types'), mcp('fastmcp', ['fastmcp']),
  vec('chromadb', 'chroma', ['chromadb']), vec('qdrant-client', 'qdrant', ['qdrant_client']), vec('weaviate-client', 'weaviate', ['weaviate']),
  vec('pymilvus', 'milvus', ['pymilvus']), vec('pgvector', 'pgvector', ['pgvector']), vec('redisvl', 'redis', ['redisvl']),
  vec('pinecone', 'pinecone', ['pinecone']), vec('pinecone-client', 'pinecone'), vec('lancedb', 'lancedb', ['lancedb']),
  vec('faiss-cpu', 'faiss', ['faiss']), vec('faiss-gpu', 'faiss'), vec('astrapy', 'astra', ['astrapy']),
];

const GO: readonly Row[] = [
  sdk('github.com/openai/openai-go', 'openai'), sdk('github.com/sashabaranov/go-openai', 'openai'),
  sdk('github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai', 'azure-openai'), sdk('github.com/anthropics/anthropic-sdk-go', 'anthropic'),
  sdk('google.golang.org/genai', 'google'), sdk('github.com/google/generative-ai-go', 'google'),
  sdk('cloud.google.com/go/vertexai', 'google-vertex'), sdk('cloud.google.com/go/aiplatform', 'google-vertex'),
  sdk('github.com/aws/aws-sdk-go-v2/service/bedrockruntime', 'aws-bedrock'),
  sdk('github.com/aws/aws-sdk-go-v2/service/bedrockagentruntime', 'aws-bedrock'),
  sdk('github.com/cohere-ai/cohere-go', 'cohere'), sdk('github.com/replicate/replicate-go', 'replicate'),
  sdk('github.com/ollama/ollama', 'ollama'),
  fw('github.com/tmc/langchaingo', 'langchain'), fw('github.com/cloudwego/eino', 'eino'), fw('github.com/firebase/genkit/go', 'google'),
  fw('google.golang.org/adk', 'google'),
  mcp('github.com/modelcontextprotocol/go-sdk'), mcp('github.com/mark3labs/mcp-go'), mcp('github.com/metoro-io/mcp-golang'),
  vec('github.com/qdrant/go-client', 'qdrant'), vec('github.com/weaviate/weaviate-go-client', 'weaviate'),
  vec('github.com/pgvector/pgvector-go', 'pgvector'), vec('github.com/milvus-io/milvus-sdk-go', 'milvus'),
  vec('github.com/pinecone-io/go-pinecone', 'pinecone'),
];

const MAVEN: readonly Row[] = [
  sdk('com.openai:openai-java', 'openai', ['com.openai']), sdk('com.theokanning.openai-gpt3-java:service', 'openai', ['com.theokanning.openai']),
  sdk('com.theokanning.openai-gpt3-java:api', 'openai'), sdk('com.theokanning.openai-gpt3-java:client', 'openai'),
  sdk('com.azure:azure-ai-openai', 'azure-openai', ['com.azure.ai.openai']), sdk('com.anthropic:anthropic-java', 'anthropic', ['com.anthropic']),
  sdk('com.google.genai:google-genai', 'google', ['com.google.genai']),
  sdk('com.google.cloud:google-cloud-vertexai', 'google-vertex', ['com.google.cloud.vertexai']),
  sdk('com.google.cloud:google-cloud-aiplatform', 'google-vertex', ['com.google.cloud.aiplatform']),
  sdk('software.amazon.awssdk:bedrockruntime', 'aws-bedrock', ['software.amazon.awssdk.services.bedrockruntime']),
  sdk('software.amazon.awssdk:bedrockagentruntime', 'aws-bedrock', ['software.amazon.awssdk.services.bedrockagentruntime']),
  sdk('com.cohere:cohere-java', 'cohere', ['com.cohere']), sdk('io.github.ollama4j:ollama4j', 'ollama', ['io.github.ollama4j']),
  fw('dev.langchain4j:langchain4j', 'langchain4j', ['dev.langchain4j']), fw('org.springframework.ai:spring-ai-core', 'spring-ai', ['org.springframework.ai']),
  fw('com.google.adk:google-adk', 'google', ['com.google.adk']),
  fw('com.microsoft.semantic-kernel:semantickernel-api', 'microsoft', ['com.microsoft.semantickernel']),
  mcp('io.modelcontextprotocol.sdk:mcp', ['io.modelcontextprotocol']), mcp('io.modelcontextprotocol:kotlin-sdk'),
  vec('io.qdrant:client', 'qdrant', ['io.qdrant.client']), vec('io.milvus:milvus-sdk-java', 'milvus', ['io.milvus']),
  vec('com.pgvector:pgvector', 'pgvector', ['com.pgvector']),
];

const CARGO: readonly Row[] = [
  sdk('async-openai', 'openai'), sdk('aws-sdk-bedrockruntime', 'aws-bedrock'), sdk('mistralai-client', 'mistral'),
  sdk('hf-hub', 'huggingface'), sdk('ollama-rs', 'ollama'), fw('genai', 'multi'), fw('rig-core', 'multi'), fw('llm', 'multi'),
  mcp('rmcp'), vec('qdrant-client', 'qdrant'), ml('candle-core', 'huggingface'), ml('candle-transformers', 'huggingface'),
];

const NUGET: readonly Row[] = [
  sdk('OpenAI', 'openai', ['OpenAI']), sdk('Azure.AI.OpenAI', 'azure-openai', ['Azure.AI.OpenAI']),
  sdk('Azure.AI.Inference', 'azure-openai', ['Azure.AI.Inference']), sdk('Anthropic', 'anthropic', ['Anthropic']),
  sdk('Anthropic.SDK', 'anthropic', ['Anthropic.SDK']), sdk('Google_GenerativeAI', 'google', ['GenerativeAI']),
  sdk('Mscc.GenerativeAI', 'google', ['Mscc.GenerativeAI']), sdk('OllamaSharp', 'ollama', ['OllamaSharp']),
  fw('Microsoft.Extensions.AI', 'microsoft', ['Microsoft.Extensions.AI']), fw('Microsoft.SemanticKernel', 'microsoft', ['Microsoft.SemanticKernel']),
  fw('Microsoft.Agents.AI', 'microsoft', ['Microsoft.Agents.AI']), fw('Microsoft.AutoGen.Core', 'autogen', ['Microsoft.AutoGen']),
  mcp('ModelContextProtocol', ['ModelContextProtocol']), mcp('ModelContextProtocol.AspNetCore'),
];

/** A family of packages sharing a prefix (`@ai-sdk/*`, `langchain-*`, `org.springframework.ai:*` …). */
interface Family {
  readonly ecosystem: PackageEcosystem;
  readonly prefix: string;
  readonly type: PackageComponentType;
  readonly category: PackageCategory;
  readonly provider: string;
}
const FAMILIES: readonly Family[] = [
  { ecosystem: 'npm', prefix: '@ai-sdk/', type: 'sdk', category: 'llm', provider: 'vercel' },
  { ecosystem: 'npm', prefix: '@langchain/', type: 'framework', category: 'agent', provider: 'langchain' },
  { ecosystem: 'npm', prefix: '@llamaindex/', type: 'framework', category: 'agent', provider: 'llamaindex' },
  { ecosystem: 'npm', prefix: '@mastra/', type: 'framework', category: 'agent', provider: 'mastra' },
  { ecosystem: 'npm', prefix: '@genkit-ai/', type: 'framework', category: 'agent', provider: 'google' },
  { ecosystem: 'npm', prefix: '@modelcontextprotocol/server-', type: 'mcp-server', category: 'mcp', provider: 'mcp' },
  { ecosystem: 'pypi', prefix: 'langchain-', type: 'framework', category: 'agent', provider: 'langchain' },
  { ecosystem: 'pypi', prefix: 'langgraph-', type: 'framework', category: 'agent', provider: 'langchain' },
  { ecosystem: 'pypi', prefix: 'llama-index-', type: 'framework', category: 'agent', provider: 'llamaindex' },
  { ecosystem: 'pypi', prefix: 'autogen-', type: 'framework', category: 'agent', provider: 'autogen' },
  { ecosystem: 'pypi', prefix: 'mcp-server-', type: 'mcp-server', category: 'mcp', provider: 'mcp' },
  { ecosystem: 'maven', prefix: 'org.springframework.ai:', type: 'framework', category: 'agent', provider: 'spring-ai' },
  { ecosystem: 'maven', prefix: 'dev.langchain4j:', type: 'framework', category: 'agent', provider: 'langchain4j' },
  { ecosystem: 'maven', prefix: 'com.microsoft.semantic-kernel:', type: 'framework', category: 'agent', provider: 'microsoft' },
  { ecosystem: 'nuget', prefix: 'microsoft.semantickernel.', type: 'framework', category: 'agent', provider: 'microsoft' },
  { ecosystem: 'nuget', prefix: 'microsoft.autogen.', type: 'framework', category: 'agent', provider: 'autogen' },
  { ecosystem: 'nuget', prefix: 'microsoft.agents.ai.', type: 'framework', category: 'agent', provider: 'microsoft' },
  { ecosystem: 'nuget', prefix: 'microsoft.extensions.ai.', type: 'framework', category: 'agent', provider: 'microsoft' },
  { ecosystem: 'cargo', prefix: 'candle-', type: 'sdk', category: 'ml', provider: 'huggingface' },
];

/** Provider tokens that may end a family member's name (`langchain-openai`, `@ai-sdk/anthropic` …). */
const PROVIDER_TOKENS: Readonly<Record<string, string>> = {
  openai: 'openai', 'open-ai': 'openai', anthropic: 'anthropic', google: 'google', 'google-genai': 'google', gemini: 'google',
  'google-vertex': 'google-vertex', vertexai: 'google-vertex', 'vertex-ai': 'google-vertex', 'google-vertexai': 'google-vertex',
  'amazon-bedrock': 'aws-bedrock', bedrock: 'aws-bedrock', aws: 'aws-bedrock', azure: 'azure-openai', 'azure-openai': 'azure-openai',
  mistral: 'mistral', mistralai: 'mistral', 'mistral-ai': 'mistral', groq: 'groq', cohere: 'cohere', ollama: 'ollama', xai: 'xai',
  deepseek: 'deepseek', together: 'together', togetherai: 'together', fireworks: 'fireworks', perplexity: 'perplexity',
  huggingface: 'huggingface', 'hugging-face': 'huggingface', gateway: 'vercel',
};
/** Vector-store tokens: a family member naming one of these is a vector-store client. */
const VECTOR_TOKENS: readonly string[] = [
  'chroma', 'qdrant', 'pinecone', 'weaviate', 'milvus', 'pgvector', 'redis', 'elasticsearch', 'opensearch', 'lancedb', 'faiss', 'mongodb',
];
const MCP_TOKENS: readonly string[] = ['mcp', 'mcp-adapters', 'mcp-server', 'mcp-client'];

/** PEP 503 normalisation, also used for Cargo (`-`/`_` equivalent) and NuGet (case-insensitive). */
export function normalisePackageName(ecosystem: PackageEcosystem, name: string): string {
  const trimmed = name.trim();
  switch (ecosystem) {
    case 'pypi':
      return trimmed.toLowerCase().replace(/[-_.]+/g, '-');
    case 'cargo':
      return trimmed.toLowerCase().replace(/_/g, '-');
    case 'nuget':
      return trimmed.toLowerCase();
    case 'npm':
    case 'go':
    case 'maven':
      return trimmed;
  }
}

const TABLES: Readonly<Record<PackageEcosystem, readonly Row[]>> = { npm: NPM, pypi: PYPI, go: GO, maven: MAVEN, cargo: CARGO, nuget: NUGET };

function toSignature(ecosystem: PackageEcosystem, row: Row): PackageSignature {
  const [name, type, category, provider, imports] = row;
  return { ecosystem, name, type, category, ...(provider ? { provider } : {}), ...(imports ? { imports } : {}) };
}

/** Every exact-name signature, for documentation and tests. */
export const PACKAGE_SIGNATURES: readonly PackageSignature[] = (Object.keys(TABLES) as PackageEcosystem[]).flatMap((eco) =>
  TABLES[eco].map((row) => toSignature(eco, row)),
);

const EXACT = new Map<string, PackageSignature>();
for (const sig of PACKAGE_SIGNATURES) EXACT.set(`${sig.ecosystem}\u0000${normalisePackageName(sig.ecosystem, sig.name)}`, sig);

function familyMember(ecosystem: PackageEcosystem, name: string, family: Family): PackageSignature {
  const tail = name.slice(family.prefix.length).toLowerCase();
  const tokens = tail.split(/[-_.:/]/);
  const vector = VECTOR_TOKENS.find((t) => tail.includes(t));
  if (family.type === 'mcp-server') return { ecosystem, name, type: 'mcp-server', category: 'mcp', provider: 'mcp' };
  if (vector || tail.includes('vector-store')) {
    return { ecosystem, name, type: 'vectorstore', category: 'vector', provider: vector ?? family.provider };
  }
  if (MCP_TOKENS.includes(tail) || tokens.includes('mcp')) return { ecosystem, name, type: family.type, category: 'mcp', provider: family.provider };
  let provider: string | undefined;
  // Longest suffix first: `google-vertex` before `google`.
  for (let i = 0; i < tokens.length && !provider; i++) provider = PROVIDER_TOKENS[tokens.slice(i).join('-')];
  for (let i = tokens.length - 1; i >= 0 && !provider; i--) provider = PROVIDER_TOKENS[tokens[i] ?? ''];
  return { ecosystem, name, type: family.type, category: family.category, provider: provider ?? family.provider };
}

/**
 * Look a declared package up. Returns the signature with `name` in canonical form, or undefined.
 * @example findPackage('pypi', 'Google_GenAI') // { name: 'google-genai', type: 'sdk', provider: 'google', … }
 */
export function findPackage(ecosystem: PackageEcosystem, name: string): PackageSignature | undefined {
  const norm = normalisePackageName(ecosystem, name);
  const exact = EXACT.get(`${ecosystem}\u0000${norm}`);
  if (exact) return exact;
  if (ecosystem === 'go') return findGoModule(norm);
  for (const family of FAMILIES) {
    if (family.ecosystem !== ecosystem) continue;
    const prefix = ecosystem === 'nuget' ? family.prefix.toLowerCase() : family.prefix;
    if (norm.startsWith(prefix) && norm.length > prefix.length) {
      return familyMember(ecosystem, ecosystem === 'pypi' || ecosystem === 'cargo' ? norm : name.trim(), family);
    }
  }
  return undefined;
}

/** Go modules match on the path or any sub-path (`…/openai-go/v2`, `…/ollama/api`). */
function findGoModule(path: string): PackageSignature | undefined {
  for (const row of GO) {
    const name = row[0];
    if (path === name || path.startsWith(`${name}/`)) return toSignature('go', row);
  }
  return undefined;
}

/** A Go import path (`github.com/openai/openai-go/option`) → its module's signature. */
export function findGoImport(importPath: string): PackageSignature | undefined {
  return findGoModule(importPath.trim());
}

/** An npm import specifier (`openai/resources`, `@ai-sdk/openai`) → signature. Relative paths and `node:` builtins never match. */
export function findNpmImport(specifier: string): PackageSignature | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.includes(':')) return undefined;
  const parts = specifier.split('/');
  const pkg = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  return findPackage('npm', pkg);
}

function buildImportIndex(ecosystem: PackageEcosystem): Map<string, PackageSignature> {
  const map = new Map<string, PackageSignature>();
  for (const row of TABLES[ecosystem]) {
    for (const imp of row[4] ?? []) if (!map.has(imp)) map.set(ecosystem === 'nuget' ? imp.toLowerCase() : imp, toSignature(ecosystem, row));
  }
  return map;
}
const PY_IMPORTS = buildImportIndex('pypi');
const JAVA_IMPORTS = buildImportIndex('maven');
const NUGET_IMPORTS = buildImportIndex('nuget');

/** Longest dotted prefix of `qualified` present in `index`. */
function longestDotted(index: Map<string, PackageSignature>, qualified: string): PackageSignature | undefined {
  let candidate = qualified;
  for (;;) {
    const hit = index.get(candidate);
    if (hit) return hit;
    const dot = candidate.lastIndexOf('.');
    if (dot <= 0) return undefined;
    candidate = candidate.slice(0, dot);
  }
}

/** Names `openai-agents` exports; `import agents` alone is too common a module name to trust. */
const OPENAI_AGENTS_NAMES = new Set(['Agent', 'Runner', 'function_tool', 'handoff', 'RunContextWrapper', 'ModelSettings', 'WebSearchTool']);

/**
 * A Python module (`google.genai`, `langchain_openai`, `llama_index.llms.openai`) → distribution signature.
 * `importedNames` are the names of a `from X import a, b` statement (used for the ambiguous `agents`).
 */
export function findPythonImport(module: string, importedNames: readonly string[] = []): PackageSignature | undefined {
  const mod = module.trim();
  const direct = longestDotted(PY_IMPORTS, mod);
  if (direct) return direct;
  const top = mod.split('.')[0] ?? '';
  if (top === 'agents') {
    return importedNames.some((n) => OPENAI_AGENTS_NAMES.has(n)) ? findPackage('pypi', 'openai-agents') : undefined;
  }
  if (top === 'google' && mod.startsWith('google.adk')) return findPackage('pypi', 'google-adk');
  // Family members import as the distribution name with `_`: langchain_openai, llama_index.llms.openai.
  if (/^(langchain|langgraph|autogen)_[a-z0-9_]{1,40}$/.test(top)) return findPackage('pypi', top.replace(/_/g, '-'));
  return undefined;
}

/** A Java/Kotlin import (`dev.langchain4j.model.openai.OpenAiChatModel`) → Maven signature. */
export function findJavaImport(qualified: string): PackageSignature | undefined {
  return longestDotted(JAVA_IMPORTS, qualified.trim());
}

/** A C# `using` namespace (`Azure.AI.OpenAI`, `Microsoft.SemanticKernel.Agents`) → NuGet signature. */
export function findNugetNamespace(namespace: string): PackageSignature | undefined {
  return longestDotted(NUGET_IMPORTS, namespace.trim().toLowerCase());
}
