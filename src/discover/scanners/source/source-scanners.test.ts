import { describe, expect, it } from 'vitest';
import { fixtureFile, memoryFile } from '../../../../test/fixtures/scanner-support/memory-file-input.js';
import type { FileInput, FileScanner, Observation } from '../../model.js';
import { sourceScanners } from './index.js';

async function scanFile(file: FileInput): Promise<Observation> {
  const wanting = sourceScanners.filter((s) => s.wants(file.path, file.size));
  expect(wanting, file.path).toHaveLength(1);
  return (wanting[0] as FileScanner).scan(file);
}

/** Every component and finding as one compact line each, so a test lists all of them (nothing extra). */
async function inventory(root: string, rel: string): Promise<string[]> {
  const obs = await scanFile(fixtureFile(root, rel));
  const cs = (obs.components ?? []).map((c) => {
    const props = c.properties ?? {};
    const extra = c.type === 'model' ? ` pinned=${props['pinned']}` : c.type === 'tool' && props['capabilities'] ? ` [${props['capabilities']}]` : '';
    return `${c.type} ${c.name}${c.provider ? ` (${c.provider})` : ''}${extra} :${c.evidence.line}`;
  });
  const fs = (obs.findings ?? []).map((f) => `! ${f.rule} ${f.controlId} ${f.severity} :${f.evidence.line}`);
  return [...new Set([...cs, ...fs])];
}

describe('Python source', () => {
  it('RAG service: SDK and vector-store imports, models (floating flagged), endpoint, one unguarded call; docstring and prose ignored', async () => {
    expect(await inventory('source-python', 'rag_service.py')).toEqual([
      'vectorstore chromadb (chroma) :8',
      'sdk openai (openai) :9',
      'model text-embedding-3-small (openai) pinned=true :12',
      'model gpt-4o (openai) pinned=false :13',
      'provider-endpoint api.openai.com (openai) :15',
      '! floating-model-alias AI-CHG-01 low :13',
      '! unguarded-llm-call AI-GW-01 medium :28',
    ]);
  });

  it('LangChain tools: each risky capability flagged, the interrupt()-gated and the harmless tool are not', async () => {
    expect(await inventory('source-python', 'agent_tools.py')).toEqual([
      'framework langchain-core (langchain) :7',
      'framework langchain-openai (openai) :8',
      'framework langgraph (langchain) :9',
      'framework langgraph (langchain) :10',
      'model gpt-4o-mini-2024-07-18 (openai) pinned=true :63',
      'tool run_command [shell] :13',
      'tool save_report [file-write] :20',
      'tool post_webhook [http] :28',
      'tool email_customer [email] :34',
      'tool refund_order [sql] :45',
      'tool word_count :57',
      'agent agent :64',
      '! risky-tool-no-approval AI-AGT-02 high :13',
      '! risky-tool-no-approval AI-AGT-02 high :20',
      '! risky-tool-no-approval AI-AGT-02 high :28',
      '! risky-tool-no-approval AI-AGT-02 high :34',
    ]);
  });

  it('risky findings name the capability and the tool', async () => {
    const obs = await scanFile(fixtureFile('source-python', 'agent_tools.py'));
    const f = (obs.findings ?? []).find((x) => x.evidence.line === 20);
    expect(f?.message).toBe('Agent tool "save_report" can write or delete files with no human approval step.');
    expect(f?.componentRef).toBe('tool::save_report');
  });

  it('CrewAI: BaseTool class with os.system, agents named by role, gateway-prefixed model id', async () => {
    expect(await inventory('source-python', 'crew.py')).toEqual([
      'framework crewai (crewai) :3',
      'framework crewai (crewai) :4',
      'model claude-sonnet-4-5 (anthropic) pinned=false :20',
      'tool deploy_service [shell] :7',
      'agent Release researcher :16',
      'agent Operator :22',
      '! floating-model-alias AI-CHG-01 low :20',
      '! risky-tool-no-approval AI-AGT-02 high :7',
    ]);
  });

  it('MCP server (FastMCP): @mcp.tool() tools, named via decorator argument', async () => {
    expect(await inventory('source-python', 'mcp_server.py')).toEqual([
      'sdk mcp (mcp) :3',
      'tool tail_log [shell] :8',
      'tool server_time :14',
      '! risky-tool-no-approval AI-AGT-02 high :8',
    ]);
  });

  it('fine-tuning: OpenAI jobs and Bedrock model customisation (boto3 counts once a Bedrock client exists)', async () => {
    expect(await inventory('source-python', 'finetune.py')).toEqual([
      'sdk openai (openai) :2',
      'sdk boto3 (aws-bedrock) :5',
      'model gpt-4o-mini-2024-07-18 (openai) pinned=true :9',
      'model amazon.titan-text-express-v1 (aws-bedrock) pinned=true :18',
      '! fine-tune-call AI-DATA-03 medium :9',
      '! fine-tune-call AI-DATA-03 medium :14',
    ]);
  });

  it('guarded: a base URL read from a gateway env var, or logging around the call, means no unguarded finding', async () => {
    expect(await inventory('source-python', 'guarded_gateway.py')).toEqual(['sdk openai (openai) :3', 'model gpt-4o-2024-08-06 (openai) pinned=true :10']);
    expect(await inventory('source-python', 'logged_call.py')).toEqual(['sdk anthropic (anthropic) :3', 'model claude-3-5-haiku-20241022 (anthropic) pinned=true :12']);
  });

  it('prose, comments, docstrings and a Twilio messages.create are not AI components', async () => {
    expect(await inventory('source-python', 'prose_only.py')).toEqual([]);
    expect(await inventory('source-python', 'sms.py')).toEqual([]);
  });
});

