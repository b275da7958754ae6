/**
 * What an MCP server entry tells about risk: the package it launches and whether it is pinned,
 * the transport, whether a remote server authenticates, which env/header values are literal
 * secrets, and whether it is a known risky kind (shell, broad filesystem, browser, writable DB).
 */
import { findProviderKeys, isPlaceholderKey } from '../../../signatures/provider-keys.js';
import type { McpServerEntry } from './mcp-server-entry.js';

export type Transport = 'stdio' | 'http' | 'sse';

const LAUNCHERS = new Set(['npx', 'bunx', 'pnpx', 'uvx', 'pipx', 'pnpm', 'yarn', 'bun', 'docker', 'podman', 'deno']);
const DOCKER_VALUE_FLAGS = new Set(['-e', '--env', '-v', '--volume', '--name', '--network', '-p', '--publish', '--mount', '-w', '--workdir', '--env-file', '-u', '--user', '--platform', '--entrypoint']);
const SKIP_WORDS = new Set(['dlx', 'run', 'exec', 'x', '--']);

function base(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1).toLowerCase().replace(/\.(exe|cmd|bat)$/, '');
}

/** The package or image a launcher command runs (`npx -y @scope/pkg@1.2` → `@scope/pkg@1.2`). */
export function launchedPackage(e: McpServerEntry): string | undefined {
  if (e.command === undefined) return undefined;
  const exe = base(e.command);
  if (!LAUNCHERS.has(exe)) return undefined;
  const docker = exe === 'docker' || exe === 'podman';
  for (let i = 0; i < e.args.length; i++) {
    const a = e.args[i] ?? '';
    if (docker && DOCKER_VALUE_FLAGS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-') || SKIP_WORDS.has(a)) continue;
    return a;
  }
  return undefined;
}

/** Version-pinned: `pkg@1.2.3`, `pkg==1.2`, `image:tag` (not latest), `image@sha256:…`. */
export function isPinned(pkg: string, docker: boolean): boolean {
  if (docker) {
    if (pkg.includes('@sha256:')) return true;
    const tag = pkg.lastIndexOf(':') > pkg.lastIndexOf('/') ? pkg.slice(pkg.lastIndexOf(':') + 1) : '';
    return tag !== '' && tag !== 'latest';
  }
  if (pkg.includes('==')) return true;
  const at = pkg.lastIndexOf('@');
  if (at <= 0) return false;
  const v = pkg.slice(at + 1);
  return v !== '' && v !== 'latest' && v !== 'next' && /^\d/.test(v);
}

/** Package name without its version. */
export function packageName(pkg: string): string {
  const eq = pkg.indexOf('==');
  if (eq !== -1) return pkg.slice(0, eq);
  const at = pkg.lastIndexOf('@');
  return at > 0 ? pkg.slice(0, at) : pkg;
}

export function transportOf(e: McpServerEntry): Transport {
  const t = (e.type ?? '').toLowerCase();
  if (e.url === undefined) return 'stdio';
  if (t === 'sse' || e.url.replace(/\/+$/, '').endsWith('/sse')) return 'sse';
  return 'http';
}

/** Host of a URL without userinfo, or '' when unparsable. */
export function urlHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return '';
  }
}

/** A URL safe to show: no userinfo, no query (either can carry a token). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(unparsable url)';
  }
}

export function isLocalUrl(url: string): boolean {
  const h = urlHost(url);
  return h === 'localhost' || h === '::1' || h.startsWith('127.') || h === 'host.docker.internal';
}

const AUTH_HEADERS = ['authorization', 'x-api-key', 'api-key', 'apikey', 'x-auth-token', 'proxy-authorization', 'cookie'];
const SECRET_NAME_PARTS = ['KEY', 'TOKEN', 'SECRET', 'PASSWORD', 'PASSWD', 'CREDENTIAL', 'AUTH', 'PAT', 'COOKIE'];

function isSecretName(name: string): boolean {
  const parts = name.toUpperCase().split(/[^A-Z0-9]+/);
  return parts.some((p) => SECRET_NAME_PARTS.includes(p)) || AUTH_HEADERS.includes(name.toLowerCase());
}

/** A value that is a reference (`${VAR}`, `${env:VAR}`, `${input:x}`, `$VAR`, `{env:VAR}`) rather than a literal. */
function isReference(value: string): boolean {
  const v = value.trim();
  return v === '' || v.startsWith('$') || v.includes('${') || v.startsWith('{env:') || v.startsWith('{{');
}

/** Remote servers: does the config carry or arrange any credential? */
export function hasAuth(e: McpServerEntry): boolean {
  if (e.authConfigured) return true;
  if (Object.entries(e.headers).some(([k, v]) => AUTH_HEADERS.includes(k.toLowerCase()) && v.trim() !== '')) return true;
  if (e.url !== undefined && /[?&](?:api[_-]?key|token|access_token|key)=/i.test(e.url)) return true;
  return Object.entries(e.env).some(([k, v]) => isSecretName(k) && v.trim() !== '');
}

