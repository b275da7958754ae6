/**
 * Agent tools → `tool` components; a tool whose code can run shell commands, write files, send
 * HTTP or email, or run SQL with no visible approval step → `risky-tool-no-approval` (AI-AGT-02).
 * Agents (AgentExecutor, create_react_agent, `Agent(` …) → `agent` components.
 */
import { componentRef } from '../../aggregate.js';
import type { ComponentDraft, FindingDraft, Observation } from '../../model.js';
import { matchBracket } from './code-ranges.js';
import { evidenceAt, hasAiImport, lineOf, stringsBetween, type SourceContext } from './source-context.js';
import { capabilitiesOf, fileHasApproval, literalIsSql, prebuiltCapabilities, toolHasApproval, type Capability } from './tool-capabilities.js';
import { findTools, type ToolDef } from './tool-finders.js';

function slice(text: string, def: ToolDef): string {
  return def.extents.map((e) => text.slice(e.start, e.end)).join('\n');
}

const CHILD_PROCESS_FNS = ['exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'fork'];

/** JS names that run a process: child_process functions and `promisify(exec)`-style aliases of them. */
function shellAliases(ctx: SourceContext): Set<string> {
  const names = new Set<string>();
  if (ctx.lang !== 'js' || !ctx.imports.some((i) => /^(node:)?child_process$/.test(i.module))) return names;
  for (const n of CHILD_PROCESS_FNS) names.add(n);
  for (const m of ctx.src.code.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]{0,60})\s*=\s*(?:util\.)?promisify\s*\(\s*([A-Za-z_$][\w$]{0,60})\s*\)/g)) {
    if (m[1] && m[2] && names.has(m[2])) names.add(m[1]);
  }
  return names;
}

