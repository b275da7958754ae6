/**
 * Local LLM runtimes, inference servers, gateways and AI apps (signatures doc §5): their
 * container images, default ports and process names.
 */
import { repositoryMatches } from './image-ref.js';

export type RuntimeKind = 'runtime' | 'gateway' | 'ai-app';

export interface RuntimeSignature {
  readonly id: string;
  readonly name: string;
  readonly kind: RuntimeKind;
  /** Image repositories (exact, or a prefix ending in `/`). */
  readonly images: readonly string[];
  /** Default ports (container or host). */
  readonly ports: readonly number[];
  /** Ports that identify the runtime on their own (nothing else commonly listens there). */
  readonly uniquePorts?: readonly number[];
  /** Executable basenames. */
  readonly executables?: readonly string[];
  /** When set, one of these must appear among the arguments (`ollama serve`, not `ollama run`). */
  readonly subcommands?: readonly string[];
  /** `python -m <module>` entry points. */
  readonly pythonModules?: readonly string[];
  /** Runtimes with no authentication built in: an exposed port is open to anyone. */
  readonly noAuthByDefault?: boolean;
}

/** Known runtimes; the first match wins. */
export const RUNTIME_SIGNATURES: readonly RuntimeSignature[] = [
  { id: 'ollama', name: 'Ollama', kind: 'runtime', images: ['ollama/ollama'], ports: [11434], uniquePorts: [11434], executables: ['ollama'], subcommands: ['serve'], noAuthByDefault: true },
  { id: 'vllm', name: 'vLLM', kind: 'runtime', images: ['vllm/vllm-openai', 'vllm/vllm-openai-rocm'], ports: [8000], executables: ['vllm'], subcommands: ['serve'], pythonModules: ['vllm.entrypoints.openai.api_server', 'vllm.entrypoints.api_server'] },
  { id: 'tgi', name: 'HF Text Generation Inference', kind: 'runtime', images: ['ghcr.io/huggingface/text-generation-inference'], ports: [80, 3000, 8080], executables: ['text-generation-launcher', 'text-generation-router'], noAuthByDefault: true },
  { id: 'tei', name: 'HF Text Embeddings Inference', kind: 'runtime', images: ['ghcr.io/huggingface/text-embeddings-inference'], ports: [80], executables: ['text-embeddings-router'], noAuthByDefault: true },
  { id: 'llama.cpp', name: 'llama.cpp server', kind: 'runtime', images: ['ghcr.io/ggml-org/llama.cpp', 'ghcr.io/ggerganov/llama.cpp'], ports: [8080], executables: ['llama-server'], pythonModules: ['llama_cpp.server'] },
  { id: 'llamafile', name: 'llamafile', kind: 'runtime', images: [], ports: [8080], executables: ['llamafile'] },
  { id: 'localai', name: 'LocalAI', kind: 'runtime', images: ['localai/localai', 'quay.io/go-skynet/local-ai'], ports: [8080], executables: ['local-ai'] },
  { id: 'lmstudio', name: 'LM Studio', kind: 'runtime', images: ['lscr.io/linuxserver/lm-studio', 'linuxserver/lm-studio'], ports: [1234], executables: ['lms', 'lm-studio', 'LM Studio'], subcommands: ['server'], noAuthByDefault: true },
  { id: 'triton', name: 'NVIDIA Triton', kind: 'runtime', images: ['nvcr.io/nvidia/tritonserver'], ports: [8000, 8001, 8002], executables: ['tritonserver'], noAuthByDefault: true },
  { id: 'nim', name: 'NVIDIA NIM', kind: 'runtime', images: ['nvcr.io/nim/'], ports: [8000] },
  { id: 'sglang', name: 'SGLang', kind: 'runtime', images: ['lmsysorg/sglang'], ports: [30000], executables: ['sglang'], subcommands: ['serve'], pythonModules: ['sglang.launch_server'] },
  { id: 'torchserve', name: 'TorchServe', kind: 'runtime', images: ['pytorch/torchserve'], ports: [8080, 8081, 8082], executables: ['torchserve'], noAuthByDefault: true },
  { id: 'kserve', name: 'KServe', kind: 'runtime', images: ['kserve/'], ports: [8080] },
  { id: 'tf-serving', name: 'TensorFlow Serving', kind: 'runtime', images: ['tensorflow/serving'], ports: [8500, 8501], executables: ['tensorflow_model_server'], noAuthByDefault: true },
  { id: 'ray-serve', name: 'Ray Serve', kind: 'runtime', images: ['rayproject/ray-ml'], ports: [8000, 8265] },
  { id: 'koboldcpp', name: 'KoboldCpp', kind: 'runtime', images: ['koboldai/koboldcpp'], ports: [5001], executables: ['koboldcpp'], noAuthByDefault: true },
  { id: 'litellm', name: 'LiteLLM proxy', kind: 'gateway', images: ['ghcr.io/berriai/litellm', 'ghcr.io/berriai/litellm-database', 'berriai/litellm'], ports: [4000], executables: ['litellm'] },
  { id: 'open-webui', name: 'Open WebUI', kind: 'ai-app', images: ['ghcr.io/open-webui/open-webui'], ports: [8080], executables: ['open-webui'] },
  { id: 'anythingllm', name: 'AnythingLLM', kind: 'ai-app', images: ['mintplexlabs/anythingllm'], ports: [3001] },
  { id: 'flowise', name: 'Flowise', kind: 'ai-app', images: ['flowiseai/flowise'], ports: [3000] },
  { id: 'langflow', name: 'Langflow', kind: 'ai-app', images: ['langflowai/langflow'], ports: [7860] },
  { id: 'dify', name: 'Dify', kind: 'ai-app', images: ['langgenius/dify-api', 'langgenius/dify-web'], ports: [5001, 3000] },
];

/** The runtime an image repository belongs to. */
export function matchRuntimeImage(repository: string): RuntimeSignature | undefined {
  return RUNTIME_SIGNATURES.find((r) => repositoryMatches(repository, r.images));
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? p : p.slice(i + 1);
}

const PYTHON = /^python(?:\d+(?:\.\d+)?)?$/;

/**
 * The runtime a process is, from its executable and arguments (`args` excludes argv[0]).
 * @example matchRuntimeProcess('/usr/bin/ollama', ['serve'])?.id // 'ollama'
 */
export function matchRuntimeProcess(command: string, args: readonly string[]): RuntimeSignature | undefined {
  let exe = basename(command);
  let rest = args;
  if (PYTHON.test(exe)) {
    const m = args.indexOf('-m');
    const mod = m !== -1 ? args[m + 1] : undefined;
    if (mod !== undefined) {
      const byModule = RUNTIME_SIGNATURES.find((r) => r.pythonModules?.includes(mod));
      if (byModule) return byModule;
    }
    // `python /usr/local/bin/vllm serve …`: the script is the executable.
    const script = args.find((a) => !a.startsWith('-'));
    if (script === undefined) return undefined;
    exe = basename(script);
    rest = args.slice(args.indexOf(script) + 1);
  }
  return RUNTIME_SIGNATURES.find(
    (r) =>
      (r.executables?.includes(exe) || (r.id === 'llamafile' && exe.endsWith('.llamafile'))) &&
      (r.subcommands === undefined || rest.some((a) => r.subcommands?.includes(a))),
  );
}
