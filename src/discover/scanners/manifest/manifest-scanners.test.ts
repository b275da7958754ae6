import { describe, expect, it } from 'vitest';
import { fixtureFile, memoryFile } from '../../../../test/fixtures/scanner-support/memory-file-input.js';
import { AttestError } from '../../../core/errors.js';
import type { ComponentDraft, FileScanner } from '../../model.js';
import { manifestScanners } from './index.js';

function scannerFor(path: string): FileScanner {
  const found = manifestScanners.filter((s) => s.wants(path, 100));
  expect(found, `scanners for ${path}`).toHaveLength(1);
  return found[0] as FileScanner;
}

async function scan(root: string, rel: string): Promise<readonly ComponentDraft[]> {
  const file = fixtureFile(root, rel);
  return (await scannerFor(file.path).scan(file)).components ?? [];
}

/** `type name@version:line` — compact, and every part is asserted. */
const brief = (c: ComponentDraft): string => `${c.type} ${c.name}@${c.version ?? ''}:${c.evidence.line ?? '?'}`;

describe('npm manifests and lock files', () => {
  it('package.json: AI packages from every dependency section, with declared ranges and lines', async () => {
    const cs = await scan('manifest-npm', 'package.json');
    expect(cs.map(brief)).toEqual([
      'sdk @ai-sdk/openai@^1.3.22:11',
      'sdk @anthropic-ai/sdk@^0.52.0:12',
      'framework @langchain/core@^0.3.57:13',
      'sdk @modelcontextprotocol/sdk@1.12.1:14',
      'framework ai@^4.3.16:15',
      'vectorstore chromadb@^1.10.5:16',
      'sdk openai@^4.103.0:18',
      'vectorstore @pinecone-database/pinecone@^6.0.1:27',
      'framework @langchain/openai@>=0.5.0:30',
    ]);
    const openai = cs.find((c) => c.name === 'openai');
    expect(openai).toMatchObject({ ecosystem: 'npm', provider: 'openai', properties: { category: 'llm', source: 'manifest' } });
    expect(openai?.evidence).toMatchObject({ path: 'package.json', scanner: 'manifest-npm-package-json', snippet: '"openai": "^4.103.0",' });
    expect(cs.find((c) => c.name === '@langchain/openai')?.provider).toBe('openai');
    expect(cs.find((c) => c.name === '@pinecone-database/pinecone')?.properties?.['scope']).toBe('optional');
  });

  it('package-lock v3 records resolved versions, nested copies included; v1 trees are walked', async () => {
    expect((await scan('manifest-npm', 'package-lock.json')).map(brief)).toEqual([
      'sdk @anthropic-ai/sdk@0.52.0:16',
      'sdk openai@4.103.0:27',
      'sdk openai@3.3.0:35',
    ]);
    expect((await scan('manifest-npm', 'lock-v1/package-lock.json')).map(brief)).toEqual([
      'sdk cohere-ai@7.9.5:7',
      'framework langchain@0.1.36:11',
      'sdk openai@4.28.0:15',
    ]);
  });

  it('pnpm-lock v9 and v6 package keys, peer suffixes stripped', async () => {
    expect((await scan('manifest-npm', 'pnpm-lock.yaml')).map(brief)).toEqual(['sdk @ai-sdk/anthropic@1.2.12:23', 'sdk groq-sdk@0.22.0:29']);
    expect((await scan('manifest-npm', 'pnpm-v6/pnpm-lock.yaml')).map(brief)).toEqual(['vectorstore @qdrant/js-client-rest@1.9.0:10']);
  });

  it('yarn.lock classic (multi-descriptor headers) and berry', async () => {
    expect((await scan('manifest-npm', 'yarn.lock')).map(brief)).toEqual(['sdk @google/generative-ai@0.24.1:5', 'sdk ollama@0.5.15:14']);
    expect((await scan('manifest-npm', 'yarn-berry/yarn.lock')).map(brief)).toEqual(['sdk @mistralai/mistralai@1.6.1:8']);
  });
});