describe('TypeScript / JavaScript source', () => {
  it('OpenAI chat route: floating model constant, direct endpoint (not a gateway), unguarded call; prose string and comments ignored', async () => {
    expect(await inventory('source-ts', 'chat.ts')).toEqual([
      'sdk openai (openai) :1',
      'model gpt-4o-mini (openai) pinned=false :8',
      'provider-endpoint api.openai.com (openai) :7',
      '! floating-model-alias AI-CHG-01 low :8',
      '! unguarded-llm-call AI-GW-01 medium :11',
    ]);
  });

  it('Vercel AI SDK tools: promisified child_process exec is shell; needsApproval: true suppresses the finding', async () => {
    expect(await inventory('source-ts', 'agent.ts')).toEqual([
      'sdk @ai-sdk/openai (openai) :3',
      'framework ai (vercel) :4',
      'model gpt-4.1 (openai) pinned=false :29',
      'tool runShell [shell] :10',
      'tool deleteBranch [shell] :15',
      'tool weather :21',
      '! floating-model-alias AI-CHG-01 low :29',
      '! risky-tool-no-approval AI-AGT-02 high :10',
      '! unguarded-llm-call AI-GW-01 medium :29',
    ]);
  });

  it('MCP TypeScript server: server.tool / registerTool names, SQL and fetch capabilities', async () => {
    expect(await inventory('source-ts', 'mcp-server.ts')).toEqual([
      'sdk @modelcontextprotocol/sdk (mcp) :1',
      'sdk @modelcontextprotocol/sdk (mcp) :2',
      'tool run_query [sql] :9',
      'tool fetch_url [http] :14',
      'tool echo :20',
      '! risky-tool-no-approval AI-AGT-02 high :9',
      '! risky-tool-no-approval AI-AGT-02 high :14',
    ]);
  });

  it('OpenAI function calling: the schema names the tool, its implementation sends email; logging around the call guards it', async () => {
    expect(await inventory('source-ts', 'functions.mjs')).toEqual([
      'sdk openai (openai) :2',
      'model o3-mini (openai) pinned=false :26',
      'tool send_email [email] :10',
      '! floating-model-alias AI-CHG-01 low :26',
      '! risky-tool-no-approval AI-AGT-02 high :10',
    ]);
  });

  it('importing the Attest guard marks the file guarded', async () => {
    expect(await inventory('source-ts', 'guarded.ts')).toEqual([
      'sdk @anthropic-ai/sdk (anthropic) :1',
      'model claude-sonnet-4-5-20250929 (anthropic) pinned=true :8',
    ]);
  });

  it('Azure deployment names, templated Azure host, Bedrock model id, local Ollama endpoint and tag', async () => {
    expect(await inventory('source-ts', 'azure-bedrock.ts')).toEqual([
      'sdk openai (openai) :1',
      'sdk @aws-sdk/client-bedrock-runtime (aws-bedrock) :2',
      'sdk ollama (ollama) :3',
      'model support-gpt4o (azure-openai) pinned=unknown :9',
      'model anthropic.claude-3-5-sonnet-20240620-v1:0 (aws-bedrock) pinned=true :17',
      'model llama3.1:8b (ollama) pinned=true :24',
      'provider-endpoint *.openai.azure.com (azure-openai) :7',
      'provider-endpoint localhost:11434 (ollama) :13',
      '! unguarded-llm-call AI-GW-01 medium :16',
    ]);
  });

  it('code only in comments, a regex literal with quotes and a prose label produce nothing', async () => {
    expect(await inventory('source-ts', 'comments-only.ts')).toEqual([]);
  });
});

