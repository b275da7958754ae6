/**
 * One line of network evidence → (client, host) for the formats Attest reads: nginx/Apache
 * combined (proxy style, absolute URL or CONNECT), Squid native, Zeek http/ssl/dns (TSV with a
 * `#fields` header, or JSON), generic JSON lines, BIND query logs and dnsmasq. Pure string
 * scanning (indexOf/split), no regular expressions: linear in the line length whatever it holds.
 */
import { hostOf, mightMentionProviderHost } from '../../../signatures/provider-hosts.js';

export type TrafficKind = 'http' | 'dns' | 'tls';

export interface TrafficHit {
  readonly client: string;
  readonly host: string;
  readonly kind: TrafficKind;
}

/** Per-file parser state (Zeek TSV headers). */
export interface LogState {
  separator: string;
  fields?: Map<string, number>;
  zeekKind?: TrafficKind;
}

export function newLogState(): LogState {
  return { separator: '\t' };
}

const MAX_CLIENT = 64;
const clip = (s: string): string => (s.length > MAX_CLIENT ? s.slice(0, MAX_CLIENT) : s);

function zeekHeader(line: string, st: LogState): void {
  if (line.startsWith('#separator ')) {
    const sep = line.slice(11).trim();
    st.separator = sep === '\\x09' ? '\t' : sep.startsWith('\\x') ? String.fromCharCode(Number.parseInt(sep.slice(2), 16) || 9) : sep || '\t';
  } else if (line.startsWith('#fields')) {
    const names = line.split(st.separator).slice(1);
    st.fields = new Map(names.map((n, i) => [n.trim(), i]));
    st.zeekKind = st.fields.has('query') ? 'dns' : st.fields.has('server_name') ? 'tls' : 'http';
  } else if (line.startsWith('#path')) {
    const p = line.slice(5).trim();
    st.zeekKind = p === 'dns' ? 'dns' : p === 'ssl' ? 'tls' : 'http';
  }
}

function zeekRow(line: string, st: LogState): TrafficHit | undefined {
  const f = st.fields;
  if (!f) return undefined;
  const cols = line.split(st.separator);
  const at = (name: string) => {
    const i = f.get(name);
    const v = i === undefined ? undefined : cols[i];
    return v === undefined || v === '-' || v === '(empty)' ? undefined : v;
  };
  const host = at('host') ?? at('server_name') ?? at('query');
  const client = at('id.orig_h');
  if (!host || !client) return undefined;
  return { client: clip(client), host: hostOf(host), kind: st.zeekKind ?? 'http' };
}

type Json = Record<string, unknown>;
const HOST_PATHS: readonly (readonly string[])[] = [['host'], ['server_name'], ['sni'], ['query'], ['request_host'], ['url', 'domain'], ['destination', 'domain'], ['dns', 'question', 'name'], ['http', 'host'], ['tls', 'sni']];
const URL_PATHS: readonly (readonly string[])[] = [['url'], ['request_url'], ['uri'], ['url', 'full'], ['request', 'url']];
const CLIENT_PATHS: readonly (readonly string[])[] = [['id.orig_h'], ['client_ip'], ['src_ip'], ['source', 'ip'], ['client', 'ip'], ['remote_addr'], ['client_addr'], ['client'], ['src'], ['user'], ['user', 'name']];

function dig(o: Json, path: readonly string[]): string | undefined {
  let cur: unknown = o;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Json)[k];
  }
  return typeof cur === 'string' && cur !== '' ? cur : undefined;
}

function jsonRow(line: string): TrafficHit | undefined {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return undefined;
  const j = o as Json;
  let host: string | undefined;
  let kind: TrafficKind = 'http';
  for (const p of HOST_PATHS) {
    host = dig(j, p);
    if (host) {
      if (p[0] === 'query' || p[0] === 'dns') kind = 'dns';
      else if (p[0] === 'server_name' || p[0] === 'sni' || p[0] === 'tls') kind = 'tls';
      break;
    }
  }
  if (!host) {
    for (const p of URL_PATHS) {
      const u = dig(j, p);
      if (u && u.includes('://')) {
        host = u;
        break;
      }
    }
  }
  if (!host) return undefined;
  let client = 'unknown';
  for (const p of CLIENT_PATHS) {
    const c = dig(j, p);
    if (c) {
      client = c;
      break;
    }
  }
  return { client: clip(client), host: hostOf(host), kind };
}

