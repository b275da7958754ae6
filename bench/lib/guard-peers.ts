/**
 * Offline npm prompt-injection detectors measured beside Attest by `npm run bench:guard`.
 * Each adapter answers "flagged?" for one text, using the package's documented API where it works.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One detector under test. */
export interface GuardPeer {
  readonly name: string;
  /** How the peer was run (mode, threshold, caveats). */
  readonly note: string;
  readonly detect: (text: string) => boolean | Promise<boolean>;
  /** Too slow for every row: score every n-th row only (stated in the table). */
  readonly evalStride?: number;
  /** Skip latency at input sizes above this (stated in the table). */
  readonly maxLatencySize?: number;
}

const require = createRequire(import.meta.url);

async function vardPeer(): Promise<GuardPeer> {
  const { default: vard } = await import('@andersmyrmel/vard');
  const guard = vard.moderate();
  return { name: '@andersmyrmel/vard', note: 'moderate preset, `safeParse(text).safe === false`', detect: (t) => !guard.safeParse(t).safe };
}

/**
 * hai-guardrails 1.12 crashes on import under Node (its bundled piscina pool resolves a worker path
 * from the publisher's build machine and its heuristic worker path points at a missing `.mjs`). We run
 * its own shipped code in-process instead: the heuristic worker module as published, and the
 * pattern list and keyword generator sliced verbatim from its dist bundle.
 */
async function haiPeers(): Promise<GuardPeer[]> {
  const pkgDir = join(dirname(require.resolve('@presidio-dev/hai-guardrails')), '..');
  const bundle = readFileSync(join(pkgDir, 'dist', 'index.js'), 'utf8');
  const slice = (from: string, to: string): string => {
    const a = bundle.indexOf(from);
    const b = bundle.indexOf(to, a);
    if (a < 0 || b < 0) throw new Error(`hai-guardrails bundle changed: cannot find ${from}`);
    return bundle.slice(a, b);
  };
  const normalize = new Function(`${slice('function normalizeString(', 'function safeExecute(')}; return normalizeString;`)() as (s: string) => string;
  const keywords = new Function(`${slice('function generateInjectionKeywords(', 'var InjectionKeywords')}; return generateInjectionKeywords();`)() as string[];
  const patternSrc = slice('var InjectionPatterns = [', 'function RenderPromptForInjectionDetection');
  const injectionPatterns = new Function(`${patternSrc}; return InjectionPatterns;`)() as RegExp[];
  const worker = (await import(join(pkgDir, 'dist', 'workers', 'heuristic.worker.js'))) as {
    default: (a: { input: string; keyword: string; threshold: number }) => Promise<{ score: number }>;
  };
  const threshold = 0.7;
  return [
    {
      name: '@presidio-dev/hai-guardrails (pattern)',
      note: 'injectionGuard pattern mode: its InjectionPatterns over its normalizeString, flag at score 1',
      detect: (t) => {
        const n = normalize(t);
        return injectionPatterns.some((p) => p.test(n));
      },
    },
    {
      name: '@presidio-dev/hai-guardrails (heuristic)',
      note: `injectionGuard heuristic mode: its worker over its ${keywords.length} keywords, in-process, threshold ${threshold}; ~1 s per 1 KB input, so quality is on every 8th row and latency stops at 2 KB`,
      evalStride: 8,
      maxLatencySize: 2_000,
      detect: async (t) => {
        for (const keyword of keywords) if ((await worker.default({ input: t, keyword, threshold })).score >= threshold) return true;
        return false;
      },
    },
  ];
}

async function llmGuardrailPeer(): Promise<GuardPeer> {
  const moduleName = 'llm_guardrail'; // ships no type declarations
  const lg = (await import(moduleName)) as Record<string, (t: string) => Promise<{ detected: boolean }>>;
  const checkInjection = lg.checkInjection as (t: string) => Promise<{ detected: boolean }>;
  const checkJailbreak = lg.checkJailbreak as (t: string) => Promise<{ detected: boolean }>;
  return {
    name: 'llm_guardrail',
    note: 'bundled TF-IDF + logistic models (offline); flagged if checkInjection or checkJailbreak detects',
    detect: async (t) => (await checkInjection(t)).detected || (await checkJailbreak(t)).detected,
  };
}

async function llmGuardPeer(): Promise<GuardPeer> {
  const { LLMGuard } = (await import('llm-guard')) as unknown as { LLMGuard: new (o: object) => { validate(t: string): Promise<{ results: { valid: boolean; details: { rule: string }[] }[] }> } };
  const guard = new LLMGuard({ jailbreak: true, promptInjection: true });
  return {
    name: 'llm-guard',
    note: 'jailbreak + promptInjection validators; flagged if either rule fires',
    detect: async (t) => (await guard.validate(t)).results.some((r) => !r.valid && r.details.some((d) => /jailbreak|injection/.test(d.rule))),
  };
}

async function llmverifyPeer(): Promise<GuardPeer> {
  const mod = (await import('llmverify')) as unknown as { isInputSafe?: (t: string) => boolean; default?: { isInputSafe: (t: string) => boolean } };
  const isInputSafe = mod.isInputSafe ?? mod.default?.isInputSafe;
  if (!isInputSafe) throw new Error('llmverify: isInputSafe not found');
  return { name: 'llmverify', note: '`isInputSafe(text) === false` (pattern-based)', detect: (t) => !isInputSafe(t) };
}

/** Load every peer; a peer that fails to load is reported with the reason instead of a row. */
export async function loadPeers(): Promise<{ peers: GuardPeer[]; failures: { name: string; reason: string }[] }> {
  const peers: GuardPeer[] = [];
  const failures: { name: string; reason: string }[] = [];
  const loaders: [string, () => Promise<GuardPeer | GuardPeer[]>][] = [
    ['@andersmyrmel/vard', vardPeer],
    ['@presidio-dev/hai-guardrails', haiPeers],
    ['llm_guardrail', llmGuardrailPeer],
    ['llm-guard', llmGuardPeer],
    ['llmverify', llmverifyPeer],
  ];
  for (const [name, load] of loaders) {
    try {
      const p = await load();
      peers.push(...(Array.isArray(p) ? p : [p]));
    } catch (err) {
      failures.push({ name, reason: (err as Error).message.split('\n')[0] ?? 'failed to load' });
    }
  }
  return { peers, failures };
}