/**
 * Names of env vars and headers whose value is a literal secret in the file (never the values).
 * A value counts when its name says secret and it is not a reference or placeholder, or when
 * it matches a provider key format whatever its name.
 */
export function literalSecretNames(e: McpServerEntry, path: string): string[] {
  const out: string[] = [];
  const check = (kind: string, k: string, raw: string) => {
    const v = raw.trim().replace(/^(?:bearer|basic|token)\s+/i, '');
    if (isReference(v)) return;
    const keyMatch = findProviderKeys(v).some((m) => !isPlaceholderKey(m.value, { path }));
    if (keyMatch || (isSecretName(k) && !isPlaceholderKey(v, { path }) && v.length >= 8)) out.push(`${kind} ${k}`);
  };
  for (const [k, v] of Object.entries(e.env)) check('env', k, v);
  for (const [k, v] of Object.entries(e.headers)) check('header', k, v);
  return out;
}

interface RiskRule {
  readonly test: (pkg: string, e: McpServerEntry) => boolean;
  readonly reason: string;
  readonly severity: 'high' | 'medium';
}

const SHELLS = new Set(['bash', 'sh', 'zsh', 'fish', 'pwsh', 'powershell', 'cmd']);
const has = (pkg: string, ...words: string[]) => words.some((w) => pkg.includes(w));
const BROAD_ROOTS = new Set(['/', '~', '~/', '$HOME', '${HOME}', '/home', '/Users', '/root', 'C:\\', 'C:/', '%USERPROFILE%']);
/** `/`, `~`, `$HOME`, `/home/<user>`, `/Users/<user>`, `C:\\` … */
function isBroadRoot(arg: string): boolean {
  const a = arg.replace(/[/\\]+$/, '') || '/';
  if (BROAD_ROOTS.has(a)) return true;
  const parts = a.split(/[/\\]/);
  return (parts[1] === 'home' || parts[1] === 'Users') && parts.length === 3;
}
const readOnly = (e: McpServerEntry) => e.args.some((a) => /^--?read[-_]?only$/i.test(a) || a === '--readonly');

const RISK_RULES: readonly RiskRule[] = [
  { test: (_p, e) => e.command !== undefined && SHELLS.has(base(e.command)), reason: 'runs a shell directly', severity: 'high' },
  { test: (p) => has(p, 'shell', 'terminal', 'desktop-commander', 'server-commands', 'mcp-server-commands', 'code-runner', 'run-python', 'python-repl', 'exec'), reason: 'can execute shell commands or code', severity: 'high' },
  {
    test: (p, e) => has(p, 'server-filesystem', 'filesystem') && (e.args.some(isBroadRoot) || e.args.filter((a) => !a.startsWith('-')).length <= 1),
    reason: 'has file read/write access to a broad root (home or /)',
    severity: 'high',
  },
  { test: (p) => has(p, 'playwright', 'puppeteer', 'browser', 'chrome-devtools'), reason: 'drives a browser (network egress, credential pages)', severity: 'medium' },
  // The reference Postgres server only offers a read-only query tool.
  { test: (p, e) => has(p, 'sqlite', 'mysql', 'postgres', 'mongo', 'redis', 'mssql', 'database', 'supabase') && !p.includes('@modelcontextprotocol/server-postgres') && !readOnly(e), reason: 'has database access that can write', severity: 'medium' },
];

export interface RiskVerdict {
  readonly reasons: readonly string[];
  readonly severity: 'high' | 'medium';
}

/** Why a server is risky (empty when it is not), with the highest severity among the reasons. */
export function riskOf(e: McpServerEntry): RiskVerdict {
  const launched = launchedPackage(e);
  const pkg = (launched ?? e.args.find((a) => !a.startsWith('-')) ?? e.command ?? '').toLowerCase();
  // The server's name is a hint only when the config does not say what it launches (remote servers).
  const name = launched === undefined && e.command === undefined ? e.name.toLowerCase() : '';
  const hits = RISK_RULES.filter((r) => r.test(pkg, e) || (name !== '' && r.test(name, e)));
  const reasons = hits.map((r) => r.reason);
  if (hits.length > 0 && (e.autoApprove === 'all' || e.autoApprove.length > 0)) reasons.push(e.autoApprove === 'all' ? 'the client trusts all its tools without confirmation' : `auto-approves ${e.autoApprove.length} tool(s)`);
  return { reasons: [...new Set(reasons)], severity: hits.some((h) => h.severity === 'high') ? 'high' : 'medium' };
}
