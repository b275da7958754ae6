import { describe, expect, it } from 'vitest';
import { fixtureFile, memoryFile, scanWith } from '../../../../test/fixtures/scanner-support/memory-file-input.js';
import { AttestError } from '../../../core/errors.js';
import type { Observation } from '../../model.js';
import { parseShortPort } from './compose-scanner.js';
import { deployScanners } from './index.js';

const ROOT = 'deploy-stack';
const scan = (rel: string): Promise<Observation> => scanWith(deployScanners, fixtureFile(ROOT, rel));
const summary = (o: Observation) =>
  (o.components ?? []).map((c) => `${c.type} ${c.name}${c.version ? `@${c.version}` : ''} exposed=${c.properties?.['exposed'] ?? '-'} line=${c.evidence.line ?? '-'}`);
const findingSummary = (o: Observation) => (o.findings ?? []).map((f) => `${f.rule} ${f.controlId} ${f.severity} ${f.evidence.path}:${f.evidence.line}`);

describe('compose scanner', () => {
  it('finds runtimes and vector stores with ports and exposure', async () => {
    const o = await scan('docker-compose.yml');
    expect(summary(o)).toEqual([
      'runtime ollama/ollama@0.5.7 exposed=true line=4',
      'vectorstore qdrant/qdrant@v1.12.4 exposed=false line=10',
      'runtime vllm/vllm-openai@v0.6.3 exposed=true line=14',
      'model Qwen/Qwen2.5-7B-Instruct exposed=- line=15',
      'runtime ghcr.io/open-webui/open-webui@main exposed=true line=21',
      'vectorstore chromadb/chroma@0.5.23 exposed=false line=31',
    ]);
    expect(o.components?.[0]?.properties).toMatchObject({ port: '11434', product: 'ollama' });
    expect(o.components?.[0]?.ecosystem).toBe('docker');
    // Open WebUI is an app with its own login: inventoried, not an exposure finding.
    expect(findingSummary(o)).toEqual([
      'runtime-exposed AI-RUN-01 high docker-compose.yml:4',
      'runtime-exposed AI-RUN-01 high docker-compose.yml:14',
    ]);
    expect(o.findings?.[0]?.message).toContain('"11434:11434"');
    expect(o.findings?.[0]?.componentRef).toBe('runtime:docker:ollama/ollama');
  });

  it('counts Elasticsearch as a vector store only with vector context; host network is exposure', async () => {
    expect(summary(await scan('compose.search.yaml'))).toEqual([]);
    const o = await scan('compose.vectors.yaml');
    expect(summary(o)).toEqual([
      'vectorstore docker.elastic.co/elasticsearch/elasticsearch@8.15.0 exposed=false line=4',
      'runtime ghcr.io/ggml-org/llama.cpp@server exposed=true line=7',
      'model /models/qwen2.5-7b-instruct-q4_k_m.gguf exposed=- line=9',
    ]);
    expect(o.findings?.[0]?.message).toContain('network_mode: host');
  });

  it('reads models from a runtime service environment (list and map forms), not from other services', async () => {
    const f = memoryFile(
      'compose.yaml',
      [
        'services:',
        '  tgi:',
        '    image: ghcr.io/huggingface/text-generation-inference:2.4.0',
        '    environment:',
        '      - MODEL_ID=HuggingFaceH4/zephyr-7b-beta',
        '      - HF_TOKEN=${HF_TOKEN}',
        '  api:',
        '    image: python:3.12',
        '    environment:',
        '      MODEL: billing-v2',
        '',
      ].join('\n'),
    );
    expect(summary(await scanWith(deployScanners, f))).toEqual([
      'runtime ghcr.io/huggingface/text-generation-inference@2.4.0 exposed=false line=3',
      'model HuggingFaceH4/zephyr-7b-beta exposed=- line=5',
    ]);
  });

  it('environment URLs on provider hosts become provider endpoints (host only), in every scanner', async () => {
    const ok = memoryFile(
      'docker-compose.yml',
      'services:\n  app:\n    build: .\n    environment:\n      OPENAI_BASE_URL: https://api.openai.com/v1?api-key=abc123secret\n      AZURE_OPENAI_ENDPOINT: https://contoso-east.openai.azure.com/\n      CACHE_URL: redis://cache:6379\n',
    );
    const o = await scanWith(deployScanners, ok);
    expect((o.components ?? []).map((x) => `${x.type} ${x.name} ${x.provider} line=${x.evidence.line}`)).toEqual([
      'provider-endpoint api.openai.com openai line=5',
      'provider-endpoint contoso-east.openai.azure.com azure-openai line=6',
    ]);
    expect(JSON.stringify(o)).not.toContain('abc123secret');
    const docker = memoryFile('Dockerfile', 'FROM python:3.12\nENV ANTHROPIC_BASE_URL=https://api.anthropic.com\n');
    expect((await scanWith(deployScanners, docker)).components?.map((x) => x.name)).toEqual(['api.anthropic.com']);
    const k8s = memoryFile('k8s/app.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: { name: app }\nspec:\n  containers:\n    - name: app\n      image: acme/app:1\n      env:\n        - name: GROQ_BASE_URL\n          value: https://api.groq.com/openai/v1\n');
    expect((await scanWith(deployScanners, k8s)).components?.map((x) => `${x.name} line=${x.evidence.line}`)).toEqual(['api.groq.com line=9']);
  });

  it.each([
    ['11434:11434', 11434, true],
    ['11434', 11434, true],
    ['0.0.0.0:8000:8000', 8000, true],
    ['127.0.0.1:6333:6333', 6333, false],
    ['localhost:1234:1234/tcp', 1234, false],
    ['[::1]:9200:9200', 9200, false],
    ['[::]:9200:9200', 9200, true],
    ['8000-8010:8000-8010', 8000, true],
  ])('port %s', (raw, container, pub) => {
    expect(parseShortPort(raw)).toMatchObject({ container, public: pub });
  });

  it('reports malformed YAML as a one-line BAD_INPUT with its line', async () => {
    const bad = memoryFile('docker-compose.yml', 'services:\n  a:\n    image: [ollama/ollama\n  b: {\n');
    const err = await scanWith(deployScanners, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AttestError);
    expect((err as AttestError).code).toBe('BAD_INPUT');
    expect((err as AttestError).context.line).toBeGreaterThan(0);
    expect((err as AttestError).message).not.toContain('\n');
  });
});

