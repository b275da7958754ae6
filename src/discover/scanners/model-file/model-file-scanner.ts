/**
 * Model weight files (.gguf, .safetensors, .onnx, PyTorch/pickle formats, Keras, TFLite, git-LFS
 * pointers to any of them) → `model-file` components. Pickle-based formats are the
 * `unsafe-model-format` finding (AI-INV-03): loading them can execute code. Only the first
 * {@link HEAD_BYTES} of a file are read, whatever its size.
 */
import type { FileInput, FileScanner, FindingDraft, Observation } from '../../model.js';
import { dangerousPickleRefs, isPickleBased, sniffModelFormat } from './model-format-sniffers.js';

const SCANNER = 'model-file';
/** Enough for GGUF general.* metadata and most safetensors headers. */
export const HEAD_BYTES = 256 * 1024;

const MODEL_EXTENSIONS = new Set(['gguf', 'ggml', 'safetensors', 'onnx', 'pt', 'pth', 'bin', 'ckpt', 'pkl', 'pickle', 'joblib', 'dill', 'sav', 'h5', 'hdf5', 'keras', 'tflite', 'llamafile']);

export function wantsModelFile(path: string): boolean {
  const lower = path.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot !== -1 && dot > lower.lastIndexOf('/') && MODEL_EXTENSIONS.has(lower.slice(dot + 1));
}

function humanSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(u === 0 ? 0 : 1)} ${units[u]}`;
}

async function scanModelFile(file: FileInput): Promise<Observation> {
  const head = await file.head(Math.min(HEAD_BYTES, file.size));
  const sniff = sniffModelFormat(head, file.path);
  if (!sniff) return {};
  const properties: Record<string, string> = { format: sniff.format, size: String(file.size), sizeHuman: humanSize(file.size) };
  for (const [k, v] of Object.entries(sniff.facts)) properties[k] = v;
  const modelName = sniff.facts['general.name'] ?? sniff.facts['metadata.name'];
  if (modelName) properties['modelName'] = modelName;
  const evidence = { path: file.path, scanner: SCANNER, snippet: `${sniff.format}${modelName ? ` ${modelName}` : ''}, ${humanSize(file.size)}` };
  const findings: FindingDraft[] = [];
  if (isPickleBased(sniff.format, file.path)) {
    const refs = sniff.format === 'lfs-pointer' ? [] : dangerousPickleRefs(head);
    if (refs.length > 0) properties['pickleImports'] = refs.join(',');
    findings.push({
      rule: 'unsafe-model-format',
      controlId: 'AI-INV-03',
      severity: refs.length > 0 ? 'critical' : 'high',
      message:
        refs.length > 0
          ? `Model file ${file.path} is a pickle that imports ${refs.join(', ')}: it runs code when loaded. Do not load it; get the model in safetensors.`
          : `Model file ${file.path} uses a pickle-based format (${sniff.format}): pickle can execute code on load; convert to safetensors.`,
      evidence,
      componentRef: `model-file::${file.path}`,
    });
  }
  return { components: [{ type: 'model-file', name: file.path, properties, evidence }], findings };
}

export const modelFileScanner: FileScanner = {
  name: SCANNER,
  wants: (path) => wantsModelFile(path),
  scan: scanModelFile,
};
