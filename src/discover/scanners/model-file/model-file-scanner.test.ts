import { describe, expect, it } from 'vitest';
import { fixtureFile, memoryFile } from '../../../../test/fixtures/scanner-support/memory-file-input.js';
import type { FileInput, Observation } from '../../model.js';
import { modelFileScanner, wantsModelFile } from './model-file-scanner.js';

const scan = (rel: string): Promise<Observation> => Promise.resolve(modelFileScanner.scan(fixtureFile('model-files', rel)));

describe('model file scanner', () => {
  it('reads GGUF metadata (skipping arrays) and reports no finding', async () => {
    const o = await scan('tinyllama-1.1b-chat.Q4_K_M.gguf');
    expect(o.components?.[0]).toMatchObject({
      type: 'model-file',
      name: 'tinyllama-1.1b-chat.Q4_K_M.gguf',
      properties: { format: 'gguf', version: '3', 'general.architecture': 'llama', modelName: 'TinyLlama 1.1B Chat', size: '314' },
    });
    expect(o.findings).toEqual([]);
  });

  it('parses the safetensors JSON header', async () => {
    const o = await scan('model.safetensors');
    expect(o.components?.[0]?.properties).toMatchObject({ format: 'safetensors', tensors: '2', dtype: 'F16,F32', 'metadata.format': 'pt', modelName: 'minilm-embed' });
    expect(o.findings).toEqual([]);
  });

  it('recognises ONNX protobuf and Keras HDF5', async () => {
    expect((await scan('classifier.onnx')).components?.[0]?.properties).toMatchObject({ format: 'onnx', irVersion: '8', producer: 'pytorch', producerVersion: '2.1.0' });
    expect((await scan('keras-model.h5')).components?.[0]?.properties?.['format']).toBe('keras-h5');
  });

  it.each([
    ['pytorch_model.bin', 'pytorch-zip', 'high'],
    ['sklearn-model.pkl', 'pickle', 'high'],
    ['lfs/adapter.pt', 'lfs-pointer', 'high'],
  ])('%s is pickle-based → unsafe-model-format', async (rel, format, severity) => {
    const o = await scan(rel);
    expect(o.components?.[0]?.properties?.['format']).toBe(format);
    expect(o.findings?.map((f) => `${f.rule} ${f.controlId} ${f.severity}`)).toEqual([`unsafe-model-format AI-INV-03 ${severity}`]);
    expect(o.findings?.[0]?.message).toContain('safetensors');
  });

  it('escalates pickles that import os.system (protocol 2 GLOBAL and protocol 4 STACK_GLOBAL) to critical', async () => {
    for (const rel of ['evil.pkl', 'evil-legacy.ckpt']) {
      const o = await scan(rel);
      expect(o.findings?.[0]?.severity).toBe('critical');
      expect(o.components?.[0]?.properties?.['pickleImports']).toBe('os.system');
    }
  });

  it('reads the LFS pointer size, not the weights', async () => {
    expect((await scan('lfs/adapter.pt')).components?.[0]?.properties).toMatchObject({ size: '1342177280', oid: expect.stringMatching(/^sha256:/) });
  });

  it('ignores a .bin that is not a model format, and truncated or lying headers', async () => {
    expect(await scan('embeddings-cache.bin')).toEqual({});
    expect(await modelFileScanner.scan(memoryFile('x.safetensors', new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 123])))).toEqual({});
    const truncated = await modelFileScanner.scan(memoryFile('t.gguf', new TextEncoder().encode('GGUF\x03\x00\x00\x00')));
    expect(truncated.components?.[0]?.properties?.['format']).toBe('gguf');
  });

  it('reads only the head of a huge file', async () => {
    let asked = 0;
    const huge: FileInput = {
      path: 'big/llama-70b.Q8_0.gguf',
      size: 75 * 1024 ** 3,
      text: () => Promise.reject(new Error('must not read text')),
      bytes: () => Promise.reject(new Error('must not read bytes')),
      head: async (n) => {
        asked = n;
        return new TextEncoder().encode('GGUF\x03\x00\x00\x00');
      },
      lines: () => {
        throw new Error('must not stream');
      },
    };
    const o = await modelFileScanner.scan(huge);
    expect(asked).toBeLessThanOrEqual(256 * 1024);
    expect(o.components?.[0]?.properties?.['sizeHuman']).toBe('75.0 GB');
  });

  it('wants model extensions only', () => {
    expect(wantsModelFile('a/b/model.GGUF')).toBe(true);
    expect(wantsModelFile('weights.pth')).toBe(true);
    expect(wantsModelFile('src/model.py')).toBe(false);
    expect(wantsModelFile('bin/run')).toBe(false);
  });
});