/** `client - user [time] "METHOD target HTTP/x" …` with an absolute URL or CONNECT target. */
function combinedRow(line: string): TrafficHit | undefined {
  const q1 = line.indexOf('"');
  if (q1 === -1) return undefined;
  const br = line.indexOf('[');
  if (br === -1 || br > q1) return undefined;
  const q2 = line.indexOf('"', q1 + 1);
  if (q2 === -1) return undefined;
  // The first two space-separated words between the quotes (method, target), without splitting the line.
  let s1 = line.indexOf(' ', q1 + 1);
  if (s1 === -1 || s1 > q2) s1 = q2;
  let s2 = s1 === q2 ? q2 : line.indexOf(' ', s1 + 1);
  if (s2 === -1 || s2 > q2) s2 = q2;
  const target = s1 === q2 ? '' : line.slice(s1 + 1, s2);
  const isConnect = s1 - (q1 + 1) === 7 && line.startsWith('CONNECT', q1 + 1);
  if (!isConnect && !target.includes('://')) return undefined;
  const sp = line.indexOf(' ');
  return { client: clip(sp === -1 ? line : line.slice(0, sp)), host: hostOf(target), kind: 'http' };
}

/** Squid native: `time elapsed client code/status bytes method URL …`. */
function squidRow(line: string): TrafficHit | undefined {
  const t = line.split(' ').filter((x) => x !== '');
  if (t.length < 7 || !(t[3] ?? '').includes('/')) return undefined;
  const url = t[6] ?? '';
  if (t[5] !== 'CONNECT' && !url.includes('://')) return undefined;
  return { client: clip(t[2] ?? ''), host: hostOf(url), kind: 'http' };
}

/** BIND: `… client @0x… 10.0.0.5#53211 (api.openai.com): query: api.openai.com IN A +`. */
function bindRow(line: string): TrafficHit | undefined {
  const q = line.indexOf(' query: ');
  if (q === -1) return undefined;
  const host = line.slice(q + 8).split(' ')[0] ?? '';
  const c = line.indexOf('client ');
  if (c === -1) return undefined;
  const clientTok = line.slice(c + 7, q).split(' ').find((t) => t.includes('#')) ?? '';
  return { client: clip(clientTok.slice(0, clientTok.indexOf('#'))), host: hostOf(host), kind: 'dns' };
}

/** dnsmasq: `… dnsmasq[123]: query[A] api.openai.com from 10.0.0.5`. */
function dnsmasqRow(line: string): TrafficHit | undefined {
  const q = line.indexOf('query[');
  if (q === -1) return undefined;
  const rest = line.slice(line.indexOf(']', q) + 1).trim().split(' ');
  if (rest[1] !== 'from' || !rest[0] || !rest[2]) return undefined;
  return { client: clip(rest[2]), host: hostOf(rest[0]), kind: 'dns' };
}

/** Parse one line; undefined when it names no host we can attribute. */
export function parseLogLine(line: string, st: LogState): TrafficHit | undefined {
  if (line.length === 0) return undefined;
  const c0 = line.charCodeAt(0);
  if (c0 === 35 /* # */) {
    zeekHeader(line, st);
    return undefined;
  }
  if (st.fields) return zeekRow(line, st);
  // JSON.parse is the expensive path: only for lines that might name a provider.
  if (c0 === 123 /* { */) return mightMentionProviderHost(line) ? jsonRow(line) : undefined;
  if (line.includes(' query: ')) return bindRow(line);
  if (line.includes('dnsmasq')) return dnsmasqRow(line);
  return combinedRow(line) ?? squidRow(line);
}
