import type { Finding } from '../detection.js';
import { MAX_MATCHES } from '../sensitive/sensitive-match.js';
import { extractLinks, type ExtractedLink } from './link-extractor.js';
import { checkUrl, type DomainAllowList } from './url-allowlist.js';

/** Base64/hex/URL-encoded looking value long enough to carry data. */
function dataLike(value: string): boolean {
  if (value.length >= 64) return true;
  if (value.length < 16) return false;
  if (/%[0-9A-Fa-f]{2}/.test(value) && value.length >= 24) return true;
  const distinct = new Set(value).size;
  return distinct >= 10 && /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}

/** Does the URL carry data in its query, fragment or path (the exfiltration payload)? */
export function carriesData(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.search.length > 96) return true;
  for (const [k, v] of u.searchParams) if (dataLike(v) || dataLike(k)) return true;
  if (u.hash.length > 1 && dataLike(u.hash.slice(1))) return true;
  return u.pathname.split('/').some((seg) => seg.length >= 32 && dataLike(seg));
}

const IMAGE_KINDS = new Set<ExtractedLink['kind']>(['markdown-image', 'reference-image', 'html-image']);

/**
 * Markdown/HTML image and link exfiltration (AI-VAL-02): an image loads without a click, so an
 * image URL carrying data to a host outside the allow-list is the classic zero-click leak.
 * Links need a click and score lower. With no allow-list, only data-carrying URLs are flagged.
 */
export function findExfiltration(text: string, allow: DomainAllowList | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const link of extractLinks(text)) {
    if (findings.length >= MAX_MATCHES) break;
    if (!/^https?:/i.test(link.url) && !link.url.startsWith('//')) continue;
    const url = link.url.startsWith('//') ? `https:${link.url}` : link.url;
    const check = allow ? checkUrl(url, allow) : undefined;
    if (check?.ok) continue;
    const image = IMAGE_KINDS.has(link.kind);
    const data = carriesData(url);
    const userinfo = check !== undefined && !check.ok && check.reason === 'userinfo';
    if (!data && !userinfo && !(image && allow)) continue;
    const category = image ? 'image_exfiltration' : 'link_exfiltration';
    const score = image ? (data ? 0.95 : 0.7) : data ? 0.75 : 0.6;
    const why = data ? 'carries data in its URL' : userinfo ? 'hides its host behind userinfo' : 'points outside the allow-list';
    findings.push({ category, score, spans: [link.span], message: `${link.kind} ${why}` });
  }
  return findings;
}
