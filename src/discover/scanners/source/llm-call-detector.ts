/**
 * Fine-tuning calls and unguarded LLM calls. Both only count in AI code (a file that imports an
 * AI package), so `client.messages.create(` in a Twilio file is not an LLM call. "Guarded" is
 * defined in docs/discover-rules.md; the four signals are implemented in {@link guardSignal}.
 */
import type { FindingDraft, Observation } from '../../model.js';
import { FINE_TUNE_CALLS, LLM_CALLS, firstCall, mayHoldCall, normaliseCall } from './call-patterns.js';
import { isGatewayUrl } from './endpoint-detector.js';
import { evidenceAt, hasAiImport, stringsBetween, type SourceContext } from './source-context.js';

/** Modules whose import means the file routes LLM calls through Attest or traces them. */
const GUARD_MODULES = /^(attest|@attest\/[\w-]+)(\/|\.|$)/;
const TRACING_MODULES =
  /^(langsmith|langfuse|@langfuse\/|helicone|@helicone\/|traceloop|@traceloop\/|openlit|agentops|weave|openinference|@arizeai\/openinference|@opentelemetry\/|opentelemetry|go\.opentelemetry\.io|io\.opentelemetry|lunary|promptlayer|braintrust)/;
/** Call/decorator markers of tracing wrappers (normalised: lower-case, no `_`). */
const TRACING_CALLS = ['wrapopenai(', 'wrapanthropic(', 'observeopenai(', '@traceable', 'traceable(', '@observe', 'langfusecontext', 'callbackhandler('];
/** Every tracing marker contains one of these (any case, `_` aside). */
const TRACING_HINT = /wrap|observe|traceable|langfuse|callback/i;
/** Base-URL options that re-target an SDK client. */
const BASE_URL_KEYS = /\b(baseURL|baseUrl|base_url|api_base|openai_api_base|apiBase|WithBaseURL|basePath|endpoint)\b/;
/** Env var names that say "gateway" when a base URL is read from them. */
const GATEWAY_WORDS = /GATEWAY|PROXY|LITELLM|ATTEST/;
function readsGatewayEnv(line: string): boolean {
  return (line.match(/[A-Z][A-Z0-9_]{2,80}/g) ?? []).some((t) => GATEWAY_WORDS.test(t));
}
/** Logging or audit calls near a call site (normalised line). */
const LOG_MARKERS = ['logger.', 'logging.', 'log.info(', 'log.warn', 'log.error(', 'log.debug(', 'log.printf(', 'log.println(', 'slog.', 'audit'];
const LOG_WINDOW = 8;

export type GuardSignal = 'attest-guard' | 'gateway-base-url' | 'tracing' | 'logging';

/** File-level guard: Attest guard import, gateway base URL, or LLM tracing. Undefined when none. */
export function guardSignal(ctx: SourceContext): GuardSignal | undefined {
  if (ctx.imports.some((i) => GUARD_MODULES.test(i.module))) return 'attest-guard';
  if (ctx.imports.some((i) => TRACING_MODULES.test(i.module))) return 'tracing';
  const lines = ctx.src.noComments.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const code = ctx.codeLines[i] ?? '';
    if (BASE_URL_KEYS.test(code)) {
      const from = ctx.src.lineStarts[i] ?? 0;
      const literal = stringsBetween(ctx, from, from + line.length).find((s) => /^[a-z]+:\/\//i.test(s.value));
      if (literal && isGatewayUrl(literal.value)) return 'gateway-base-url';
      if (readsGatewayEnv(line)) return 'gateway-base-url';
    }
    if (TRACING_HINT.test(code) && TRACING_CALLS.some((t) => normaliseCall(code).includes(t))) return 'tracing';
  }
  return undefined;
}

function loggedNear(ctx: SourceContext, line: number): boolean {
  const lo = Math.max(0, line - 1 - LOG_WINDOW);
  const hi = Math.min(ctx.codeLines.length, line + LOG_WINDOW);
  for (let i = lo; i < hi; i++) {
    const norm = normaliseCall(ctx.codeLines[i] ?? '');
    if (LOG_MARKERS.some((m) => norm.includes(m))) return true;
  }
  return false;
}

export function detectCalls(ctx: SourceContext): Observation {
  if (!hasAiImport(ctx)) return {};
  const findings: FindingDraft[] = [];
  const guarded = guardSignal(ctx);
  for (let i = 0; i < ctx.codeLines.length; i++) {
    let code = ctx.codeLines[i] ?? '';
    if (!mayHoldCall(code)) continue;
    // A fluent chain split over lines (`client.chat.completions\n  .create(`): read the line before too.
    if (code.trimStart().startsWith('.') && i > 0) code = `${(ctx.codeLines[i - 1] ?? '').slice(-200)}${code.trimStart()}`;
    const norm = normaliseCall(code);
    const ft = firstCall(norm, FINE_TUNE_CALLS);
    if (ft) {
      findings.push({
        rule: 'fine-tune-call',
        controlId: 'AI-DATA-03',
        severity: 'medium',
        message: `Fine-tuning job created (${ft.replace('(', '')}); fine-tunes must be inventoried and approved, and their training data agreed with the provider.`,
        evidence: evidenceAt(ctx, i + 1),
      });
      continue;
    }
    if (guarded) continue;
    const call = firstCall(norm, LLM_CALLS);
    if (call && !loggedNear(ctx, i + 1)) {
      findings.push({
        rule: 'unguarded-llm-call',
        controlId: 'AI-GW-01',
        severity: 'medium',
        message: `LLM call (${call.replace(/^\./, '').replace('(', '')}) with no gateway, Attest guard, tracing or logging around it.`,
        evidence: evidenceAt(ctx, i + 1),
      });
    }
  }
  return { findings };
}