describe('Go, Java, Kotlin and C# source', () => {
  it('Go: openai-go call, mcp-go tool registered with a handler that runs exec.Command', async () => {
    expect(await inventory('source-go', 'main.go')).toEqual([
      'sdk github.com/mark3labs/mcp-go (mcp) :8',
      'sdk github.com/mark3labs/mcp-go (mcp) :9',
      'sdk github.com/openai/openai-go (openai) :10',
      'sdk github.com/openai/openai-go (openai) :11',
      'model gpt-4.1 (openai) pinned=false :15',
      'provider-endpoint api.openai.com (openai) :18',
      'tool restart_service [shell] :41',
      '! floating-model-alias AI-CHG-01 low :15',
      '! risky-tool-no-approval AI-AGT-02 high :41',
      '! unguarded-llm-call AI-GW-01 medium :19',
    ]);
  });

  it('Java LangChain4j: @Tool methods (named and unnamed), pinned model', async () => {
    expect(await inventory('source-java', 'Assistant.java')).toEqual([
      'framework dev.langchain4j:langchain4j (langchain4j) :3',
      'framework dev.langchain4j:langchain4j (langchain4j) :4',
      'model gpt-4o-2024-08-06 (openai) pinned=true :14',
      'tool archiveClaim [file-write] :17',
      'tool claim_status :23',
      '! risky-tool-no-approval AI-AGT-02 high :17',
    ]);
  });

  it('Kotlin: a "latest" alias is a medium finding; C#: [McpServerTool] running a process', async () => {
    expect(await inventory('source-java', 'Support.kt')).toEqual([
      'sdk com.anthropic:anthropic-java (anthropic) :3',
      'sdk com.anthropic:anthropic-java (anthropic) :4',
      'model claude-3-7-sonnet-latest (anthropic) pinned=false :10',
      '! floating-model-alias AI-CHG-01 medium :10',
      '! unguarded-llm-call AI-GW-01 medium :14',
    ]);
    expect(await inventory('source-java', 'Bot.cs')).toEqual([
      'sdk ModelContextProtocol (mcp) :3',
      'sdk OpenAI (openai) :4',
      'model gpt-4o-mini (openai) pinned=false :20',
      'tool RunPowerShell [shell] :9',
      '! floating-model-alias AI-CHG-01 low :20',
      '! risky-tool-no-approval AI-AGT-02 high :9',
      '! unguarded-llm-call AI-GW-01 medium :22',
    ]);
  });
});

