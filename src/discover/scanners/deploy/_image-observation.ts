/**
 * Turning one container image use (from a Dockerfile, compose service, Kubernetes container or
 * Helm values block) into `runtime` / `vectorstore` components and exposure findings.
 */
import { parseImageRef } from '../../../signatures/image-ref.js';
import { hostOf, matchProviderHost } from '../../../signatures/provider-hosts.js';
import { matchRuntimeImage } from '../../../signatures/runtimes.js';
import { matchVectorStoreImage, VECTOR_CONTEXT_WORDS } from '../../../signatures/vectorstores.js';
import { redactSnippet } from '../keys/redact-snippet.js';
import type { ComponentDraft, Evidence, FindingDraft } from '../../model.js';

export interface ImageUse {
  readonly image: string;
  readonly path: string;
  readonly line?: number | undefined;
  readonly scanner: string;
  /** Published / container ports as written. */
  readonly ports?: readonly number[];
  /** Reachable beyond the host (published on all interfaces, LoadBalancer/NodePort, ingress, host network). */
  readonly exposed?: boolean;
  /** Why it is exposed, for the finding message (`port 11434 published on all interfaces`). */
  readonly exposedBy?: string;
  /** Whole file text (lower-case), to decide whether a general search engine is used for vectors. */
  readonly fileTextLower?: string;
  /** Where this image runs (compose service, k8s workload …), for messages. */
  readonly owner?: string;
}

export interface Collected {
  readonly components: ComponentDraft[];
  readonly findings: FindingDraft[];
}

export function collected(): Collected {
  return { components: [], findings: [] };
}

function hasVectorContext(textLower: string | undefined): boolean {
  return textLower !== undefined && VECTOR_CONTEXT_WORDS.some((w) => textLower.includes(w));
}

/** Record one image use; returns true when it was an AI runtime or vector store. */
export function observeImage(use: ImageUse, out: Collected): boolean {
  const ref = parseImageRef(use.image);
  if (!ref) return false;
  const runtime = matchRuntimeImage(ref.repository);
  const store = runtime ? undefined : matchVectorStoreImage(ref.repository);
  if (!runtime && !store) return false;
  if (store?.needsVectorContext && !hasVectorContext(use.fileTextLower)) return false;
  const type = runtime ? 'runtime' : 'vectorstore';
  const exposed = use.exposed === true;
  const properties: Record<string, string> = {
    kind: runtime ? runtime.kind : 'vectorstore',
    product: runtime ? runtime.id : (store?.id ?? ''),
    exposed: String(exposed),
  };
  if (ref.tag) properties['image.tag'] = ref.tag;
  if (ref.digest) properties['image.digest'] = ref.digest;
  if (use.ports && use.ports.length > 0) properties['port'] = [...new Set(use.ports)].join(',');
  const evidence = { path: use.path, scanner: use.scanner, snippet: redactSnippet(`image: ${use.image}`), ...(use.line !== undefined ? { line: use.line } : {}) };
  const name = ref.repository;
  out.components.push({ type, name, ecosystem: 'docker', ...(ref.tag ? { version: ref.tag } : {}), provider: properties['product'] ?? '', properties, evidence });
  // Gateways and AI apps have their own logins; exposure is a finding for runtimes and stores.
  if (exposed && (store || runtime?.kind === 'runtime')) {
    const what = runtime ? `${runtime.name}` : `${store?.name ?? name} vector store`;
    const auth = runtime?.noAuthByDefault ? ' (no authentication built in)' : '';
    out.findings.push({
      rule: runtime ? 'runtime-exposed' : 'vectorstore-exposed',
      controlId: 'AI-RUN-01',
      severity: 'high',
      message: `${what}${auth}${use.owner ? ` in ${use.owner}` : ''} is reachable beyond this host: ${use.exposedBy ?? 'published on all interfaces'}; bind it to 127.0.0.1 or put authentication in front.`,
      evidence,
      componentRef: `${type}:docker:${name}`,
    });
  }
  return true;
}

/** True for a host address that only the local machine can reach. */
export function isLoopback(address: string): boolean {
  const a = address.trim().replace(/^\[|\]$/g, '').toLowerCase();
  return a === 'localhost' || a === '::1' || a.startsWith('127.');
}

/** A `model` component for a model named in a deployment (`org/name` → Hugging Face). */
export function modelComponent(model: string, evidence: Evidence, provider?: string): ComponentDraft {
  const hf = model.includes('/') && !model.startsWith('/') && !model.startsWith('.') && !model.includes('://');
  return { type: 'model', name: model, ...(hf ? { ecosystem: 'huggingface' as const } : {}), ...(provider ? { provider } : {}), evidence };
}

/**
 * A `provider-endpoint` for an environment value that is a URL on an AI provider host
 * (`OPENAI_BASE_URL=https://…`, `AZURE_OPENAI_ENDPOINT=https://x.openai.azure.com/`). Only the host
 * is kept: paths and queries can carry deployment names or keys.
 */
export function endpointFromEnv(name: string, value: string, evidence: Omit<Evidence, 'snippet'>): ComponentDraft | undefined {
  if (!value.includes('://')) return undefined;
  const host = hostOf(value);
  const p = matchProviderHost(host);
  if (!p) return undefined;
  return { type: 'provider-endpoint', name: host, provider: p.provider, properties: { kind: p.kind, via: name.slice(0, 80) }, evidence: { ...evidence, snippet: `${name.slice(0, 80)}=${host}` } };
}
