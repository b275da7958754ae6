/**
 * Vendors to review, pre-filled from the inventory: model providers (SDKs, provider
 * endpoints, models with a known provider), hosted vector stores (data providers) and
 * MCP servers.
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

function vendorOf(c: Component): { name: string; kind: VendorKind } | undefined {
  switch (c.type) {
    case 'sdk':
    case 'provider-endpoint':
    case 'model':
    case 'framework':
      return c.provider ? { name: c.provider, kind: 'model-provider' } : undefined;
    case 'vectorstore':
      return c.provider && c.properties?.hosted !== 'false' ? { name: c.provider, kind: 'data-provider' } : undefined;
    case 'mcp-server':
      return { name: c.name, kind: 'mcp-server' };
    case 'tool':
      return c.properties?.plugin === 'true' ? { name: c.name, kind: 'plugin' } : undefined;
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
  for (const c of result.components) {
    const v = vendorOf(c);
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
