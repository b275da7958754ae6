import { describe, expect, it } from 'vitest';
import { parseImageRef, resolveDefaults } from './image-ref.js';
import { matchRuntimeImage, matchRuntimeProcess } from './runtimes.js';
import { matchVectorStoreImage } from './vectorstores.js';

describe('parseImageRef', () => {
  it.each([
    ['ollama/ollama', { repository: 'ollama/ollama' }],
    ['docker.io/ollama/ollama:0.5.7', { repository: 'ollama/ollama', tag: '0.5.7' }],
    ['redis', { repository: 'redis' }],
    ['library/redis:7', { repository: 'redis', tag: '7' }],
    ['ghcr.io/huggingface/text-generation-inference:2.4.0', { repository: 'ghcr.io/huggingface/text-generation-inference', tag: '2.4.0' }],
    ['localhost:5000/team/vllm@sha256:abc', { repository: 'localhost:5000/team/vllm', digest: 'sha256:abc' }],
    ['${OLLAMA_IMAGE:-ollama/ollama}:${TAG:-rocm}', { repository: 'ollama/ollama', tag: 'rocm' }],
  ])('%s', (raw, want) => {
    expect(parseImageRef(raw)).toEqual(want);
  });

  it('gives up on variables without defaults', () => {
    expect(parseImageRef('${IMAGE}')).toBeUndefined();
    expect(resolveDefaults('${A:-x}/${B-y}')).toBe('x/y');
    expect(parseImageRef('')).toBeUndefined();
  });
});

describe('runtime and vector store signatures', () => {
  it('matches images exactly or by registry prefix', () => {
    expect(matchRuntimeImage('ollama/ollama')?.id).toBe('ollama');
    expect(matchRuntimeImage('nvcr.io/nim/meta/llama-3.1-8b-instruct')?.id).toBe('nim');
    expect(matchRuntimeImage('ollama/ollama-fork')).toBeUndefined();
    expect(matchRuntimeImage('postgres')).toBeUndefined();
    expect(matchVectorStoreImage('qdrant/qdrant')?.id).toBe('qdrant');
    expect(matchVectorStoreImage('pgvector/pgvector')?.id).toBe('pgvector');
    expect(matchVectorStoreImage('elasticsearch')?.needsVectorContext).toBe(true);
  });

  it.each([
    ['/usr/local/bin/ollama', ['serve'], 'ollama'],
    ['/usr/bin/python3', ['-m', 'vllm.entrypoints.openai.api_server', '--model', 'x'], 'vllm'],
    ['/usr/bin/python3.11', ['/usr/local/bin/vllm', 'serve', 'meta-llama/Llama-3.1-8B'], 'vllm'],
    ['vllm', ['serve', 'x'], 'vllm'],
    ['/app/llama-server', ['-m', 'model.gguf', '--host', '0.0.0.0'], 'llama.cpp'],
    ['text-generation-launcher', ['--model-id', 'x'], 'tgi'],
    ['/opt/tritonserver/bin/tritonserver', ['--model-repository=/models'], 'triton'],
    ['lms', ['server', 'start'], 'lmstudio'],
    ['/home/u/mistral.llamafile', [], 'llamafile'],
  ])('%s %j → %s', (cmd, args, id) => {
    expect(matchRuntimeProcess(cmd, args)?.id).toBe(id);
  });

  it.each([
    ['ollama', ['run', 'llama3']],
    ['ollama', ['list']],
    ['/usr/bin/python3', ['app.py']],
    ['nginx', []],
    ['bash', ['-c', 'vllm serve x']],
  ])('%s %j is not a runtime server', (cmd, args) => {
    expect(matchRuntimeProcess(cmd, args)).toBeUndefined();
  });
});
