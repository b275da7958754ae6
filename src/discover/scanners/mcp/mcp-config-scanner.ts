/**
 * MCP client configurations in all the usual places (signatures doc §11): every configured
 * server becomes an `mcp-server` component; remote servers without auth, literal secrets in
 * env/headers, and known risky servers become findings. Secret values are never copied: only
 * variable and header names appear in output.
 *
 * Control choices: `mcp-secret-env` → AI-KEY-01 (a literal credential in a committed config is a
 * hard-coded key, whatever the server); `mcp-risky-server` → AI-VND-02 (the server's reach —
 * shell, broad filesystem, browser, writable database — is what vetting must approve).
 */
import { parse as parseToml } from 'smol-toml';
import { parse as parseYamlValue } from 'yaml';
import { AttestError } from '../../../core/errors.js';
import type { ComponentDraft, FileInput, FileScanner, FindingDraft, Observation } from '../../model.js';
import { redactSnippet } from '../keys/redact-snippet.js';
import { parseJsonc } from './_jsonc.js';
import { serverMaps, toEntry, type McpServerEntry } from './mcp-server-entry.js';
import { displayUrl, hasAuth, isLocalUrl, isPinned, launchedPackage, literalSecretNames, packageName, riskOf, transportOf } from './mcp-server-risk.js';

const SCANNER = 'mcp';

const JSON_NAMES = new Set([
  'claude_desktop_config.json', '.mcp.json', 'mcp.json', 'mcp-config.json', 'mcp_config.json', 'mcp-servers-config.json',
  'cline_mcp_settings.json', 'mcp_settings.json', 'mcp_servers.json', 'gemini-extension.json', '.claude.json', 'opencode.json', 'opencode.jsonc',
]);

type Format = 'json' | 'toml' | 'yaml';

/** Which client config a path is, if any. */
export function mcpConfigFormat(path: string): Format | undefined {
  const lower = path.toLowerCase();
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  const dir = `/${lower.slice(0, Math.max(0, lower.lastIndexOf('/')))}/`;
  if (JSON_NAMES.has(base)) return 'json';
  if (base === 'settings.json' && (dir.includes('/.vscode/') || dir.includes('/.gemini/') || dir.includes('/.zed/') || dir.endsWith('/zed/') || dir.includes('/code/user/'))) return 'json';
  if (base === 'config.toml' && (dir.includes('/.codex/') || dir.endsWith('/codex/'))) return 'toml';
  if ((base === 'config.yaml' || base === 'config.yml') && (dir.includes('/.continue/') || dir.includes('/goose/'))) return 'yaml';
  if ((base.endsWith('.yaml') || base.endsWith('.yml')) && dir.includes('/.continue/mcpservers/')) return 'yaml';
  return undefined;
}

function clientOf(path: string): string {
  const l = path.toLowerCase();
  const table: Array<[string, string]> = [
    ['claude_desktop_config', 'claude-desktop'], ['.claude.json', 'claude-code'], ['.cursor/', 'cursor'], ['.vscode/', 'vscode'],
    ['windsurf', 'windsurf'], ['.gemini/', 'gemini-cli'], ['gemini-extension', 'gemini-cli'], ['codex', 'codex'], ['cline', 'cline'],
    ['.roo/', 'roo-code'], ['zed', 'zed'], ['opencode', 'opencode'], ['.kiro/', 'kiro'], ['.continue/', 'continue'], ['goose', 'goose'],
  ];
  return table.find(([k]) => l.includes(k))?.[1] ?? (l.endsWith('.mcp.json') ? 'claude-code' : 'generic');
}

