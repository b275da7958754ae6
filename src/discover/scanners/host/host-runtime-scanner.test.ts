import { describe, expect, it } from 'vitest';
import type { HostInput, HostProcess, ListeningPort } from '../../model.js';
import { hostRuntimeScanner, isExposedAddress } from './host-runtime-scanner.js';

function fakeHost(processes: HostProcess[], ports: ListeningPort[]): HostInput {
  return { processes: async () => processes, listeningPorts: async () => ports };
}

describe('host runtime scanner', () => {
  it('finds runtime processes, attributes their ports by pid, and flags wildcard listeners', async () => {
    const o = await hostRuntimeScanner.scanHost(
      fakeHost(
        [
          { pid: 100, command: '/usr/local/bin/ollama', args: ['serve'] },
          { pid: 101, command: 'ollama', args: ['run', 'llama3'] },
          { pid: 200, command: '/usr/bin/python3', args: ['-m', 'vllm.entrypoints.openai.api_server', '--model', 'x', '--api-key', 'sekrit-value-123'] },
          { pid: 300, command: '/usr/sbin/nginx', args: ['-g', 'daemon off;'] },
        ],
        [
          { port: 11434, address: '0.0.0.0', pid: 100 },
          { port: 8000, address: '127.0.0.1', pid: 200 },
          { port: 8080, address: '0.0.0.0', pid: 300 },
          { port: 6333, address: '::' },
          { port: 22, address: '0.0.0.0' },
        ],
      ),
    );
    const comps = (o.components ?? []).map((c) => `${c.type} ${c.name} pid=${c.properties?.['pid'] ?? '-'} port=${c.properties?.['port'] ?? '-'} exposed=${c.properties?.['exposed']} ${c.evidence.path}`);
    expect(comps).toEqual([
      'runtime ollama pid=100 port=11434 exposed=true host:process/100',
      'runtime vllm pid=200 port=8000 exposed=false host:process/200',
      'vectorstore qdrant pid=- port=6333 exposed=true host:port/6333',
    ]);
    expect((o.findings ?? []).map((f) => `${f.rule} ${f.controlId} ${f.severity} ${f.componentRef}`)).toEqual([
      'runtime-exposed AI-RUN-01 high runtime::ollama',
      'vectorstore-exposed AI-RUN-01 high vectorstore::qdrant',
    ]);
    expect(o.findings?.[0]?.message).toContain('0.0.0.0:11434');
    expect(JSON.stringify(o)).not.toContain('sekrit');
  });

  it('identifies Ollama by its port alone, and attributes default ports when pids are unknown', async () => {
    const o = await hostRuntimeScanner.scanHost(
      fakeHost([{ pid: 7, command: '/opt/llama/llama-server', args: ['-m', 'm.gguf'] }], [
        { port: 11434, address: '127.0.0.1' },
        { port: 8080, address: '::' },
      ]),
    );
    expect((o.components ?? []).map((c) => `${c.name} ${c.properties?.['port']} ${c.properties?.['exposed']}`)).toEqual(['llama.cpp 8080 true', 'ollama 11434 false']);
    expect(o.findings?.map((f) => f.componentRef)).toEqual(['runtime::llama.cpp']);
  });

  it('reports nothing on a host without AI runtimes', async () => {
    expect(await hostRuntimeScanner.scanHost(fakeHost([{ pid: 1, command: '/sbin/init', args: [] }], [{ port: 22, address: '0.0.0.0' }]))).toEqual({ components: [], findings: [] });
  });

  it.each([
    ['0.0.0.0', true],
    ['::', true],
    ['10.1.2.3', true],
    ['127.0.0.1', false],
    ['::1', false],
    ['::ffff:127.0.0.1', false],
  ])('%s exposed=%s', (a, want) => {
    expect(isExposedAddress(a)).toBe(want);
  });
});
