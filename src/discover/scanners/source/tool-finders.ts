/**
 * Where agent tools are defined, per language: decorators (`@tool`, `@function_tool`,
 * `@mcp.tool()`), tool constructors (`Tool(`, `DynamicTool`, `tool({…})`, `createTool`),
 * MCP registrations (`server.tool("x", …)`, `registerTool`, `mcp.NewTool`), OpenAI function
 * schemas (`{type: "function", function: {name: …}}`), CrewAI `BaseTool` classes, Java `@Tool`
 * methods and C# `[McpServerTool]`/`[KernelFunction]`, plus prebuilt risky tools (`ShellTool()`).
 */
import { functionBody, matchBracket, pythonBlock, type Extent } from './code-ranges.js';
import { lineOf, stringsBetween, type SourceContext } from './source-context.js';
import type { StringLiteral } from './source-lexer.js';

/** At most this many tool definitions are read per file (bounds the work on generated code). */
export const MAX_TOOLS_PER_FILE = 500;

/** Candidate call sites examined per file, found or not (each costs a bracket scan). */
const MAX_CANDIDATES_PER_FILE = 2_000;
/** Reset by findTools; the finders below run synchronously inside one findTools call. */
let candidatesLeft = MAX_CANDIDATES_PER_FILE;

export interface ToolDef {
  readonly name: string;
  readonly line: number;
  /** How it was defined (`@tool`, `tool()`, `server.tool`, `function-schema` …). */
  readonly via: string;
  /** Extents whose code is the tool's implementation. */
  readonly extents: readonly Extent[];
}

