import { describe, expect, it } from 'vitest';
import { buildAiBom, purlOf, renderAiBom, validateAiBom } from './cyclonedx-ai-bom.js';
import { sampleResult } from './__fixtures__/discover-result.js';

type Entry = Record<string, unknown> & { 'bom-ref': string; properties?: { name: string; value: string }[] };

describe('CycloneDX AI-BOM', () => {
  it('validates against the CycloneDX 1.6 strict JSON schema, evidence occurrences, model cards and services included', async () => {
    const text = await renderAiBom(sampleResult());
    expect(await validateAiBom(text)).toBeNull();
    const bom = JSON.parse(text) as { specVersion: string; components: Entry[]; services: Entry[] };
    expect(bom.specVersion).toBe('1.6');
    const openai = bom.components.find((c) => c['bom-ref'] === 'sdk:npm:openai');
    expect(openai).toMatchObject({ type: 'library', purl: 'pkg:npm/openai@4.67.0', version: '4.67.0' });
    expect(openai?.evidence).toEqual({
      occurrences: [
        { location: 'package.json', line: 12, additionalContext: 'found by attest scanner fixture' },
        { location: 'src/rag.ts', line: 1, additionalContext: 'found by attest scanner fixture' },
      ],
    });
    const model = bom.components.find((c) => c['bom-ref'] === 'model::gpt-4o-mini');
    expect(model).toMatchObject({ type: 'machine-learning-model', modelCard: { properties: [{ name: 'attest:provider', value: 'openai' }, { name: 'attest:pinned', value: 'false' }] } });
    const remote = bom.services.find((s) => s['bom-ref'] === 'mcp-server::docs-search');
    expect(remote).toMatchObject({ endpoints: ['https://mcp.example.com/mcp'], authenticated: false, 'x-trust-boundary': true });
    const endpoint = bom.services.find((s) => s['bom-ref'] === 'provider-endpoint::api.openai.com');
    expect(endpoint).toMatchObject({ endpoints: ['https://api.openai.com'], provider: { name: 'openai' } });
  });

  it('carries attest:type on every component and service, one entry per Attest component', () => {
    const result = sampleResult();
    const bom = buildAiBom(result) as { components: Entry[]; services: Entry[] };
    const all = [...bom.components, ...bom.services];
    expect(all).toHaveLength(result.components.length);
    for (const entry of all) {
      const c = result.components.find((x) => x.ref === entry['bom-ref']);
      expect(entry.properties?.find((p) => p.name === 'attest:type')?.value).toBe(c?.type);
    }
    const types = Object.fromEntries(bom.components.map((c) => [c['bom-ref'], c.type]));
    expect(types).toMatchObject({
      'framework:pypi:langchain': 'framework',
      'vectorstore:docker:qdrant/qdrant': 'container',
      'runtime:docker:ollama/ollama': 'container',
      'model-file::models/classifier.pkl': 'machine-learning-model',
      'key::sk-ant-api03-AAAA…': 'data',
      'agent::support-agent': 'application',
    });
  });

  it('fails validation when an added field breaks the schema (the validator is really checking)', async () => {
    const bom = buildAiBom(sampleResult()) as { components: Entry[] };
    (bom.components[0] as Entry).evidence = { occurrences: [{ location: 'x', line: 'seven' }] };
    expect(await validateAiBom(JSON.stringify(bom))).not.toBeNull();
  });

  it('builds purls per ecosystem', () => {
    expect(purlOf({ ecosystem: 'npm', name: '@anthropic-ai/sdk', version: '0.30.1' })?.toString()).toBe('pkg:npm/%40anthropic-ai/sdk@0.30.1');
    expect(purlOf({ ecosystem: 'pypi', name: 'Langchain_OpenAI' })?.toString()).toBe('pkg:pypi/langchain-openai');
    expect(purlOf({ ecosystem: 'go', name: 'github.com/tmc/langchaingo', version: 'v0.1.12' })?.toString()).toBe('pkg:golang/github.com/tmc/langchaingo@v0.1.12');
    expect(purlOf({ ecosystem: 'maven', name: 'dev.langchain4j:langchain4j', version: '0.35.0' })?.toString()).toBe('pkg:maven/dev.langchain4j/langchain4j@0.35.0');
    expect(purlOf({ ecosystem: 'docker', name: 'ollama/ollama:0.3.12' })?.toString()).toBe('pkg:docker/ollama/ollama@0.3.12');
    expect(purlOf({ ecosystem: 'huggingface', name: 'sentence-transformers/all-MiniLM-L6-v2' })?.toString()).toBe('pkg:huggingface/sentence-transformers/all-MiniLM-L6-v2');
    expect(purlOf({ name: 'gpt-4o' })).toBeUndefined();
  });
});
