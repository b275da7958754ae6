/**
 * Model identifiers in string literals → `model` components, and floating aliases → findings.
 * A literal counts only when it is exactly a model id (after a provider prefix) and the file is
 * AI code: it imports an AI package, or the literal sits right after a model-ish key
 * (`model=`, `modelName:`, `deployment`, `init_chat_model(` …). Short, generic names (`mistral`,
 * `o3`, `llama3`) need the model-ish key.
 */
import { recogniseModel, type ModelMatch } from '../../../signatures/models.js';
import { componentRef } from '../../aggregate.js';
import type { ComponentDraft, FindingDraft, Observation } from '../../model.js';
import { evidenceAt, hasAiImport, type SourceContext } from './source-context.js';
import type { StringLiteral } from './source-lexer.js';

const LOOKBACK = 48;
/** Words in the code just before a literal that say "this is a model name". */
const MODEL_KEYS = [
  'model', 'deployment', 'engine', 'llm', 'lm(', 'agent(', 'openai(', 'anthropic(', 'google(', 'mistral(', 'ollama(', 'bedrock(',
  'azure(', 'groq(', 'vertex(', 'from_pretrained(', 'frompretrained(', 'sentencetransformer(', 'pipeline(', 'hf_hub_download(',
  'snapshot_download(', 'repo_id',
];
/** A literal compared against (`name.startsWith("gpt-4")`, `model === "o3"`, `case "gpt-4o":`) names a model without using it. */
const COMPARISON = /(startswith|endswith|includes|indexof|match|===|!==|==|!=|\bcase|\bin)\s*\(?\s*["'`]?$/;
const DEPLOYMENT_KEYS = ['azure_deployment', 'azuredeployment', 'deployment_name', 'deploymentname', 'deployment_id', 'deploymentid'];

function keyBefore(ctx: SourceContext, s: StringLiteral): string {
  const from = Math.max(ctx.src.lineStarts[s.line - 1] ?? 0, s.start - LOOKBACK);
  // Strings kept: JSON-style keys (`{"model": "gpt-4o"}`) are string literals themselves.
  return ctx.src.noComments.slice(from, s.start).toLowerCase();
}

function modelComponent(ctx: SourceContext, m: ModelMatch, line: number, extra: Record<string, string> = {}): ComponentDraft {
  return {
    type: 'model',
    name: m.id,
    provider: m.provider,
    properties: { pinned: String(m.pinned), ...(m.vendor ? { vendor: m.vendor } : {}), ...extra },
    evidence: evidenceAt(ctx, line),
  };
}

function floatingFinding(ctx: SourceContext, c: ComponentDraft, m: ModelMatch): FindingDraft {
  const why = m.floating === 'latest' ? 'a moving "latest" alias' : 'an alias without a dated snapshot or version';
  return {
    rule: 'floating-model-alias',
    controlId: 'AI-CHG-01',
    severity: m.floating === 'latest' ? 'medium' : 'low',
    message: `Model "${m.id}" is ${why}; the provider can change the model behind it without a code change.`,
    evidence: c.evidence,
    componentRef: componentRef(c),
  };
}

/** Azure OpenAI deployment names: the model behind them is chosen in Azure, so pinning is unknown here. */
function azureDeployment(ctx: SourceContext, s: StringLiteral, key: string): ComponentDraft | undefined {
  const isDeploymentKey = DEPLOYMENT_KEYS.some((k) => key.replace(/[\s"']/g, '').includes(k));
  if (!isDeploymentKey || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(s.value)) return undefined;
  return {
    type: 'model',
    name: s.value,
    provider: 'azure-openai',
    properties: { pinned: 'unknown', deployment: 'true' },
    evidence: evidenceAt(ctx, s.line),
  };
}

/** `https://x.openai.azure.com/openai/deployments/<name>/chat/completions?…` names a deployment. */
function deploymentInUrl(ctx: SourceContext, s: StringLiteral): ComponentDraft | undefined {
  const at = s.value.indexOf('/openai/deployments/');
  if (at < 0) return undefined;
  const name = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}/.exec(s.value.slice(at + '/openai/deployments/'.length))?.[0];
  if (!name) return undefined;
  return { type: 'model', name, provider: 'azure-openai', properties: { pinned: 'unknown', deployment: 'true' }, evidence: evidenceAt(ctx, s.line) };
}

function restOfLine(ctx: SourceContext, s: StringLiteral): string {
  const next = ctx.src.lineStarts[s.line] ?? ctx.src.text.length;
  return ctx.src.noComments.slice(s.end, Math.min(next, s.end + 400));
}

export function detectModels(ctx: SourceContext): Observation {
  const components: ComponentDraft[] = [];
  const findings: FindingDraft[] = [];
  const aiFile = hasAiImport(ctx);
  for (const s of ctx.src.strings) {
    if (s.value.length < 2 || s.value.length > 120) continue;
    const key = keyBefore(ctx, s);
    if (COMPARISON.test(key)) continue;
    const keyed = MODEL_KEYS.some((k) => key.includes(k));
    const m = recogniseModel(s.value);
    if (!m) {
      const deployment = keyed ? azureDeployment(ctx, s, key) : deploymentInUrl(ctx, s);
      if (deployment) components.push(deployment);
      continue;
    }
    if (m.ambiguous ? !keyed : !(keyed || aiFile)) continue;
    // Hugging Face downloads are pinned by a `revision=` on the same call line.
    const pinnedByRevision = m.provider === 'huggingface' && /\brevision\s*[=:]/.test(restOfLine(ctx, s));
    const c = modelComponent(ctx, { ...m, pinned: m.pinned || pinnedByRevision }, s.line);
    components.push(c);
    if (!m.pinned && !pinnedByRevision) findings.push(floatingFinding(ctx, c, m));
  }
  return { components, findings };
}
