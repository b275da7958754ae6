/**
 * One MCP server as configured by any client, normalised from the per-client shapes
 * (signatures doc §11): `mcpServers` / `servers` / `context_servers` / `mcp` / Codex
 * `[mcp_servers.*]` / Goose `extensions`.
 */

export interface McpServerEntry {
  readonly name: string;
  readonly command?: string;
  readonly args: readonly string[];
  readonly url?: string;
  /** Declared transport type, if any (`stdio`, `http`, `sse`, `streamable-http`, `local`, `remote`). */
  readonly type?: string;
  readonly env: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** Codex `bearer_token_env_var`, or an OAuth block: auth is configured out of band. */
  readonly authConfigured: boolean;
  /** Tools the client runs without asking (`autoApprove`, `alwaysAllow`) or `trust: true`. */
  readonly autoApprove: readonly string[] | 'all';
  readonly disabled: boolean;
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function stringRecord(v: unknown): Record<string, string> {
  const o = obj(v);
  if (!o) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(o)) if (typeof val === 'string' || typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  return out;
}

/** Split `"npx -y pkg"` into command + args (quotes honoured, no expansion). */
export function splitCommandLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  let has = false;
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = '';
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === ' ' || c === '\t') {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += c;
  }
  if (has || cur) out.push(cur);
  return out;
}

/** Normalise one server object from any client format. */
export function toEntry(name: string, raw: unknown): McpServerEntry | undefined {
  const o = obj(raw);
  if (!o) return undefined;
  let command: string | undefined;
  let args = strings(o['args']);
  let extraEnv: Record<string, string> = {};
  const cmd = o['command'] ?? o['cmd'];
  if (Array.isArray(cmd)) {
    // opencode: command is an array.
    [command, ...args] = [...strings(cmd), ...args];
  } else if (typeof cmd === 'string' && cmd.trim() !== '') {
    const parts = splitCommandLine(cmd.trim());
    command = parts[0];
    if (args.length === 0 && parts.length > 1) args = parts.slice(1);
  } else if (obj(cmd) && typeof obj(cmd)?.['path'] === 'string') {
    // Zed: "command": { "path": "...", "args": [...], "env": {...} }
    const z = obj(cmd) ?? {};
    command = String(z['path']);
    args = strings(z['args']);
    extraEnv = stringRecord(z['env']);
  }
  const urlRaw = o['url'] ?? o['serverUrl'] ?? o['httpUrl'] ?? o['uri'];
  const url = typeof urlRaw === 'string' && urlRaw.trim() !== '' ? urlRaw.trim() : undefined;
  if (command === undefined && url === undefined) return undefined;
  const auto = o['trust'] === true ? 'all' : [...strings(o['autoApprove']), ...strings(o['alwaysAllow'])];
  const type = typeof o['type'] === 'string' ? o['type'] : typeof o['transport'] === 'string' ? o['transport'] : undefined;
  return {
    name,
    ...(command !== undefined ? { command } : {}),
    args,
    ...(url !== undefined ? { url } : {}),
    ...(type !== undefined ? { type } : {}),
    env: { ...extraEnv, ...stringRecord(o['env']), ...stringRecord(o['environment']), ...stringRecord(o['envs']) },
    headers: { ...stringRecord(o['headers']), ...stringRecord(o['http_headers']), ...stringRecord(obj(o['requestInit'])?.['headers']) },
    authConfigured: typeof o['bearer_token_env_var'] === 'string' || obj(o['env_http_headers']) !== undefined || o['oauth'] !== undefined || o['auth'] !== undefined,
    autoApprove: auto,
    disabled: o['disabled'] === true || o['enabled'] === false,
  };
}

/** Every server map a config holds, whichever client wrote it. */
export function serverMaps(config: unknown): Array<Record<string, unknown>> {
  const c = obj(config);
  if (!c) return [];
  const maps: Array<Record<string, unknown> | undefined> = [
    obj(c['mcpServers']),
    obj(c['servers']),
    obj(c['context_servers']),
    obj(c['mcp_servers']),
    obj(obj(c['mcp'])?.['servers']),
    obj(c['extensions']),
  ];
  const mcp = obj(c['mcp']);
  // opencode v1: `mcp` maps names to servers directly; VS Code legacy settings: `mcp.servers`.
  if (mcp && mcp['servers'] === undefined) maps.push(mcp);
  // Claude Code ~/.claude.json: per-project servers.
  for (const p of Object.values(obj(c['projects']) ?? {})) maps.push(obj(obj(p)?.['mcpServers']));
  // Continue: `mcpServers` may be a list of { name, … }.
  if (Array.isArray(c['mcpServers'])) {
    const list: Record<string, unknown> = {};
    for (const s of c['mcpServers']) if (obj(s) && typeof obj(s)?.['name'] === 'string') list[String(obj(s)?.['name'])] = s;
    maps.push(list);
  }
  return maps.filter((m): m is Record<string, unknown> => m !== undefined);
}