const PY_DECORATOR = /^[ \t]*@([A-Za-z_]\w{0,40}\.)?(tool|function_tool|tool_plain|kernel_function)\b/;
const PY_CALLS = /(^|[^\w.])(Tool|StructuredTool|StructuredTool\.from_function|Tool\.from_function|FunctionTool|FunctionTool\.from_defaults)\s*\(/g;
const JS_CALLS = /(^|[^\w$.])(tool|DynamicTool|DynamicStructuredTool|createTool|Tool)\s*\(/g;
const MCP_REGISTER = /\.(tool|registerTool|addTool|AddTool)\s*\(/g;
const GO_ADD_TOOL = /\bAddTool\s*\(/g;
const JAVA_TOOL = /@Tool\b|\[(McpServerTool|KernelFunction)\b/g;
const PY_CLASS_TOOL = /^[ \t]*class\s+([A-Za-z_]\w{0,80})\s*\([^)\n]{0,200}\bBaseTool\b/;
/** Prebuilt tools that are risky by construction (capability markers in tool-capabilities.ts). */
const PREBUILT = /(^|[^\w.])(ShellTool|PythonREPLTool|WriteFileTool|FileManagementToolkit|CodeInterpreterTool|FileWriterTool|LocalCommandLineCodeExecutor|ShellTools|FileTools|PythonTools|RequestsPostTool|RequestsToolkit|GmailSendMessage|GmailToolkit|SQLDatabaseToolkit|QuerySQLDataBaseTool)\s*\(/g;

function stringsIn(ctx: SourceContext, ext: Extent): StringLiteral[] {
  return stringsBetween(ctx, ext.start, ext.end);
}

/** The literal right after `key=` / `key:` / `"key":` inside an extent. */
function keyedLiteral(ctx: SourceContext, ext: Extent, keys: readonly string[]): string | undefined {
  for (const s of stringsIn(ctx, ext)) {
    const before = ctx.src.noComments.slice(Math.max(ext.start, s.start - 24), s.start).replace(/["'\s]/g, '');
    if (keys.some((k) => before.endsWith(`${k}=`) || before.endsWith(`${k}:`))) return s.value;
  }
  return undefined;
}

function firstLiteralArg(ctx: SourceContext, ext: Extent, openParen: number): string | undefined {
  const s = stringsBetween(ctx, openParen + 1, ext.end)[0];
  if (!s) return undefined;
  return ctx.src.code.slice(openParen + 1, s.start).trim() === '' ? s.value : undefined;
}

/** `const X = tool(` / `X: tool(` / `X = Tool(` → X. */
function assignedName(ctx: SourceContext, at: number): string | undefined {
  const lineStart = ctx.src.code.lastIndexOf('\n', at - 1) + 1;
  const m = /([A-Za-z_$][\w$]{0,80})\s*[:=]\s*(new\s+|await\s+)?$/.exec(ctx.src.code.slice(Math.max(lineStart, at - 120), at));
  return m?.[1];
}

/** Identifiers the definition hands its implementation through (`func=run_shell`, `execute: runShell`, first positional arg). */
function referencedBodies(ctx: SourceContext, ext: Extent, openParen: number): Extent[] {
  const code = ctx.src.code.slice(openParen, ext.end);
  const names = new Set<string>();
  for (const m of code.matchAll(/\b(func|coroutine|execute|handler|fn)\s*[:=]\s*([A-Za-z_$][\w$]{0,80})/g)) if (m[2]) names.add(m[2]);
  const first = /^\(\s*([A-Za-z_$][\w$]{0,80})\s*[,)]/.exec(code);
  if (first?.[1]) names.add(first[1]);
  // Go registrations pass the handler positionally: AddTool(server, tool, handler).
  if (ctx.lang === 'go') for (const m of code.matchAll(/[(,]\s*([A-Za-z_]\w{0,80})\s*(?=[,)])/g)) if (m[1]) names.add(m[1]);
  const out: Extent[] = [];
  for (const n of names) {
    const body = functionBody(ctx.src.code, ctx.lang, n);
    if (body) out.push(body);
  }
  return out;
}

function pythonTools(ctx: SourceContext, out: ToolDef[]): void {
  const code = ctx.src.code;
  let offset = 0;
  for (let i = 0; i < ctx.codeLines.length; i++) {
    const line = ctx.codeLines[i] ?? '';
    const dec = out.length < MAX_TOOLS_PER_FILE ? PY_DECORATOR.exec(line) : null;
    if (dec) {
      const defAt = code.indexOf('def ', offset + line.length);
      const m = defAt >= 0 ? /^def\s+([A-Za-z_]\w{0,80})/.exec(code.slice(defAt, defAt + 100)) : null;
      if (m?.[1] && defAt - offset < 2_000) {
        const decExt = matchBracket(code, offset, '(', ')');
        const decName = decExt && decExt.end <= defAt ? keyedLiteral(ctx, decExt, ['name']) ?? firstLiteralArg(ctx, decExt, code.indexOf('(', offset)) : undefined;
        out.push({ name: decName ?? m[1], line: i + 1, via: `@${dec[1] ?? ''}${dec[2] ?? ''}`, extents: [{ start: offset, end: pythonBlock(code, defAt).end }] });
      }
    }
    const cls = PY_CLASS_TOOL.exec(line);
    if (cls?.[1]) {
      const ext = pythonBlock(code, offset);
      out.push({ name: keyedLiteral(ctx, ext, ['name', 'name:str']) ?? cls[1], line: i + 1, via: 'BaseTool', extents: [ext] });
    }
    offset += line.length + 1;
  }
  for (const m of code.matchAll(PY_CALLS)) if (out.length < MAX_TOOLS_PER_FILE && --candidatesLeft >= 0) callTool(ctx, out, m.index + (m[1]?.length ?? 0), m[2] ?? 'Tool', ['name']);
}

function callTool(ctx: SourceContext, out: ToolDef[], at: number, via: string, nameKeys: readonly string[]): void {
  const open = ctx.src.code.indexOf('(', at);
  const ext = matchBracket(ctx.src.code, at, '(', ')');
  if (!ext || open < 0) return;
  const name = keyedLiteral(ctx, ext, nameKeys) ?? assignedName(ctx, at) ?? firstLiteralArg(ctx, ext, open);
  if (!name) return;
  const line = lineOf(ctx, at);
  out.push({ name, line, via: `${via}()`, extents: [ext, ...referencedBodies(ctx, ext, open)] });
}

function jsTools(ctx: SourceContext, out: ToolDef[]): void {
  for (const m of ctx.src.code.matchAll(JS_CALLS)) {
    if (out.length >= MAX_TOOLS_PER_FILE || --candidatesLeft < 0) break;
    const fn = m[2] ?? 'tool';
    callTool(ctx, out, m.index + (m[1]?.length ?? 0), fn, fn === 'createTool' ? ['id', 'name'] : ['name']);
  }
}

/** OpenAI function calling: `{ type: "function", function: { name: "x" } }` or Responses `{ type: "function", name: "x" }`. */
function functionSchemas(ctx: SourceContext, out: ToolDef[]): void {
  for (const s of ctx.src.strings) {
    if (s.value !== 'function' || out.length >= MAX_TOOLS_PER_FILE) continue;
    const before = ctx.src.noComments.slice(Math.max(0, s.start - 12), s.start).replace(/["'\s]/g, '');
    if (!before.endsWith('type:')) continue;
    const window = { start: s.end, end: Math.min(ctx.src.code.length, s.end + 400) };
    const name = keyedLiteral(ctx, window, ['name']);
    if (!name) continue;
    const body = functionBody(ctx.src.code, ctx.lang, name) ?? functionBody(ctx.src.code, ctx.lang, toCamel(name));
    out.push({ name, line: s.line, via: 'function-schema', extents: body ? [body] : [] });
  }
}

function toCamel(name: string): string {
  return name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function registrations(ctx: SourceContext, out: ToolDef[], re: RegExp, via: string): void {
  for (const m of ctx.src.code.matchAll(re)) {
    if (out.length >= MAX_TOOLS_PER_FILE || --candidatesLeft < 0) break;
    const at = m.index;
    const open = ctx.src.code.indexOf('(', at);
    const ext = matchBracket(ctx.src.code, at, '(', ')');
    if (!ext) continue;
    const name = firstLiteralArg(ctx, ext, open) ?? keyedLiteral(ctx, ext, ['name', 'Name']) ?? (ctx.lang === 'go' ? goToolVarName(ctx, ext, open) : undefined);
    if (!name) continue;
    out.push({ name, line: lineOf(ctx, at), via, extents: [ext, ...referencedBodies(ctx, ext, open)] });
  }
}

/** mark3labs/mcp-go: `tool := mcp.NewTool("name", …)` then `s.AddTool(tool, handler)`. */
function goToolVarName(ctx: SourceContext, ext: { end: number }, open: number): string | undefined {
  const arg = /^\(\s*([A-Za-z_]\w{0,80})\s*,/.exec(ctx.src.code.slice(open, ext.end))?.[1];
  if (!arg) return undefined;
  const decl = new RegExp(`\\b${arg}\\s*:?=\\s*mcp\\.NewTool\\s*\\(`).exec(ctx.src.code);
  if (!decl) return undefined;
  const lit = stringsBetween(ctx, decl.index + decl[0].length, ctx.src.code.length)[0];
  return lit?.value;
}

function annotatedTools(ctx: SourceContext, out: ToolDef[]): void {
  const code = ctx.src.code;
  for (const m of code.matchAll(JAVA_TOOL)) {
    if (out.length >= MAX_TOOLS_PER_FILE || --candidatesLeft < 0) break;
    const brace = code.indexOf('{', m.index);
    const head = code.slice(m.index, brace < 0 ? m.index : Math.min(brace, m.index + 1_000));
    const method = /([A-Za-z_]\w{0,80})\s*\([^()]{0,400}\)[^(){};]{0,200}$/.exec(head);
    if (!method?.[1] || brace < 0) continue;
    const body = matchBracket(code, brace, '{', '}');
    const annotation = { start: m.index, end: brace };
    const name = keyedLiteral(ctx, annotation, ['name', 'Name']) ?? method[1];
    const line = lineOf(ctx, m.index);
    out.push({ name, line, via: m[0].startsWith('@') ? '@Tool' : `[${m[1] ?? ''}]`, extents: [{ start: m.index, end: body?.end ?? brace }] });
  }
}

/** Every tool definition in the file. */
export function findTools(ctx: SourceContext): ToolDef[] {
  const out: ToolDef[] = [];
  candidatesLeft = MAX_CANDIDATES_PER_FILE;
  switch (ctx.lang) {
    case 'python':
      pythonTools(ctx, out);
      functionSchemas(ctx, out);
      break;
    case 'js':
      jsTools(ctx, out);
      functionSchemas(ctx, out);
      registrations(ctx, out, MCP_REGISTER, 'server.tool');
      break;
    case 'go':
      registrations(ctx, out, GO_ADD_TOOL, 'AddTool');
      break;
    case 'java':
    case 'kotlin':
    case 'csharp':
      annotatedTools(ctx, out);
      break;
  }
  for (const m of ctx.src.code.matchAll(PREBUILT)) {
    if (out.length >= MAX_TOOLS_PER_FILE || --candidatesLeft < 0) break;
    const at = m.index + (m[1]?.length ?? 0);
    const ext = matchBracket(ctx.src.code, at, '(', ')');
    const line = lineOf(ctx, at);
    if (ext) out.push({ name: m[2] ?? 'tool', line, via: 'prebuilt', extents: [ext] });
  }
  return dedupe(out).slice(0, MAX_TOOLS_PER_FILE);
}

function dedupe(tools: ToolDef[]): ToolDef[] {
  const seen = new Set<string>();
  return tools.filter((t) => {
    const k = `${t.name}\u0000${t.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
