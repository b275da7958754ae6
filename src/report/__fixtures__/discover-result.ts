import { Aggregator } from '../../discover/aggregate.js';
import type { DiscoverResult } from '../../discover/model.js';

/** A discover result with every component type, services, multi-place evidence and findings of each severity. */
export function sampleResult(): DiscoverResult {
  const agg = new Aggregator();
  const ev = (path: string, line?: number) => ({ path, ...(line !== undefined ? { line } : {}), scanner: 'fixture' });
  agg.add({
    components: [
      { type: 'sdk', name: 'openai', ecosystem: 'npm', version: '4.67.0', provider: 'openai', evidence: ev('package.json', 12) },
      { type: 'sdk', name: 'openai', ecosystem: 'npm', evidence: ev('src/rag.ts', 1) },
      { type: 'sdk', name: '@qdrant/js-client-rest', ecosystem: 'npm', version: '1.12.0', evidence: ev('package.json', 13) },
      { type: 'sdk', name: 'langchain_openai', ecosystem: 'pypi', evidence: ev('agent/requirements.txt', 2) },
      { type: 'framework', name: 'langchain', ecosystem: 'pypi', evidence: ev('agent/requirements.txt', 1) },
      { type: 'framework', name: 'github.com/tmc/langchaingo', ecosystem: 'go', version: 'v0.1.12', evidence: ev('go.mod', 5) },
      { type: 'framework', name: 'dev.langchain4j:langchain4j', ecosystem: 'maven', version: '0.35.0', evidence: ev('pom.xml', 20) },
      { type: 'model', name: 'gpt-4o-2024-08-06', provider: 'openai', properties: { pinned: 'true' }, evidence: ev('src/rag.ts', 20) },
      { type: 'model', name: 'gpt-4o-mini', provider: 'openai', properties: { pinned: 'false' }, evidence: ev('agent/agent.py', 9) },
      { type: 'model', name: 'sentence-transformers/all-MiniLM-L6-v2', ecosystem: 'huggingface', evidence: ev('ingest.py', 4) },
      { type: 'vectorstore', name: 'qdrant/qdrant', ecosystem: 'docker', version: 'v1.12.1', evidence: ev('docker-compose.yml', 12) },
      { type: 'vectorstore', name: 'qdrant', evidence: ev('src/store.ts', 3) },
      { type: 'mcp-server', name: 'filesystem', properties: { transport: 'stdio', command: 'npx' }, evidence: ev('.cursor/mcp.json', 3) },
      { type: 'mcp-server', name: 'docs-search', properties: { transport: 'http', url: 'https://mcp.example.com/mcp', authenticated: 'false' }, evidence: ev('.cursor/mcp.json', 12) },
      { type: 'runtime', name: 'ollama/ollama', ecosystem: 'docker', version: 'latest', properties: { port: '11434', exposed: 'true' }, evidence: ev('docker-compose.yml', 3) },
      { type: 'provider-endpoint', name: 'api.openai.com', provider: 'openai', evidence: ev('logs/access.log', 1) },
      { type: 'provider-endpoint', name: 'api.anthropic.com', provider: 'anthropic', evidence: ev('logs/access.log', 4) },
      { type: 'agent', name: 'support-agent', evidence: ev('agent/agent.py', 30) },
      { type: 'tool', name: 'run_sql', properties: { risk: 'sql' }, evidence: ev('agent/tools.py', 14) },
      { type: 'model-file', name: 'models/classifier.pkl', properties: { format: 'pickle' }, evidence: ev('models/classifier.pkl') },
      { type: 'key', name: 'sk-ant-api03-AAAA…', provider: 'anthropic', evidence: ev('src/config.ts', 7) },
    ],
    findings: [
      { rule: 'hardcoded-key', controlId: 'AI-KEY-01', severity: 'critical', message: 'Anthropic API key hard-coded (sk-ant-api03-AAAA…)', evidence: ev('src/config.ts', 7) },
      { rule: 'floating-model-alias', controlId: 'AI-CHG-01', severity: 'medium', message: 'gpt-4o-mini is a floating alias', evidence: ev('agent/agent.py', 9) },
      { rule: 'risky-tool-no-approval', controlId: 'AI-AGT-02', severity: 'high', message: 'run_sql runs SQL with no approval', evidence: ev('agent/tools.py', 14) },
      { rule: 'runtime-exposed', controlId: 'AI-RUN-01', severity: 'high', message: 'Ollama on 0.0.0.0:11434', evidence: ev('docker-compose.yml', 5) },
      { rule: 'mcp-no-auth', controlId: 'AI-AGT-03', severity: 'high', message: 'docs-search has no auth', evidence: ev('.cursor/mcp.json', 12) },
      { rule: 'unsafe-model-format', controlId: 'AI-INV-03', severity: 'medium', message: 'pickle model', evidence: ev('models/classifier.pkl') },
      { rule: 'shadow-ai-traffic', controlId: 'AI-INV-02', severity: 'low', message: 'calls to api.anthropic.com', evidence: ev('logs/access.log', 4) },
      { rule: 'fine-tune-call', controlId: 'AI-DATA-03', severity: 'info', message: 'fine-tuning job', evidence: ev('train/finetune.py', 11) },
    ],
  });
  return {
    tool: { name: 'attest', version: '0.1.0' },
    roots: ['/tmp/acme'],
    startedAt: '2026-11-22T02:00:00.000Z',
    finishedAt: '2026-11-22T02:00:01.500Z',
    components: agg.components(),
    findings: agg.findings(),
    problems: [{ path: 'broken/package.json', message: 'malformed JSON', line: 3 }],
    stats: { files: 42, bytes: 123456, skipped: 2 },
  };
}
