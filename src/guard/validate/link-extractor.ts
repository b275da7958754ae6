import type { Span } from '../detection.js';
import { MAX_MATCHES } from '../sensitive/sensitive-match.js';

/** How a URL appears in model output. */
export type LinkKind = 'markdown-image' | 'markdown-link' | 'reference-image' | 'html-image' | 'html-link' | 'bare';

export interface ExtractedLink {
  readonly kind: LinkKind;
  readonly url: string;
  /** Span of the whole construct (image/link markup, or the bare URL). */
  readonly span: Span;
}

const MD_IMAGE = /!\[[^\]\n]{0,500}\]\(\s{0,4}<?([^\s)>]{1,4096})>?(?:\s{1,4}"[^"\n]{0,200}")?\s{0,4}\)?/g;
const MD_LINK = /(?<!!)\[[^\]\n]{0,500}\]\(\s{0,4}<?([^\s)>]{1,4096})>?(?:\s{1,4}"[^"\n]{0,200}")?\s{0,4}\)?/g;
const REF_IMAGE = /!\[([^\]\n]{0,500})\](?:\[([^\]\n]{0,100})\])?/g;
const REF_DEF = /^ {0,3}\[([^\]\n]{1,100})\]:[ \t]{0,8}<?([^\s>]{1,4096})/gm;
const HTML_IMG = /<img\b[^<>]{0,2000}?\bsrc\s{0,4}=\s{0,4}["']?([^"'\s>]{1,4096})/gi;
const HTML_LINK = /<a\b[^<>]{0,2000}?\bhref\s{0,4}=\s{0,4}["']?([^"'\s>]{1,4096})/gi;
const BARE = /https?:\/\/[^\s<>"'`)\]]{1,4096}/gi;

function each(re: RegExp, text: string, f: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(text); m !== null && n < MAX_MATCHES; m = re.exec(text), n++) f(m);
}

/** Every URL in the text with how it is used (images load without a click: the exfiltration channel). */
export function extractLinks(text: string): ExtractedLink[] {
  const links: ExtractedLink[] = [];
  const covered: Span[] = [];
  const push = (kind: LinkKind, url: string, start: number, end: number): void => {
    links.push({ kind, url, span: { start, end } });
    covered.push({ start, end });
  };
  if (text.includes('](')) {
    each(MD_IMAGE, text, (m) => push('markdown-image', m[1] ?? '', m.index, m.index + m[0].length));
    each(MD_LINK, text, (m) => push('markdown-link', m[1] ?? '', m.index, m.index + m[0].length));
  }
  if (text.includes(']:')) {
    const defs = new Map<string, string>();
    each(REF_DEF, text, (m) => {
      defs.set((m[1] ?? '').toLowerCase(), m[2] ?? '');
      covered.push({ start: m.index, end: m.index + m[0].length });
    });
    if (defs.size > 0) {
      each(REF_IMAGE, text, (m) => {
        if (text[m.index + m[0].length] === '(') return;
        const url = defs.get((m[2] || m[1] || '').toLowerCase());
        if (url !== undefined) push('reference-image', url, m.index, m.index + m[0].length);
      });
    }
  }
  if (/<(?:img|a)\b/i.test(text)) {
    each(HTML_IMG, text, (m) => push('html-image', m[1] ?? '', m.index, m.index + m[0].length));
    each(HTML_LINK, text, (m) => push('html-link', m[1] ?? '', m.index, m.index + m[0].length));
  }
  if (/https?:\/\//i.test(text)) {
    covered.sort((a, b) => a.start - b.start);
    each(BARE, text, (m) => {
      const url = m[0].replace(/[.,;:!?]+$/, '');
      const start = m.index;
      // Skip URLs already found inside image/link markup (binary search over covered spans).
      let lo = 0;
      let hi = covered.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const c = covered[mid];
        if (!c) break;
        if (c.end <= start) lo = mid + 1;
        else if (c.start > start) hi = mid - 1;
        else return;
      }
      links.push({ kind: 'bare', url, span: { start, end: start + url.length } });
    });
  }
  return links;
}
