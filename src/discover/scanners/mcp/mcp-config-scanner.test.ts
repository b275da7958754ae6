import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFile, memoryFile } from '../../../../test/fixtures/scanner-support/memory-file-input.js';
import { AttestError } from '../../../core/errors.js';
import type { Observation } from '../../model.js';
import { stripJsonc } from './_jsonc.js';
import { agentSettingsScanner } from './agent-settings-scanner.js';
import { mcpConfigFormat, mcpConfigScanner } from './mcp-config-scanner.js';

const ROOT = 'mcp-configs';
async function scan(rel: string): Promise<Observation> {
  const f = fixtureFile(ROOT, rel);
  expect(mcpConfigScanner.wants(f.path, f.size)).toBe(true);
  return mcpConfigScanner.scan(f);
}
const servers = (o: Observation) => (o.components ?? []).map((c) => `${c.name} ${c.properties?.['transport']} auth=${c.properties?.['auth']} line=${c.evidence.line}`);
const rules = (o: Observation) => (o.findings ?? []).map((f) => `${f.rule} ${f.controlId} ${f.severity} ${f.componentRef}`);

describe('MCP config scanner', () => {
  it('Cursor: stdio, docker and remote servers; no-auth, secret env and broad filesystem findings', async () => {
    const o = await scan('.cursor/mcp.json');
    expect(servers(o)).toEqual([
      'filesystem stdio auth=false line=3',
      'github stdio auth=true line=11',
      'linear sse auth=false line=25',
      'internal-docs http auth=true line=28',
      'local-tools http auth=false line=34',
    ]);
    expect(o.components?.[1]?.properties).toMatchObject({ package: 'ghcr.io/github/github-mcp-server:v0.20.1', pinned: 'true', client: 'cursor' });
    expect(o.components?.[0]?.properties).toMatchObject({ package: '@modelcontextprotocol/server-filesystem', pinned: 'false' });
    expect(rules(o)).toEqual([
      'mcp-risky-server AI-VND-02 high mcp-server::filesystem',
      'mcp-secret-env AI-KEY-01 high mcp-server::github',
      'mcp-no-auth AI-AGT-03 high mcp-server::linear',
    ]);
    expect(o.findings?.[1]?.message).toContain('env GITHUB_PERSONAL_ACCESS_TOKEN');
  });

  it('VS Code: JSONC with comments and trailing commas, `servers` key, ${input:} secrets are fine', async () => {
    const o = await scan('.vscode/mcp.json');
    expect(servers(o)).toEqual(['playwright stdio auth=false line=8', 'stripe http auth=true line=13']);
    expect(rules(o)).toEqual(['mcp-risky-server AI-VND-02 medium mcp-server::playwright']);
    expect(o.findings?.[0]?.message).toContain('not version-pinned');
    expect(await scan('.vscode/settings.json')).toEqual({ components: [], findings: [] });
  });

  it('Claude Desktop: shell and writable database servers; read-only and pinned ones pass', async () => {
    const o = await scan('claude_desktop_config.json');
    expect(servers(o).map((s) => s.split(' ')[0])).toEqual(['shell', 'sqlite', 'sqlite-ro', 'memory']);
    expect(rules(o)).toEqual(['mcp-risky-server AI-VND-02 high mcp-server::shell', 'mcp-risky-server AI-VND-02 medium mcp-server::sqlite']);
    expect(o.components?.[2]?.properties?.['pinned']).toBe('true');
  });

  it('Codex TOML: bearer_token_env_var is auth; a literal provider key in env is a finding', async () => {
    const o = await scan('.codex/config.toml');
    expect(servers(o)).toEqual(['docs http auth=true line=4', 'runner stdio auth=true line=8']);
    expect(rules(o)).toEqual(['mcp-secret-env AI-KEY-01 high mcp-server::runner', 'mcp-risky-server AI-VND-02 high mcp-server::runner']);
    expect(o.findings?.[0]?.message).toContain('env OPENAI_API_KEY');
    expect(o.findings?.[0]?.message).not.toContain('LOG_LEVEL');
  });

  it('Zed context_servers, opencode mcp (command arrays, remote headers), Gemini trust, Continue lists', async () => {
    const zed = await scan('.zed/settings.json');
    expect(servers(zed)).toEqual(['postgres stdio auth=false line=5']);
    expect(rules(zed)).toEqual([]);
    const oc = await scan('opencode.json');
    expect(servers(oc)).toEqual(['jira http auth=true line=4', 'fs-home stdio auth=false line=11']);
    expect(rules(oc)).toEqual(['mcp-secret-env AI-KEY-01 high mcp-server::jira', 'mcp-risky-server AI-VND-02 high mcp-server::fs-home']);
    const gem = await scan('.gemini/settings.json');
    expect(rules(gem)).toEqual(['mcp-no-auth AI-AGT-03 high mcp-server::terminal', 'mcp-risky-server AI-VND-02 high mcp-server::terminal']);
    expect(gem.findings?.[1]?.message).toContain('trusts all its tools');
    const cont = await scan('.continue/config.yaml');
    expect(servers(cont)).toEqual(['browser stdio auth=true line=5']);
    expect(rules(cont)).toEqual(['mcp-risky-server AI-VND-02 medium mcp-server::browser']);
  });

  it('never copies a secret value into the observation', async () => {
    const dir = join(import.meta.dirname, '../../../../test/fixtures', ROOT);
    const text = ['.cursor/mcp.json', '.codex/config.toml', 'opencode.json'].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const secrets = [...text.matchAll(/(?:ghp_|sk-proj-|lin_api_)[A-Za-z0-9_-]{30,}/g)].map((m) => m[0]);
    expect(secrets).toHaveLength(3);
    const all = await Promise.all(['.cursor/mcp.json', '.codex/config.toml', 'opencode.json'].map(scan));
    const json = JSON.stringify(all);
    for (const s of secrets) expect(json).not.toContain(s);
  });

  it('reports malformed JSON as BAD_INPUT with a line, without quoting the content', async () => {
    const err = await scan('broken/.mcp.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AttestError);
    expect((err as AttestError).context.line).toBeGreaterThan(1);
    const secretish = memoryFile('.mcp.json', '{"mcpServers": {"a": {"env": {"K": "sk-live-123456789" x}}}}');
    const e2 = (await Promise.resolve().then(() => mcpConfigScanner.scan(secretish)).catch((e: unknown) => e)) as AttestError;
    expect(e2.message).not.toContain('sk-live');
  });

  it('knows the usual config locations and nothing else', () => {
    for (const p of ['a/.cursor/mcp.json', '.mcp.json', 'claude_desktop_config.json', '.vscode/mcp.json', 'x/.codex/config.toml', '.gemini/settings.json', '.zed/settings.json', 'opencode.jsonc', 'home/.codeium/windsurf/mcp_config.json', '.continue/mcpServers/db.yaml']) {
      expect(mcpConfigFormat(p), p).toBeDefined();
    }
    for (const p of ['config.toml', 'settings.json', 'src/mcp.ts', 'config.yaml', 'package.json']) expect(mcpConfigFormat(p), p).toBeUndefined();
  });
});

describe('stripJsonc', () => {
  it('keeps comment-like text inside strings, escapes, and line numbers', () => {
    const src = '{\n "a": "http://x//y", // c\n "b": "q\\"/*", /* multi\n line */ "c": [1,2,],\n}';
    const out = stripJsonc(src);
    expect(JSON.parse(out)).toEqual({ a: 'http://x//y', b: 'q"/*', c: [1, 2] });
    expect(out.split('\n').length).toBe(src.split('\n').length);
  });
});

describe('agent settings scanner', () => {
  const settings = async (rel: string) => {
    const f = fixtureFile(ROOT, rel);
    expect(agentSettingsScanner.wants(f.path, f.size)).toBe(true);
    return agentSettingsScanner.scan(f);
  };

  it('Claude Code: unrestricted Bash and auto-enabled project MCP servers', async () => {
    const o = await settings('.claude/settings.json');
    expect((o.findings ?? []).map((f) => `${f.rule} ${f.controlId} ${f.severity} line=${f.evidence.line}`)).toEqual([
      'risky-tool-no-approval AI-AGT-02 high line=4',
      'mcp-risky-server AI-VND-02 medium line=7',
    ]);
  });

  it('scoped Bash rules and acceptEdits are not findings; Codex never+danger-full-access is', async () => {
    expect((await settings('agent-b/.claude/settings.local.json')).findings).toEqual([]);
    const codex = await settings('agent-b/.codex/config.toml');
    expect(codex.findings?.map((f) => `${f.rule} line=${f.evidence.line}`)).toEqual(['risky-tool-no-approval line=2']);
    expect((await settings('.codex/config.toml')).findings).toEqual([]);
  });
});

describe('older client shapes', () => {
  it('Zed command objects with their own env, and a single command string split with quotes', async () => {
    const zed = memoryFile(
      '.zed/settings.json',
      '{ "context_servers": { "gh": { "command": { "path": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_TOKEN": "ghp_R8kq2LmZ0vXw7Tn4bYc9HsPd1FgJ6uEa3Qo5" } } } } }',
    );
    const o = await mcpConfigScanner.scan(zed);
    expect(o.components?.[0]?.properties).toMatchObject({ transport: 'stdio', package: '@modelcontextprotocol/server-github', env: 'GITHUB_TOKEN' });
    expect(o.findings?.map((f) => f.rule)).toEqual(['mcp-secret-env']);
    const single = memoryFile('.mcp.json', '{ "mcpServers": { "fs": { "command": "npx -y \\"@modelcontextprotocol/server-filesystem\\" /" } } }');
    const s = await mcpConfigScanner.scan(single);
    expect(s.components?.[0]?.properties?.['package']).toBe('@modelcontextprotocol/server-filesystem');
    expect(s.findings?.map((f) => `${f.rule} ${f.severity}`)).toEqual(['mcp-risky-server high']);
  });
});