describe('Dockerfile scanner', () => {
  it('finds the base runtime image and the models it pulls; EXPOSE is not exposure', async () => {
    const o = await scan('images/ollama/Dockerfile');
    expect(summary(o)).toEqual(['runtime ollama/ollama@0.5.7 exposed=false line=2', 'model llama3.1:8b exposed=- line=4', 'model nomic-embed-text exposed=- line=4']);
    expect(o.components?.[0]?.properties?.['port']).toBe('11434');
    expect(o.findings).toEqual([]);
  });

  it('finds a runtime launched from a generic image, its model, and redacts the api key in snippets', async () => {
    const o = await scan('images/vllm/Dockerfile');
    expect(summary(o)).toEqual([
      'runtime vllm exposed=false line=6',
      'model meta-llama/Llama-3.1-8B-Instruct exposed=- line=6',
      'model meta-llama/Llama-3.1-8B-Instruct exposed=- line=4',
    ]);
    expect(o.components?.[2]?.ecosystem).toBe('huggingface');
    expect(JSON.stringify(o)).not.toContain('s3cr3t');
  });

  it('ENV/ARG model variables count only in images that run an AI runtime', async () => {
    const plain = memoryFile('web/Dockerfile', 'FROM node:20\nENV MODEL=production\nARG MODEL_NAME=user-profile\nCMD ["node", "server.js"]\n');
    expect(await scanWith(deployScanners, plain)).toEqual({ components: [], findings: [] });
    const tgi = memoryFile('tgi/Dockerfile', 'FROM ghcr.io/huggingface/text-generation-inference:2.4.0\nARG MODEL_ID=HuggingFaceH4/zephyr-7b-beta\n');
    expect(summary(await scanWith(deployScanners, tgi))).toEqual([
      'runtime ghcr.io/huggingface/text-generation-inference@2.4.0 exposed=false line=1',
      'model HuggingFaceH4/zephyr-7b-beta exposed=- line=2',
    ]);
  });
});

describe('Kubernetes scanner', () => {
  it('links Services and Ingresses to workloads and reports exposure', async () => {
    const o = await scan('k8s/inference.yaml');
    expect(summary(o)).toEqual([
      'runtime vllm/vllm-openai@v0.6.3 exposed=true line=15',
      'model mistralai/Mistral-7B-Instruct-v0.3 exposed=- line=16',
      'vectorstore qdrant/qdrant@v1.12.4 exposed=false line=45',
      'runtime ghcr.io/huggingface/text-generation-inference@2.4.0 exposed=true line=69',
    ]);
    expect(o.components?.[2]?.properties?.['port']).toBe('6333,6334');
    expect(o.components?.[1]?.ecosystem).toBe('huggingface');
    const msgs = (o.findings ?? []).map((f) => f.message);
    expect(msgs[0]).toContain('Service "vllm" of type LoadBalancer');
    expect(msgs[1]).toContain('Ingress "public-llm" routes to Service "tgi"');
  });

  it('finds runtimes started by command on generic images, hostNetwork exposure and KServe', async () => {
    const o = await scan('k8s/llama-pod.yaml');
    expect(summary(o)).toEqual(['runtime llama.cpp exposed=true line=9', 'runtime kserve exposed=false line=13']);
    expect(o.components?.[1]?.properties?.['model']).toContain('gs://');
  });

  it('leaves Helm templates and CI workflows alone', () => {
    const k8s = deployScanners.find((s) => s.name === 'deploy/kubernetes')!;
    expect(k8s.wants('charts/ollama/templates/deployment.yaml', 100)).toBe(false);
    expect(k8s.wants('.github/workflows/ci.yml', 100)).toBe(false);
    expect(k8s.wants('pnpm-lock.yaml', 100)).toBe(false);
    expect(k8s.wants('data/huge.yaml', 50 * 1024 * 1024)).toBe(false);
    expect(k8s.wants('deploy/app.yaml', 10_000)).toBe(true);
  });

  it('ignores YAML that is not a manifest without parsing it', async () => {
    const k8s = deployScanners.find((s) => s.name === 'deploy/kubernetes')!;
    expect(await k8s.scan(memoryFile('config/app.yaml', 'a: [unclosed\n'))).toEqual({});
  });
});

describe('Helm values scanner', () => {
  it('reads image blocks and strings with sibling service/ingress exposure', async () => {
    const o = await scan('charts/ollama/values.yaml');
    expect(summary(o)).toEqual(['runtime ollama/ollama@0.5.7 exposed=true line=3', 'vectorstore qdrant/qdrant@v1.12.4 exposed=false line=12']);
    expect(findingSummary(o)).toEqual(['runtime-exposed AI-RUN-01 high charts/ollama/values.yaml:3']);
    expect(o.findings?.[0]?.message).toContain('service.type: NodePort');
  });
});
