import type { Log, ReportingDescriptor, Result } from 'sarif';
import { getControl } from '../catalog/controls.js';
import type { Severity } from '../catalog/control.js';
import type { DiscoverResult, Finding, FindingRule } from '../discover/model.js';

const LEVEL: Readonly<Record<Severity, Result.level>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning reads `security-severity` (0–10) to bucket results. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

const RULE_TEXT: Readonly<Record<FindingRule, string>> = {
  'hardcoded-key': 'AI provider key hard-coded in a file',
  'floating-model-alias': 'Model referenced by a floating alias instead of a pinned snapshot',
  'fine-tune-call': 'Fine-tuning job created from code',
  'risky-tool-no-approval': 'Agent tool with shell, file, HTTP, email or SQL power and no human approval step',
  'unguarded-llm-call': 'LLM call with no guard or logging around it',
  'runtime-exposed': 'Local model runtime exposed beyond loopback without authentication',
  'mcp-no-auth': 'Remote MCP server configured without authentication',
  'mcp-secret-env': 'MCP server receives secrets through its environment',
  'mcp-risky-server': 'MCP server with risky capabilities or an unpinned launch',
  'unsafe-model-format': 'Model file in a format that can execute code on load (pickle)',
  'shadow-ai-traffic': 'Traffic to an AI provider seen in network evidence',
  'vectorstore-exposed': 'Vector store exposed beyond loopback without authentication',
};

function frameworkTags(f: Finding): string[] {
  const tags = ['security', 'ai', f.controlId];
  for (const [key, ids] of Object.entries(f.frameworks)) for (const id of ids) tags.push(`${key}:${id}`);
  return tags;
}

function rule(f: Finding): ReportingDescriptor {
  let controlTitle: string | undefined;
  try {
    controlTitle = getControl(f.controlId).title;
  } catch {
    controlTitle = undefined;
  }
  return {
    id: f.rule,
    name: f.rule.replace(/(^|-)([a-z])/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
    shortDescription: { text: RULE_TEXT[f.rule] },
    fullDescription: { text: `${RULE_TEXT[f.rule]}. Attest control ${f.controlId}${controlTitle ? `: ${controlTitle}` : ''}.` },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: {
      tags: frameworkTags(f),
      'security-severity': SECURITY_SEVERITY[f.severity],
      controlId: f.controlId,
      frameworks: f.frameworks,
    },
  };
}

/**
 * SARIF 2.1.0 for code-scanning dashboards: one rule per finding rule (with its control and
 * framework ids in `properties`/`tags`), one result per finding with physical locations.
 */
export function buildSarif(result: DiscoverResult): Log {
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const results: Result[] = [];
  for (const f of result.findings) {
    if (!ruleIndex.has(f.rule)) {
      ruleIndex.set(f.rule, rules.length);
      rules.push(rule(f));
    }
    results.push({
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule) as number,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: f.evidence.map((e) => ({
        physicalLocation: {
          artifactLocation: { uri: encodeURI(e.path), uriBaseId: '%SRCROOT%' },
          ...(e.line !== undefined ? { region: { startLine: e.line } } : {}),
        },
      })),
      partialFingerprints: { 'attestFindingId/v1': f.id },
      properties: { severity: f.severity, controlId: f.controlId, frameworks: f.frameworks, ...(f.componentRef ? { componentRef: f.componentRef } : {}) },
    });
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'attest', version: result.tool.version, semanticVersion: result.tool.version, rules } },
        ...(result.roots.length === 1 ? { originalUriBaseIds: { '%SRCROOT%': { uri: `file://${encodeURI(result.roots[0] as string)}/` } } } : {}),
        results,
      },
    ],
  };
}

/** SARIF as a JSON string. */
export function renderSarif(result: DiscoverResult): string {
  return `${JSON.stringify(buildSarif(result), null, 2)}\n`;
}