describe('guard signals and evidence hygiene', () => {
  const call = 'const r = await client.chat.completions.create({ model: "gpt-4o-2024-08-06", messages });';
  const unguarded = async (text: string): Promise<number> =>
    ((await scanFile(memoryFile('src/x.ts', text))).findings ?? []).filter((f) => f.rule === 'unguarded-llm-call').length;

  it('a tracing wrapper or tracing import guards the file; a gateway host base URL does too', async () => {
    expect(await unguarded(`import OpenAI from 'openai';\nconst client = new OpenAI();\n${call}\n`)).toBe(1);
    expect(await unguarded(`import OpenAI from 'openai';\nimport { wrapOpenAI } from 'langsmith/wrappers';\nconst client = wrapOpenAI(new OpenAI());\n${call}\n`)).toBe(0);
    expect(await unguarded(`import OpenAI from 'openai';\nimport { observeOpenAI } from '@langfuse/openai';\nconst client = observeOpenAI(new OpenAI());\n${call}\n`)).toBe(0);
    expect(await unguarded(`import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://gateway.ai.cloudflare.com/v1/acct/gw/openai' });\n${call}\n`)).toBe(0);
    expect(await unguarded(`import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: process.env.OPENAI_BASE_URL });\n${call}\n`)).toBe(1);
  });

  it('console.log is not logging; a logger call within 8 lines is, one further away is not', async () => {
    const head = `import OpenAI from 'openai';\nconst client = new OpenAI();\n`;
    expect(await unguarded(`${head}console.log('calling');\n${call}\n`)).toBe(1);
    expect(await unguarded(`${head}logger.info({ event: 'llm' });\n${call}\n`)).toBe(0);
    expect(await unguarded(`${head}logger.info({ event: 'boot' });\n${'\n'.repeat(12)}${call}\n`)).toBe(1);
  });

  it('JSON-style model keys count as model context in a file with no AI import', async () => {
    const obs = await scanFile(memoryFile('settings.py', 'PROFILES = {"default": {"model": "o3-mini", "temperature": 0}}\nLABEL = "o3-mini"\n'));
    expect((obs.components ?? []).map((c) => `${c.type} ${c.name}:${c.evidence.line}`)).toEqual(['model o3-mini:1']);
  });

  it('a model id only compared against (startsWith, ===, case) is not a model in use', async () => {
    const text = `import OpenAI from 'openai';\nif (name.startsWith("gpt-4o")) x = 1;\nif (model === 'o3-mini') y = 2;\nswitch (m) { case "gpt-4.1": break; }\nconst use = { model: "gpt-4.1" };\n`;
    const obs = await scanFile(memoryFile('src/m.ts', text));
    expect((obs.components ?? []).filter((c) => c.type === 'model').map((c) => `${c.name}:${c.evidence.line}`)).toEqual(['gpt-4.1:5']);
  });

  it('Hugging Face downloads: unpinned unless revision= is given; Azure deployments named in URLs', async () => {
    const py = [
      'from sentence_transformers import SentenceTransformer',
      'from transformers import AutoModelForCausalLM',
      'emb = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")',
      'lm = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B-Instruct", revision="0e9e39f249a16976918f6564b8830bc894c89659")',
      'URL = "https://contoso.openai.azure.com/openai/deployments/chat-prod/chat/completions?api-version=2024-10-21"',
    ].join('\n');
    const obs = await scanFile(memoryFile('hf.py', py));
    const models = (obs.components ?? []).filter((c) => c.type === 'model').map((c) => `${c.name} ${c.provider} pinned=${c.properties?.['pinned']}`);
    expect(models).toEqual([
      'sentence-transformers/all-MiniLM-L6-v2 huggingface pinned=false',
      'meta-llama/Llama-3.1-8B-Instruct huggingface pinned=true',
      'chat-prod azure-openai pinned=unknown',
    ]);
    expect((obs.findings ?? []).map((f) => `${f.rule}:${f.evidence.line}`)).toEqual(['floating-model-alias:3']);
  });

  it('a call chain split over lines is still one call site (on the line of the call)', async () => {
    expect(await unguarded(`import OpenAI from 'openai';\nconst client = new OpenAI();\nconst r = await client.chat.completions\n  .create({ model: 'gpt-4o-2024-08-06', messages });\n`)).toBe(1);
  });

  it('one finding per call site', async () => {
    expect(await unguarded(`import OpenAI from 'openai';\nconst client = new OpenAI();\n${call}\n${call}\n\n${call}\n`)).toBe(3);
  });

  it('evidence snippets never carry a provider key', async () => {
    const key = `sk-proj-${'A1b2C3d4E5'.repeat(6)}T3BlbkFJ${'z9Y8x7W6v5'.repeat(6)}`;
    const obs = await scanFile(memoryFile('app.py', `from openai import OpenAI\nclient = OpenAI(api_key="${key}", base_url="https://api.openai.com/v1")\n`));
    const text = JSON.stringify(obs);
    expect(obs.components?.some((c) => c.type === 'provider-endpoint')).toBe(true);
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(12, 40));
  });

  it('markdown, notebooks-as-JSON and minified or declaration files are not source', () => {
    for (const p of ['README.md', 'docs/guide.mdx', 'dist/app.min.js', 'types/openai.d.ts', 'notes.txt']) {
      expect(sourceScanners.some((s) => s.wants(p, 100)), p).toBe(false);
    }
    expect(sourceScanners.some((s) => s.wants('src/app.ts', 5 * 1024 * 1024))).toBe(false);
  });
});

