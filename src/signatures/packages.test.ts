import { describe, expect, it } from 'vitest';
import { PACKAGE_SIGNATURES, findGoImport, findJavaImport, findNpmImport, findNugetNamespace, findPackage, findPythonImport } from './packages.js';

describe('findPackage', () => {
  it.each([
    ['npm', 'openai', 'sdk', 'openai'],
    ['npm', '@ai-sdk/google-vertex', 'sdk', 'google-vertex'],
    ['npm', '@langchain/anthropic', 'framework', 'anthropic'],
    ['npm', '@langchain/qdrant', 'vectorstore', 'qdrant'],
    ['npm', '@langchain/mcp-adapters', 'framework', 'langchain'],
    ['npm', '@modelcontextprotocol/server-filesystem', 'mcp-server', 'mcp'],
    ['pypi', 'Google_GenAI', 'sdk', 'google'],
    ['pypi', 'langchain-google-genai', 'framework', 'google'],
    ['pypi', 'llama-index-vector-stores-pinecone', 'vectorstore', 'pinecone'],
    ['pypi', 'faiss-cpu', 'vectorstore', 'faiss'],
    ['go', 'github.com/openai/openai-go/v2', 'sdk', 'openai'],
    ['maven', 'org.springframework.ai:spring-ai-starter-model-anthropic', 'framework', 'anthropic'],
    ['maven', 'dev.langchain4j:langchain4j-open-ai', 'framework', 'openai'],
    ['cargo', 'async_openai', 'sdk', 'openai'],
    ['nuget', 'azure.ai.openai', 'sdk', 'azure-openai'],
    ['nuget', 'Microsoft.SemanticKernel.Connectors.OpenAI', 'framework', 'openai'],
  ] as const)('%s %s', (eco, name, type, provider) => {
    expect(findPackage(eco, name)).toMatchObject({ type, provider });
  });

  it('reports the canonical ecosystem name', () => {
    expect(findPackage('pypi', 'Google_GenAI')?.name).toBe('google-genai');
    expect(findPackage('nuget', 'azure.ai.openai')?.name).toBe('Azure.AI.OpenAI');
  });

  it.each([
    ['npm', 'openai-whisper-cli-unrelated'],
    ['npm', 'openai-ext'],
    ['npm', '@ai-sdk'],
    ['npm', 'langchainify'],
    ['pypi', 'openai-whisper'],
    ['pypi', 'boto3'],
    ['pypi', 'langchain'.concat('x')],
    ['go', 'github.com/openai/openai-gopher'],
    ['maven', 'org.springframework.boot:spring-boot-starter-web'],
    ['nuget', 'Serilog'],
  ] as const)('look-alike %s %s is not AI', (eco, name) => {
    expect(findPackage(eco, name)).toBeUndefined();
  });

  it('every signature has a provider and a known type', () => {
    for (const s of PACKAGE_SIGNATURES) {
      expect(s.provider, s.name).toBeTruthy();
      expect(['sdk', 'framework', 'vectorstore', 'mcp-server']).toContain(s.type);
    }
  });
});

describe('import names', () => {
  it('Python import names differ from distribution names', () => {
    expect(findPythonImport('google.genai')?.name).toBe('google-genai');
    expect(findPythonImport('llama_index.core.agent')?.name).toBe('llama-index');
    expect(findPythonImport('langchain_openai')?.name).toBe('langchain-openai');
    expect(findPythonImport('qdrant_client.models')?.name).toBe('qdrant-client');
    expect(findPythonImport('mcp.server.fastmcp')?.name).toBe('mcp');
    expect(findPythonImport('google.adk.agents')?.name).toBe('google-adk');
    expect(findPythonImport('google.cloud.storage')).toBeUndefined();
  });

  it('`agents` is openai-agents only when it exports the SDK names', () => {
    expect(findPythonImport('agents', ['Agent', 'Runner'])?.name).toBe('openai-agents');
    expect(findPythonImport('agents', ['travel_agent'])).toBeUndefined();
  });

  it('npm specifiers, Go paths, Java packages and C# namespaces', () => {
    expect(findNpmImport('openai/resources/chat')?.name).toBe('openai');
    expect(findNpmImport('@modelcontextprotocol/sdk/server/mcp.js')?.name).toBe('@modelcontextprotocol/sdk');
    expect(findNpmImport('./openai')).toBeUndefined();
    expect(findNpmImport('node:child_process')).toBeUndefined();
    expect(findGoImport('github.com/mark3labs/mcp-go/server')?.name).toBe('github.com/mark3labs/mcp-go');
    expect(findJavaImport('com.openai.client.OpenAIClient')?.name).toBe('com.openai:openai-java');
    expect(findJavaImport('com.openaix.Foo')).toBeUndefined();
    expect(findNugetNamespace('Microsoft.SemanticKernel.Agents')?.name).toBe('Microsoft.SemanticKernel');
  });
});
