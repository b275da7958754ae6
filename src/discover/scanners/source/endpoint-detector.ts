/**
 * Provider endpoints in string literals: URLs (or bare hosts) whose host is a known AI provider,
 * and loopback/container URLs on a port only a local runtime uses (Ollama 11434) → `provider-endpoint`.
 * Hosts come from signatures/provider-hosts.ts; local ports from signatures/runtimes.ts.
 */
import { hostOf, matchProviderHost } from '../../../signatures/provider-hosts.js';
import { RUNTIME_SIGNATURES } from '../../../signatures/runtimes.js';
import type { ComponentDraft, Observation } from '../../model.js';
import { evidenceAt, type SourceContext } from './source-context.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', 'host.docker.internal', '[::1]']);
const LOCAL_PORTS = new Map<number, string>();
for (const r of RUNTIME_SIGNATURES) for (const p of r.uniquePorts ?? []) if (!LOCAL_PORTS.has(p)) LOCAL_PORTS.set(p, r.id);

/** `https://${res}.openai.azure.com/…` → `*.openai.azure.com`: an interpolated label becomes `*`. */
function templatedHost(value: string): string {
  return value.replace(/\$\{[^}]{0,80}\}|\{[A-Za-z_][\w]{0,40}\}|%s/g, 'x-dyn-x');
}

function authority(value: string): string {
  let s = value.trim();
  const scheme = s.indexOf('://');
  if (scheme >= 0) s = s.slice(scheme + 3);
  const end = s.search(/[/?#\s]/);
  return (end < 0 ? s : s.slice(0, end)).toLowerCase();
}

function endpointOf(value: string): { name: string; provider: string; local: boolean } | undefined {
  if (value.length > 300) return undefined;
  const isUrl = /^(https?|wss?):\/\//i.test(value);
  // A bare host must look like one (no spaces, a dot, no path) to avoid prose.
  if (!isUrl && !/^[a-z0-9.-]{4,100}\.[a-z]{2,}(:[0-9]{1,5})?$/i.test(value)) return undefined;
  const raw = templatedHost(value);
  const host = hostOf(raw);
  const hit = matchProviderHost(host);
  if (hit) {
    if (hit.kind === 'observability' || hit.kind === 'search') return undefined;
    return { name: host.replace(/x-dyn-x/g, '*'), provider: hit.provider, local: false };
  }
  if (!isUrl) return undefined;
  const auth = authority(raw);
  const colon = auth.lastIndexOf(':');
  if (colon < 0) return undefined;
  const port = Number(auth.slice(colon + 1));
  const h = auth.slice(0, colon);
  const runtime = LOCAL_PORTS.get(port);
  if (runtime && (LOCAL_HOSTS.has(h) || /^[a-z][a-z0-9-]{0,40}$/.test(h))) return { name: auth, provider: runtime, local: true };
  return undefined;
}

export function detectEndpoints(ctx: SourceContext): Observation {
  const components: ComponentDraft[] = [];
  for (const s of ctx.src.strings) {
    if (s.value.length < 6) continue;
    const ep = endpointOf(s.value);
    if (!ep) continue;
    components.push({
      type: 'provider-endpoint',
      name: ep.name,
      provider: ep.provider,
      ...(ep.local ? { properties: { local: 'true' } } : {}),
      evidence: evidenceAt(ctx, s.line),
    });
  }
  return { components };
}

/** Exposed for the guard rule: is this base-URL value a known gateway? */
export function isGatewayUrl(value: string): boolean {
  const host = hostOf(templatedHost(value));
  const hit = matchProviderHost(host);
  if (hit) return hit.kind === 'gateway';
  return /(^|[.-])(gateway|proxy|litellm|llm-gateway|ai-gateway)([.-]|$)/.test(host) || /:4000$/.test(authority(value));
}