describe('more tool forms and approval markers', () => {
  const tools = async (path: string, text: string): Promise<string[]> => {
    const obs = await scanFile(memoryFile(path, text));
    const risky = new Set((obs.findings ?? []).filter((f) => f.rule === 'risky-tool-no-approval').map((f) => f.evidence.line));
    return (obs.components ?? [])
      .filter((c) => c.type === 'tool')
      .map((c) => `${c.name}${c.properties?.['capabilities'] ? ` [${c.properties['capabilities']}]` : ''}${risky.has(c.evidence.line ?? 0) ? ' RISKY' : ''}`);
  };

  it('LangChain Tool(func=…) and StructuredTool.from_function follow the function they wrap', async () => {
    const py = [
      'import os',
      'from langchain.tools import Tool, StructuredTool',
      '',
      'def purge(path):',
      '    os.remove(path)',
      '',
      'def lookup(q):',
      '    return q',
      '',
      'purge_tool = Tool(name="purge_file", func=purge, description="Delete a file")',
      'lookup_tool = StructuredTool.from_function(func=lookup, name="lookup")',
    ].join('\n');
    expect(await tools('t.py', py)).toEqual(['purge_file [file-write] RISKY', 'lookup']);
  });

  it('a file-level HumanApprovalCallbackHandler gates the tools; require_approval="never" does not', async () => {
    const gated = 'import subprocess\nfrom langchain_core.tools import tool\nfrom langchain_community.callbacks import HumanApprovalCallbackHandler\n\n@tool\ndef sh(c: str) -> str:\n    return subprocess.getoutput(c)\n\nsh.callbacks = [HumanApprovalCallbackHandler()]\n';
    expect(await tools('g.py', gated)).toEqual(['sh [shell]']);
    const never = 'import subprocess\nfrom agents import Agent, function_tool\n\n@function_tool(require_approval="never")\ndef sh(c: str) -> str:\n    return subprocess.getoutput(c)\n';
    expect(await tools('n.py', never)).toEqual(['sh [shell] RISKY']);
  });

  it('LangChain JS DynamicTool and Mastra createTool (named by id)', async () => {
    const ts = [
      "import { DynamicTool } from '@langchain/core/tools';",
      "import { createTool } from '@mastra/core/tools';",
      "import { writeFile } from 'node:fs/promises';",
      "export const save = new DynamicTool({ name: 'save_note', description: 'save', func: async (t) => { await writeFile('/tmp/n', t); return 'ok'; } });",
      "export const mail = createTool({ id: 'send-digest', description: 'mail', execute: async () => fetch('https://hooks.example.com', { method: 'POST' }) });",
    ].join('\n');
    expect(await tools('t.ts', ts)).toEqual(['save_note [file-write] RISKY', 'send-digest [http] RISKY']);
  });

  it('OpenAI function schemas as Python dicts (quoted keys) and JSON-style JS objects', async () => {
    const py = [
      'import subprocess',
      'from openai import OpenAI',
      'TOOLS = [{"type": "function", "function": {"name": "restart_service", "parameters": {"type": "object"}}}]',
      '',
      'def restart_service(name):',
      '    subprocess.run(["systemctl", "restart", name], check=True)',
    ].join('\n');
    expect(await tools('f.py', py)).toEqual(['restart_service [shell] RISKY']);
    const js = `import OpenAI from 'openai';\nexport const tools = [{ "type": "function", "name": "get_time", "parameters": {} }];\n`;
    expect(await tools('f.ts', js)).toEqual(['get_time']);
  });

  it('prebuilt risky LangChain tools count as tools', async () => {
    const py = 'from langchain_community.tools import ShellTool\nfrom langchain_experimental.tools import PythonREPLTool\n\ntools = [ShellTool(), PythonREPLTool()]\n';
    expect(await tools('p.py', py)).toEqual(['ShellTool [shell] RISKY', 'PythonREPLTool [shell] RISKY']);
  });
});

describe('Jupyter notebooks', () => {
  it('scans code cells only and points evidence at the notebook lines; markdown and outputs are prose', async () => {
    expect(await inventory('source-notebook', 'explore.ipynb')).toEqual([
      'sdk openai (openai) :18',
      'model gpt-4o-mini (openai) pinned=false :37',
      '! floating-model-alias AI-CHG-01 low :37',
      '! unguarded-llm-call AI-GW-01 medium :36',
    ]);
  });

  it('a broken notebook is one BAD_INPUT error', async () => {
    await expect(scanFile(memoryFile('nb/broken.ipynb', '{"cells": [\n{"cell_type": "code",\n'))).rejects.toMatchObject({ code: 'BAD_INPUT', context: { where: 'nb/broken.ipynb' } });
  });
});