describe('Python manifests and lock files', () => {
  it('requirements.txt: extras, markers, hashes, continuations, canonical names; -r/-e/comments are not packages', async () => {
    const cs = await scan('manifest-python', 'requirements.txt');
    expect(cs.map(brief)).toEqual([
      'sdk openai@>=1.82.0,<2:5',
      'sdk anthropic@==0.52.1:6',
      'framework langchain-openai@==0.3.18:7',
      'sdk google-genai@>=1.16.1:8',
      'framework llama-index-core@==0.12.37:9',
      'vectorstore qdrant-client@~=1.14.2:10',
    ]);
    expect(cs.find((c) => c.name === 'langchain-openai')?.provider).toBe('openai');
    expect((await scan('manifest-python', 'requirements-dev.txt')).map(brief)).toEqual(['framework crewai@==0.121.0:4']);
  });

  it('pyproject.toml: PEP 621, optional deps, PEP 735 groups and uv dev-dependencies', async () => {
    const cs = await scan('manifest-python', 'pyproject.toml');
    expect(cs.map(brief)).toEqual([
      'framework langgraph@>=0.4.5:11',
      'sdk mcp@>=1.9.1:12',
      'vectorstore chromadb@==1.0.10:14',
      'framework langchain-aws@>=0.2.24:18',
      'framework openai-agents@>=0.0.16:21',
      'sdk litellm@==1.71.1:25',
    ]);
    expect(cs.find((c) => c.name === 'langchain-aws')).toMatchObject({ provider: 'aws-bedrock', properties: { scope: 'bedrock' } });
  });

  it('Poetry pyproject, Pipfile, poetry.lock and uv.lock', async () => {
    expect((await scan('manifest-python', 'poetry/pyproject.toml')).map(brief)).toEqual([
      'sdk cohere@^5.15.0:9',
      'framework llama-index@^0.12.37:10',
      'vectorstore pinecone@^6.0.2:15',
    ]);
    expect((await scan('manifest-python', 'pipenv/Pipfile')).map(brief)).toEqual([
      'sdk groq@==0.25.0:7',
      'vectorstore weaviate-client@>=4.14:9',
      'sdk transformers@*:12',
    ]);
    expect((await scan('manifest-python', 'poetry/poetry.lock')).map(brief)).toEqual(['sdk cohere@5.15.0:4', 'framework llama-index@0.12.37:23']);
    const uv = await scan('manifest-python', 'uv/uv.lock');
    expect(uv.map(brief)).toEqual(['framework langgraph@0.4.7:15', 'sdk mcp@1.9.2:21']);
    expect(uv[0]?.properties?.['source']).toBe('lockfile');
  });
});

describe('Go, Java, Rust and .NET manifests', () => {
  it('go.mod: single require and block, indirect scope, replace ignored', async () => {
    const cs = await scan('manifest-go', 'go.mod');
    expect(cs.map(brief)).toEqual([
      'sdk github.com/openai/openai-go@v1.1.0:7',
      'sdk github.com/anthropics/anthropic-sdk-go@v1.2.2:10',
      'sdk github.com/mark3labs/mcp-go@v0.31.0:12',
      'framework github.com/tmc/langchaingo@v0.1.13:13',
      'sdk google.golang.org/genai@v1.9.0:14',
    ]);
    expect(cs[3]?.properties?.['scope']).toBe('indirect');
  });

  it('pom.xml: property versions resolved, BOM in dependencyManagement, comments ignored', async () => {
    const cs = await scan('manifest-java', 'pom.xml');
    expect(cs.map(brief)).toEqual([
      'vectorstore org.springframework.ai:spring-ai-starter-vector-store-pgvector@:36',
      'sdk com.openai:openai-java@2.2.0:40',
      'framework dev.langchain4j:langchain4j-open-ai@1.0.1:45',
      'framework org.springframework.ai:spring-ai-bom@1.0.0:20',
    ]);
    expect(cs[0]?.provider).toBe('pgvector');
    expect(cs[2]).toMatchObject({ provider: 'openai', properties: { scope: 'test' } });
    expect(cs[3]?.properties?.['scope']).toBe('managed');
  });

  it('Gradle Groovy and Kotlin DSL (string and map notation, platform BOMs, comments ignored) and version catalogs', async () => {
    expect((await scan('manifest-java', 'build.gradle')).map(brief)).toEqual([
      'sdk com.anthropic:anthropic-java@2.0.0:8',
      'framework org.springframework.ai:spring-ai-bom@1.0.0:11',
      'sdk io.github.ollama4j:ollama4j@1.0.100:10',
    ]);
    expect((await scan('manifest-java', 'build.gradle.kts')).map(brief)).toEqual([
      'sdk com.google.genai:google-genai@1.2.0:6',
      'sdk io.modelcontextprotocol.sdk:mcp@0.10.0:7',
    ]);
    expect((await scan('manifest-java', 'gradle/libs.versions.toml')).map(brief)).toEqual([
      'framework dev.langchain4j:langchain4j-ollama@1.0.1:6',
      'sdk software.amazon.awssdk:bedrockruntime@2.31.50:7',
      'vectorstore io.qdrant:client@1.14.0:9',
    ]);
  });

  it('Cargo.toml: renamed packages, dev and target tables', async () => {
    expect((await scan('manifest-rust', 'Cargo.toml')).map(brief)).toEqual([
      'sdk async-openai@0.28.2:8',
      'sdk rmcp@0.1.5:10',
      'sdk ollama-rs@0.3.1:11',
      'vectorstore qdrant-client@1.14.0:14',
      'sdk candle-core@0.9.1:17',
    ]);
  });

  it('.csproj: attribute and child-element versions, package families, comments ignored', async () => {
    const cs = await scan('manifest-dotnet', 'Assistant.Api.csproj');
    expect(cs.map(brief)).toEqual([
      'sdk Azure.AI.OpenAI@2.1.0:9',
      'vectorstore Microsoft.SemanticKernel.Connectors.Qdrant@1.54.0-preview:10',
      'sdk ModelContextProtocol@0.2.0-preview.3:11',
    ]);
    expect(cs.every((c) => c.ecosystem === 'nuget')).toBe(true);
  });
});

