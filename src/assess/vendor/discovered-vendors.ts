/**
 * Vendors to review, pre-filled from the inventory: model providers (SDKs, provider
 * endpoints, models with a known provider), vector-store services not also run from a
 * container image here (data providers), MCP servers and agent plugins.
 */
import type { Component, DiscoverResult } from '../../discover/model.js';
import type { VendorKind } from './vendor-questionnaire.js';

export interface DiscoveredVendor {
  readonly name: string;
  readonly kind: VendorKind;
  /** Component refs that point at this vendor. */
  readonly refs: readonly string[];
  /** Up to three `path:line` places where it was seen. */
  readonly seenAt: readonly string[];
}

function vendorOf(c: Component, selfHosted: ReadonlySet<string>): { name: string; kind: VendorKind } | undefined {
  switch (c.type) {
    case 'sdk':
    case 'provider-endpoint':
    case 'model':
      return c.provider ? { name: c.provider, kind: 'model-provider' } : undefined;
    case 'vectorstore':
      // A vector store also run from a container image here is self-hosted, not a third party.
      return c.provider && !selfHosted.has(c.provider) && c.properties?.hosted !== 'false' ? { name: c.provider, kind: 'data-provider' } : undefined;
    case 'mcp-server':
      return { name: c.name, kind: 'mcp-server' };
    case 'tool':
      return c.properties?.plugin === 'true' ? { name: c.name, kind: 'plugin' } : undefined;
    case 'framework': // a library; its provider shows up through SDKs and models
    case 'runtime':
    case 'agent':
    case 'model-file':
    case 'key':
      return undefined;
  }
}

/** Vendors implied by a discover result, sorted by kind then name. */
export function discoveredVendors(result: DiscoverResult): DiscoveredVendor[] {
  const byKey = new Map<string, { name: string; kind: VendorKind; refs: Set<string>; seenAt: string[] }>();
  const selfHosted = new Set(result.components.filter((c) => c.type === 'vectorstore' && c.ecosystem === 'docker' && c.provider).map((c) => c.provider as string));
  for (const c of result.components) {
    const v = vendorOf(c, selfHosted);
    if (!v) continue;
    const key = `${v.kind}:${v.name.toLowerCase()}`;
    const entry = byKey.get(key) ?? { ...v, refs: new Set<string>(), seenAt: [] };
    entry.refs.add(c.ref);
    for (const e of c.evidence) {
      const at = e.line !== undefined ? `${e.path}:${e.line}` : e.path;
      if (entry.seenAt.length < 3 && !entry.seenAt.includes(at)) entry.seenAt.push(at);
    }
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .map((v) => ({ name: v.name, kind: v.kind, refs: [...v.refs].sort(), seenAt: v.seenAt }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}