describe('agents wrapped by an executor', () => {
  async function agents(path: string, text: string): Promise<string[]> {
    const obs = await scanFile(memoryFile(path, text));
    return (obs.components ?? [])
      .filter((c) => c.type === 'agent')
      .map((c) => `${c.name} ${c.properties?.['constructor']}${c.properties?.['executor'] ? `+${c.properties['executor']}` : ''} :${c.evidence.line}`);
  }
  const py = 'from langchain.agents import AgentExecutor, create_tool_calling_agent\n';
  const ts = 'import { AgentExecutor, createToolCallingAgent } from "langchain/agents";\n';

  it('Python AgentExecutor(agent=x) and from_agent_and_tools(agent=x) are the wrapped agent, both lines as evidence', async () => {
    expect(await agents('a.py', `${py}agent = create_tool_calling_agent(llm, tools, prompt)\nexecutor = AgentExecutor(agent=agent, tools=tools, max_iterations=6)\n`)).toEqual([
      'agent create_tool_calling_agent :2',
      'agent create_tool_calling_agent+AgentExecutor :3',
    ]);
    expect(await agents('b.py', `${py}planner = create_tool_calling_agent(llm, tools, prompt)\nrunner = AgentExecutor.from_agent_and_tools(\n    agent=planner, tools=tools)\n`)).toEqual([
      'planner create_tool_calling_agent :2',
      'planner create_tool_calling_agent+AgentExecutor :3',
    ]);
  });

  it('Python: an unwrapped agent, and an executor whose agent is not a variable of this file, stay as they are', async () => {
    expect(await agents('c.py', `${py}agent = create_tool_calling_agent(llm, tools, prompt)\n`)).toEqual(['agent create_tool_calling_agent :2']);
    expect(await agents('d.py', `${py}from .agents import built\nexecutor = AgentExecutor(agent=built, tools=tools)\n`)).toEqual(['executor AgentExecutor :3']);
  });

  it('Python: two agents each wrapped by their own executor stay two', async () => {
    const text = `${py}a = create_tool_calling_agent(llm, t1, p1)\nb = create_tool_calling_agent(llm, t2, p2)\nexec_a = AgentExecutor(agent=a, tools=t1)\nexec_b = AgentExecutor(agent=b, tools=t2)\n`;
    const names = await agents('e.py', text);
    expect(names).toEqual([
      'a create_tool_calling_agent :2',
      'b create_tool_calling_agent :3',
      'a create_tool_calling_agent+AgentExecutor :4',
      'b create_tool_calling_agent+AgentExecutor :5',
    ]);
    expect(new Set(names.map((n) => n.split(' ')[0]))).toEqual(new Set(['a', 'b']));
  });

  it('TS: new AgentExecutor({ agent: x }), fromAgentAndTools({ agent }) and an unwrapped agent', async () => {
    expect(await agents('a.ts', `${ts}const agent = await createToolCallingAgent({ llm, tools, prompt });\nconst executor = new AgentExecutor({ agent: agent, tools });\n`)).toEqual([
      'agent createToolCallingAgent :2',
      'agent createToolCallingAgent+AgentExecutor :3',
    ]);
    expect(await agents('b.ts', `${ts}const agent = await createToolCallingAgent({ llm, tools, prompt });\nconst runner = AgentExecutor.fromAgentAndTools({ agent, tools });\n`)).toEqual([
      'agent createToolCallingAgent :2',
      'agent createToolCallingAgent+AgentExecutor :3',
    ]);
    expect(await agents('c.ts', `${ts}const helper = await createToolCallingAgent({ llm, tools, prompt });\n`)).toEqual(['helper createToolCallingAgent :2']);
    expect(await agents('d.ts', `${ts}const a = await createToolCallingAgent({ llm, tools: t1, prompt });\nconst b = await createToolCallingAgent({ llm, tools: t2, prompt });\nconst ea = new AgentExecutor({ agent: a, tools: t1 });\nconst eb = new AgentExecutor({ agent: b, tools: t2 });\n`)).toEqual([
      'a createToolCallingAgent :2',
      'b createToolCallingAgent :3',
      'a createToolCallingAgent+AgentExecutor :4',
      'b createToolCallingAgent+AgentExecutor :5',
    ]);
  });
});
