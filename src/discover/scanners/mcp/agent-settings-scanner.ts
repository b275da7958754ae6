/**
 * Coding-agent permission settings that switch off human approval (signatures doc §3.3, §11):
 * Claude Code `.claude/settings*.json` (`defaultMode: "bypassPermissions"`, `Bash(*)` in
 * `permissions.allow`, `enableAllProjectMcpServers: true`) and Codex `config.toml`
 * (`approval_policy = "never"` with `sandbox_mode = "danger-full-access"`).
 *
 * Findings: shell access without approval → `risky-tool-no-approval` (AI-AGT-02, high);
 * auto-enabling every project MCP server → `mcp-risky-server` (AI-VND-02, medium: servers are
 * enabled without being vetted).
 */
import { parse as parseToml } from 'smol-toml';
import type { FileInput, FileScanner, FindingDraft, Observation } from '../../model.js';
import { parseJsonc } from './_jsonc.js';

const SCANNER = 'mcp/agent-settings';

export function agentSettingsKind(path: string): 'claude' | 'codex' | undefined {
  const lower = `/${path.toLowerCase()}`;
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  if (lower.includes('/.claude/') && (base === 'settings.json' || base === 'settings.local.json' || base === 'managed-settings.json')) return 'claude';
  if (base === 'config.toml' && (lower.includes('/.codex/') || lower.includes('/codex/'))) return 'codex';
  return undefined;
}

function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  if (at === -1) return undefined;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** `Bash`, `Bash(*)`, `Bash(:*)` or `Bash(* *)`: any command line. */
function isUnrestrictedBash(rule: unknown): boolean {
  if (typeof rule !== 'string') return false;
  const r = rule.replace(/\s+/g, '');
  return r === 'Bash' || r === 'Bash(*)' || r === 'Bash(:*)' || r === 'Bash(**)';
}

async function scanSettings(file: FileInput): Promise<Observation> {
  const kind = agentSettingsKind(file.path);
  if (!kind) return {};
  const text = await file.text();
  const findings: FindingDraft[] = [];
  const add = (rule: 'risky-tool-no-approval' | 'mcp-risky-server', needle: string, message: string) => {
    const line = lineOf(text, needle);
    findings.push({
      rule,
      controlId: rule === 'risky-tool-no-approval' ? 'AI-AGT-02' : 'AI-VND-02',
      severity: rule === 'risky-tool-no-approval' ? 'high' : 'medium',
      message,
      evidence: { path: file.path, scanner: SCANNER, snippet: needle, ...(line !== undefined ? { line } : {}) },
    });
  };
  if (kind === 'claude') {
    const s = obj(parseJsonc(text, file.path));
    const perms = obj(s['permissions']);
    if (perms['defaultMode'] === 'bypassPermissions') add('risky-tool-no-approval', 'bypassPermissions', 'Claude Code runs with defaultMode "bypassPermissions": every tool, shell included, runs without approval.');
    else if (Array.isArray(perms['allow']) && perms['allow'].some(isUnrestrictedBash)) add('risky-tool-no-approval', '"Bash', 'Claude Code allows any shell command (Bash(*)) without approval.');
    if (s['enableAllProjectMcpServers'] === true) add('mcp-risky-server', 'enableAllProjectMcpServers', 'Claude Code enables every MCP server in project .mcp.json files without review (enableAllProjectMcpServers).');
  } else {
    let c: Record<string, unknown>;
    try {
      c = obj(parseToml(text));
    } catch {
      return {}; // the MCP config scanner reports the syntax error for this file
    }
    if (c['approval_policy'] === 'never' && c['sandbox_mode'] === 'danger-full-access') {
      add('risky-tool-no-approval', 'approval_policy', 'Codex runs with approval_policy "never" and sandbox_mode "danger-full-access": commands run unsandboxed without approval.');
    }
  }
  return { findings };
}

export const agentSettingsScanner: FileScanner = {
  name: SCANNER,
  wants: (path, size) => size < 4 * 1024 * 1024 && agentSettingsKind(path) !== undefined,
  scan: scanSettings,
};