function parseConfig(text: string, file: FileInput, format: Format): unknown {
  if (format === 'json') return parseJsonc(text, file.path);
  try {
    return format === 'toml' ? parseToml(text) : parseYamlValue(text);
  } catch (err) {
    const line = (err as { line?: number; linePos?: Array<{ line: number }> }).line ?? (err as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new AttestError('BAD_INPUT', `invalid ${format.toUpperCase()} (syntax error)`, { where: file.path, ...(typeof line === 'number' ? { line } : {}) });
  }
}

/** 1-based line where a server's key first appears (`"name"`, `[mcp_servers.name]`, `name:`). */
function lineOfServer(text: string, name: string, format: Format): number | undefined {
  const needles = format === 'json' ? [`"${name}"`] : format === 'toml' ? [`mcp_servers.${name}]`, `mcp_servers."${name}"]`, `${name} =`] : [`${name}:`, `name: ${name}`];
  for (const n of needles) {
    const at = text.indexOf(n);
    if (at !== -1) {
      let line = 1;
      for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
      return line;
    }
  }
  return undefined;
}

function observe(e: McpServerEntry, file: FileInput, line: number | undefined, client: string, comps: ComponentDraft[], finds: FindingDraft[]): void {
  const transport = transportOf(e);
  const pkg = launchedPackage(e);
  const docker = e.command !== undefined && /^(?:docker|podman)$/i.test(e.command.slice(e.command.lastIndexOf('/') + 1));
  const auth = hasAuth(e);
  const properties: Record<string, string> = { transport, client, auth: String(auth) };
  if (e.command !== undefined) properties['command'] = redactSnippet([e.command, ...e.args].join(' '));
  if (e.url !== undefined) properties['url'] = displayUrl(e.url);
  if (pkg !== undefined) {
    properties['package'] = packageName(pkg);
    properties['pinned'] = String(isPinned(pkg, docker));
  }
  if (e.disabled) properties['disabled'] = 'true';
  if (e.autoApprove === 'all') properties['autoApprove'] = 'all';
  else if (e.autoApprove.length > 0) properties['autoApprove'] = e.autoApprove.join(',');
  const envNames = Object.keys(e.env);
  if (envNames.length > 0) properties['env'] = envNames.join(',');
  const snippet = e.url !== undefined ? `${e.name}: ${displayUrl(e.url)}` : `${e.name}: ${properties['command'] ?? ''}`;
  const evidence = { path: file.path, scanner: SCANNER, snippet: snippet.slice(0, 200), ...(line !== undefined ? { line } : {}) };
  comps.push({ type: 'mcp-server', name: e.name, properties, evidence });
  const componentRef = `mcp-server::${e.name}`;
  if (transport !== 'stdio' && e.url !== undefined && !isLocalUrl(e.url) && !auth) {
    finds.push({ rule: 'mcp-no-auth', controlId: 'AI-AGT-03', severity: 'high', message: `Remote MCP server "${e.name}" (${displayUrl(e.url)}) is configured with no Authorization header, token or OAuth.`, evidence, componentRef });
  }
  const secrets = literalSecretNames(e, file.path);
  if (secrets.length > 0) {
    finds.push({ rule: 'mcp-secret-env', controlId: 'AI-KEY-01', severity: 'high', message: `MCP server "${e.name}" gets literal secret values in its config (${secrets.join(', ')}); reference environment variables or inputs instead.`, evidence, componentRef });
  }
  const risk = riskOf(e);
  if (risk.reasons.length > 0) {
    const unpinned = properties['pinned'] === 'false' ? '; the launched package is not version-pinned' : '';
    finds.push({ rule: 'mcp-risky-server', controlId: 'AI-VND-02', severity: risk.severity, message: `MCP server "${e.name}" ${risk.reasons.join('; ')}${unpinned}: vet and approve it, and scope it down.`, evidence, componentRef });
  }
}

async function scanMcpConfig(file: FileInput): Promise<Observation> {
  const format = mcpConfigFormat(file.path);
  if (!format) return {};
  const text = await file.text();
  const config = parseConfig(text, file, format);
  const client = clientOf(file.path);
  const components: ComponentDraft[] = [];
  const findings: FindingDraft[] = [];
  const seen = new Set<string>();
  for (const map of serverMaps(config)) {
    for (const [name, raw] of Object.entries(map)) {
      const e = toEntry(name, raw);
      if (!e || seen.has(name)) continue;
      seen.add(name);
      observe(e, file, lineOfServer(text, name, format), client, components, findings);
    }
  }
  return { components, findings };
}

export const mcpConfigScanner: FileScanner = {
  name: SCANNER,
  wants: (path, size) => size < 16 * 1024 * 1024 && mcpConfigFormat(path) !== undefined,
  scan: scanMcpConfig,
};
