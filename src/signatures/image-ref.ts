/**
 * Container image references (`ghcr.io/org/name:tag@sha256:…`), parsed without regexes so
 * arbitrary compose/Kubernetes input stays linear.
 */

/** A parsed image reference. `repository` keeps a non-Docker-Hub registry (`ghcr.io/…`). */
export interface ImageRef {
  /** `ollama/ollama`, `ghcr.io/huggingface/text-generation-inference`, `redis` (Docker Hub `library/` dropped). */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

const HUB_PREFIXES = ['docker.io/library/', 'index.docker.io/library/', 'registry-1.docker.io/library/', 'docker.io/', 'index.docker.io/', 'registry-1.docker.io/', 'library/'];

/**
 * Resolve compose-style interpolation with defaults (`${IMAGE:-ollama/ollama}` → `ollama/ollama`).
 * Returns undefined when a variable has no default (the image is unknown statically).
 */
export function resolveDefaults(value: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf('${', i);
    if (start === -1) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, start);
    const end = value.indexOf('}', start);
    if (end === -1) return undefined;
    const inner = value.slice(start + 2, end);
    const dflt = inner.indexOf(':-') !== -1 ? inner.indexOf(':-') : inner.indexOf('-');
    if (dflt === -1) return undefined;
    out += inner.slice(dflt + (inner[dflt] === ':' ? 2 : 1));
    i = end + 1;
  }
  return out;
}

/**
 * Parse an image reference; undefined for empty or unresolvable (variable without default).
 * @example parseImageRef('docker.io/ollama/ollama:0.5.7') // { repository: 'ollama/ollama', tag: '0.5.7' }
 */
export function parseImageRef(raw: string): ImageRef | undefined {
  const resolved = resolveDefaults(raw.trim().replace(/^["']|["']$/g, ''));
  if (resolved === undefined || resolved === '' || resolved.includes(' ')) return undefined;
  let rest = resolved.toLowerCase();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  for (const p of HUB_PREFIXES) {
    if (rest.startsWith(p)) {
      rest = rest.slice(p.length);
      break;
    }
  }
  if (rest === '') return undefined;
  return { repository: rest, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** True when `repository` equals a pattern, or starts with it when the pattern ends in `/`. */
export function repositoryMatches(repository: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('/') ? repository.startsWith(p) : repository === p));
}