function callsAny(code: string, names: ReadonlySet<string>): boolean {
  for (const n of names) {
    for (let at = code.indexOf(n); at >= 0; at = code.indexOf(n, at + 1)) {
      const prev = at > 0 ? (code[at - 1] ?? ' ') : ' ';
      if (/[\w$.]/.test(prev)) continue;
      if (/^\s*\(/.test(code.slice(at + n.length, at + n.length + 8))) return true;
    }
  }
  return false;
}

function capabilities(ctx: SourceContext, def: ToolDef): Capability[] {
  const withStrings = def.extents.map((e) => ctx.src.noComments.slice(e.start, e.end));
  const code = slice(ctx.src.code, def);
  const caps = capabilitiesOf({ code, withStrings, bareExecIsShell: ctx.lang === 'python' });
  if (def.via === 'prebuilt') for (const c of prebuiltCapabilities(def.name)) if (!caps.includes(c)) caps.push(c);
  if (!caps.includes('shell') && callsAny(code, shellAliases(ctx))) caps.unshift('shell');
  if (!caps.includes('sql')) {
    const sqlLiteral = def.extents.some((e) => stringsBetween(ctx, e.start, e.end).some((s) => literalIsSql(s.value)));
    if (sqlLiteral) caps.push('sql');
  }
  return caps;
}

/** Characters of tool bodies analysed per file; bounds the capability scan on generated code. */
const TOOL_BODY_BUDGET = 1_000_000;

function framework(ctx: SourceContext, def: ToolDef): string | undefined {
  if (def.via === 'server.tool' || def.via === 'AddTool' || def.via.includes('mcp')) return 'mcp';
  const fw = ctx.aiImports.find((i) => i.signature.category === 'agent' || i.signature.category === 'mcp');
  return fw?.signature.provider;
}

function detectTools(ctx: SourceContext, components: ComponentDraft[], findings: FindingDraft[]): void {
  const tools = findTools(ctx);
  if (tools.length === 0) return;
  const fileApproval = fileHasApproval(ctx.src.noComments);
  let budget = TOOL_BODY_BUDGET;
  for (const def of tools) {
    budget -= def.extents.reduce((n, e) => n + (e.end - e.start), 0);
    // Past the budget (generated code with thousands of nested tool calls) tools are still listed, unanalysed.
    const caps = budget >= 0 ? capabilities(ctx, def) : [];
    const fw = framework(ctx, def);
    const c: ComponentDraft = {
      type: 'tool',
      name: def.name,
      properties: { definedBy: def.via, ...(fw ? { framework: fw } : {}), ...(caps.length ? { capabilities: caps.join(',') } : {}) },
      evidence: evidenceAt(ctx, def.line),
    };
    components.push(c);
    if (caps.length === 0 || fileApproval || toolHasApproval(slice(ctx.src.noComments, def))) continue;
    findings.push({
      rule: 'risky-tool-no-approval',
      controlId: 'AI-AGT-02',
      severity: 'high',
      message: `Agent tool "${def.name}" can ${caps.map(describe).join(', ')} with no human approval step.`,
      evidence: c.evidence,
      componentRef: componentRef(c),
    });
  }
}

function describe(cap: Capability): string {
  switch (cap) {
    case 'shell':
      return 'run shell commands or code';
    case 'file-write':
      return 'write or delete files';
    case 'http':
      return 'send HTTP requests';
    case 'email':
      return 'send email';
    case 'sql':
      return 'run SQL';
  }
}

const MAX_AGENTS_PER_FILE = 500;
const AGENT_CTORS =
  /(^|[^\w$.])(AgentExecutor|create_react_agent|createReactAgent|create_agent|createAgent|create_tool_calling_agent|createToolCallingAgent|create_openai_functions_agent|create_openai_tools_agent|initialize_agent|Agent|LlmAgent|AssistantAgent|UserProxyAgent|ConversableAgent|ReActAgent|FunctionAgent|AgentWorkflow|CodeAgent|ToolCallingAgent|ChatCompletionAgent|OpenAIAgent|ToolLoopAgent|Experimental_Agent)\s*(\(|\.from_|\.fromAgentAndTools\s*\(|\.from_tools\s*\()/g;

interface AgentHit {
  readonly name: string;
  readonly ctor: string;
  /** The variable the agent is assigned to, if any. */
  readonly variable: string | undefined;
  /** The argument text of the constructor call (from the constructor name to its closing bracket). */
  readonly args: string;
  readonly line: number;
}

/** Executors/runners that wrap an agent built elsewhere (`AgentExecutor(agent=x)`, JS `{ agent: x }`). */
const WRAPPERS = new Set(['AgentExecutor']);
const WRAPPED_KEYWORD = /(?:^|[^\w$.])agent\s*[=:]\s*([A-Za-z_$][\w$]{0,80})(?=\s*[,)}])/;
const WRAPPED_SHORTHAND = /[{,]\s*agent\s*(?=[,}])/;

/** The agent variable an executor's arguments hand it, e.g. `x` in `AgentExecutor(agent=x, tools=…)`. */
function wrappedVariable(args: string): string | undefined {
  const kw = WRAPPED_KEYWORD.exec(args)?.[1];
  if (kw) return kw;
  return WRAPPED_SHORTHAND.test(args) ? 'agent' : undefined;
}

function findAgents(ctx: SourceContext): AgentHit[] {
  const code = ctx.src.code;
  const hits: AgentHit[] = [];
  for (const m of code.matchAll(AGENT_CTORS)) {
    if (hits.length >= MAX_AGENTS_PER_FILE) break;
    const at = m.index + (m[1]?.length ?? 0);
    const ctor = m[2] ?? 'Agent';
    const lineStart = code.lastIndexOf('\n', at - 1) + 1;
    const prefix = code.slice(lineStart, at);
    if (/\b(def|function|class|func|import|from)\s+$/.test(prefix) || /\bimport\b/.test(prefix)) continue;
    const ext = matchBracket(code, at, '(', ')');
    let name: string | undefined;
    if (ext) {
      for (const s of stringsBetween(ctx, at, ext.end)) {
        const before = code.slice(Math.max(at, s.start - 16), s.start).replace(/["'\s]/g, '');
        if (before.endsWith('name=') || before.endsWith('name:') || before.endsWith('role=')) {
          name = s.value;
          break;
        }
      }
    }
    const variable = /([A-Za-z_$][\w$]{0,80})\s*[:=]\s*(new\s+|await\s+)?$/.exec(prefix)?.[1];
    hits.push({ name: name ?? variable ?? ctor, ctor, variable, args: ext ? code.slice(at, ext.end) : '', line: lineOf(ctx, at) });
  }
  return hits;
}

/**
 * One `agent` component per agent. An executor that wraps an agent variable built in the same file
 * (`executor = AgentExecutor(agent=agent, …)`) is the same agent: it is reported under the wrapped
 * agent's name, with the executor's line as a second piece of evidence (the drafts merge by name).
 */
function detectAgents(ctx: SourceContext, components: ComponentDraft[]): void {
  const hits = findAgents(ctx);
  const byVariable = new Map<string, AgentHit>();
  for (const h of hits) if (h.variable && !WRAPPERS.has(h.ctor) && !byVariable.has(h.variable)) byVariable.set(h.variable, h);
  for (const h of hits) {
    const inner = WRAPPERS.has(h.ctor) ? byVariable.get(wrappedVariable(h.args) ?? '') : undefined;
    const properties: Record<string, string> = inner ? { constructor: inner.ctor, executor: h.ctor } : { constructor: h.ctor };
    components.push({ type: 'agent', name: inner ? inner.name : h.name, properties, evidence: evidenceAt(ctx, h.line) });
  }
}

export function detectAgentsAndTools(ctx: SourceContext): Observation {
  if (!hasAiImport(ctx)) return {};
  const components: ComponentDraft[] = [];
  const findings: FindingDraft[] = [];
  detectTools(ctx, components, findings);
  detectAgents(ctx, components);
  return { components, findings };
}
