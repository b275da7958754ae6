/**
 * Domain allow-list entries:
 * - `example.com`   only that host;
 * - `*.example.com` any subdomain, not the apex;
 * - `.example.com`  the apex and any subdomain.
 * Entries and URLs are compared after WHATWG URL normalisation (lower case, IDN → punycode, no trailing dot).
 */
export interface DomainAllowList {
  readonly exact: ReadonlySet<string>;
  /** `.example.com` suffixes that match subdomains. */
  readonly suffixes: readonly string[];
  /** Apexes allowed through a `.example.com` entry. */
  readonly apexes: ReadonlySet<string>;
}

/** Normalise a host the way a browser would (punycode, lower case, no trailing dot); undefined if invalid. */
export function normaliseHost(host: string): string | undefined {
  try {
    const h = new URL(`http://${host}/`).hostname;
    return h.endsWith('.') ? h.slice(0, -1) : h;
  } catch {
    return undefined;
  }
}

/** Build an allow-list from config entries; throws TypeError naming the bad entry. */
export function compileDomainAllowList(entries: readonly string[]): DomainAllowList {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  const apexes = new Set<string>();
  for (const raw of entries) {
    const entry = raw.trim();
    const wildcard = entry.startsWith('*.');
    const dotted = !wildcard && entry.startsWith('.');
    const host = normaliseHost(wildcard ? entry.slice(2) : dotted ? entry.slice(1) : entry);
    if (!host || host.includes('*') || host.includes('/')) throw new TypeError(`invalid allow-list domain "${raw}"`);
    if (wildcard || dotted) suffixes.push(`.${host}`);
    if (dotted) apexes.add(host);
    if (!wildcard && !dotted) exact.add(host);
  }
  return { exact, suffixes, apexes };
}

/** Whether a normalised host is allowed. */
export function hostAllowed(host: string, allow: DomainAllowList): boolean {
  const h = host.endsWith('.') ? host.slice(0, -1) : host;
  return allow.exact.has(h) || allow.apexes.has(h) || allow.suffixes.some((s) => h.endsWith(s) && h.length > s.length);
}

export type UrlCheck =
  | { readonly ok: true; readonly host: string }
  | { readonly ok: false; readonly host?: string; readonly reason: 'invalid' | 'scheme' | 'userinfo' | 'not-allowed' };

/**
 * Check one URL against the allow-list. Userinfo is always rejected: in
 * `https://allowed.com@evil.com` the host is evil.com, and the allowed name is bait.
 */
export function checkUrl(url: string, allow: DomainAllowList): UrlCheck {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, reason: 'scheme' };
  const host = u.hostname.endsWith('.') ? u.hostname.slice(0, -1) : u.hostname;
  if (u.username !== '' || u.password !== '') return { ok: false, host, reason: 'userinfo' };
  return hostAllowed(host, allow) ? { ok: true, host } : { ok: false, host, reason: 'not-allowed' };
}

/**
 * Tool allow-list: exact names, or `prefix*` (e.g. `mcp__github__*`).
 * @example toolAllowed('mcp__github__create_issue', ['search', 'mcp__github__*']) // true
 */
export function toolAllowed(name: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => (a.endsWith('*') ? name.startsWith(a.slice(0, -1)) : name === a));
}
