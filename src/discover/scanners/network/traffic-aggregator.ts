/**
 * Counts of (client, provider host) seen in one evidence file, with bounded memory: at most
 * {@link MAX_PAIRS} distinct pairs are tracked (the rest are counted as overflow), so a log of
 * any size aggregates in constant space.
 */
import { matchProviderHost, type ProviderHost } from '../../../signatures/provider-hosts.js';
import type { ComponentDraft, FindingDraft, Observation } from '../../model.js';
import type { TrafficHit, TrafficKind } from './log-line-parsers.js';

export const MAX_PAIRS = 20_000;
/** Clients reported individually; the rest are summed into one finding. */
export const MAX_CLIENT_FINDINGS = 200;
/** Distinct host strings whose provider lookup is remembered per file. */
const MAX_HOST_CACHE = 4096;

interface Pair {
  readonly client: string;
  readonly host: string;
  readonly provider: ProviderHost;
  readonly kind: TrafficKind;
  count: number;
  readonly firstLine: number;
  /** Order of first sight (several pairs can share a line, e.g. a one-line HAR). */
  readonly seq: number;
}

export class TrafficAggregator {
  /** host → client → pair (two lookups instead of building a `client\0host` key per line). */
  readonly #byHost = new Map<string, Map<string, Pair>>();
  #size = 0;
  /** `matchProviderHost` per distinct host string (logs repeat a few hosts many times); bounded. */
  readonly #providers = new Map<string, ProviderHost | null>();
  #overflow = 0;

  #providerOf(host: string): ProviderHost | undefined {
    const cached = this.#providers.get(host);
    if (cached !== undefined) return cached ?? undefined;
    const provider = matchProviderHost(host);
    if (this.#providers.size < MAX_HOST_CACHE) this.#providers.set(host, provider ?? null);
    return provider;
  }

  /** Record a parsed hit at a 1-based line; non-provider hosts are ignored. */
  add(hit: TrafficHit, line: number): void {
    const provider = this.#providerOf(hit.host);
    if (!provider) return;
    let clients = this.#byHost.get(hit.host);
    const p = clients?.get(hit.client);
    if (p) p.count++;
    else if (this.#size < MAX_PAIRS) {
      if (!clients) this.#byHost.set(hit.host, (clients = new Map()));
      clients.set(hit.client, { client: hit.client, host: hit.host, provider, kind: hit.kind, count: 1, firstLine: line, seq: this.#size++ });
    } else this.#overflow++;
  }

  get size(): number {
    return this.#size;
  }

  /** Pairs in first-seen order, as the single map of earlier versions iterated them. */
  #pairs(): Pair[] {
    const all: Pair[] = [];
    for (const clients of this.#byHost.values()) for (const p of clients.values()) all.push(p);
    return all.sort((a, b) => a.seq - b.seq);
  }

  /** Components per host and one `shadow-ai-traffic` finding per client (AI-INV-02, medium). */
  toObservation(path: string, scanner: string): Observation {
    const byHost = new Map<string, Pair[]>();
    const byClient = new Map<string, Pair[]>();
    for (const p of this.#pairs()) {
      push(byHost, p.host, p);
      if (p.provider.kind !== 'observability' && p.provider.kind !== 'hub') push(byClient, p.client, p);
    }
    const components: ComponentDraft[] = [];
    for (const [host, pairs] of byHost) {
      const first = pairs.reduce((a, b) => (b.firstLine < a.firstLine ? b : a));
      const calls = pairs.reduce((n, p) => n + p.count, 0);
      components.push({
        type: 'provider-endpoint',
        name: host,
        provider: first.provider.provider,
        properties: { kind: first.provider.kind, seenIn: first.kind, calls: String(calls), clients: String(pairs.length) },
        evidence: { path, line: first.firstLine, scanner, snippet: `${first.client} → ${host}` },
      });
    }
    const findings: FindingDraft[] = [];
    const clients = [...byClient.entries()].sort((a, b) => total(b[1]) - total(a[1]));
    for (const [client, pairs] of clients.slice(0, MAX_CLIENT_FINDINGS)) {
      pairs.sort((a, b) => b.count - a.count);
      const first = pairs.reduce((a, b) => (b.firstLine < a.firstLine ? b : a));
      const verb = pairs.every((p) => p.kind === 'dns') ? 'looked up' : 'called';
      const list = pairs.slice(0, 5).map((p) => `${p.host} ${p.count} time${p.count === 1 ? '' : 's'}`);
      const more = pairs.length > 5 ? ` and ${pairs.length - 5} more host(s)` : '';
      findings.push({
        rule: 'shadow-ai-traffic',
        controlId: 'AI-INV-02',
        severity: 'medium',
        message: `${client} ${verb} ${list.join(', ')}${more}; confirm this AI use is inventoried and approved.`,
        evidence: { path, line: first.firstLine, scanner, snippet: `${client} → ${first.host}` },
        componentRef: `provider-endpoint::${first.host}`,
      });
    }
    const rest = clients.slice(MAX_CLIENT_FINDINGS);
    if (rest.length > 0 || this.#overflow > 0) {
      const calls = rest.reduce((n, [, ps]) => n + total(ps), 0) + this.#overflow;
      findings.push({
        rule: 'shadow-ai-traffic',
        controlId: 'AI-INV-02',
        severity: 'medium',
        message: `${rest.length} more client(s) made ${calls} more call(s) to AI provider hosts (not itemised); confirm this AI use is inventoried and approved.`,
        evidence: { path, scanner },
      });
    }
    return { components, findings };
  }
}

function total(pairs: readonly Pair[]): number {
  return pairs.reduce((n, p) => n + p.count, 0);
}

function push(m: Map<string, Pair[]>, k: string, p: Pair): void {
  const list = m.get(k);
  if (list) list.push(p);
  else m.set(k, [p]);
}