describe('malformed manifests: one BAD_INPUT error with file and line, never partial output', () => {
  const cases: ReadonlyArray<readonly [rel: string, message: RegExp, line: number | undefined]> = [
    ['npm/package.json', /^invalid JSON: /, 6],
    ['npm-lock/package-lock.json', /^invalid JSON: /, 7],
    ['pnpm/pnpm-lock.yaml', /^invalid YAML: /, 5],
    ['yarn/yarn.lock', /^invalid yarn\.lock: unexpected line/, 6],
    ['requirements/requirements.txt', /^invalid requirement "anthropic = 0\.52"/, 2],
    ['pyproject/pyproject.toml', /^invalid TOML: /, 6],
    ['pipfile/Pipfile', /^invalid TOML: /, 2],
    ['go/go.mod', /^invalid go\.mod require/, 7],
    ['maven/pom.xml', /^invalid XML: /, 7],
    ['gradle-catalog/libs.versions.toml', /^invalid TOML: /, 2],
    ['cargo/Cargo.toml', /^invalid TOML: /, 5],
    ['dotnet/App.csproj', /^invalid XML: /, 4],
  ];
  it.each(cases)('%s', async (rel, message, line) => {
    const file = fixtureFile('manifest-malformed', rel);
    const err = await Promise.resolve(scannerFor(file.path).scan(file)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AttestError);
    const e = err as AttestError;
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
    expect(e.context.where).toBe(file.path);
    expect(e.context.line).toBe(line);
  });

  it('an unclosed go.mod block is reported at the block', async () => {
    const f = memoryFile('go.mod', 'module x\n\nrequire (\n\tgithub.com/openai/openai-go v1.0.0\n');
    await expect(scannerFor('go.mod').scan(f)).rejects.toMatchObject({ code: 'BAD_INPUT', context: { line: 3 } });
  });
});

describe('which files the manifest scanners want', () => {
  it.each(['package.json', 'a/b/requirements-prod.txt', 'requirements/base.txt', 'svc/App.fsproj', 'Directory.Packages.props', 'gradle/libs.versions.toml'])(
    '%s',
    (p) => expect(manifestScanners.some((s) => s.wants(p, 10))).toBe(true),
  );
  it.each(['README.md', 'package.json.bak', 'docs/requirements.md', 'src/app.ts'])('not %s', (p) =>
    expect(manifestScanners.some((s) => s.wants(p, 10))).toBe(false),
  );
  it('skips manifests past the size limit', () => expect(manifestScanners.some((s) => s.wants('package.json', 65 * 1024 * 1024))).toBe(false));
});
