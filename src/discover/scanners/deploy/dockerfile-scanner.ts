/**
 * Dockerfiles: base images that are AI runtimes or vector stores (FROM), their EXPOSEd ports,
 * runtimes started and models pulled in RUN/CMD/ENTRYPOINT, and model names in ENV.
 * EXPOSE only documents a port; publishing happens at `docker run`/compose time, so a
 * Dockerfile alone never yields an exposure finding.
 */
import type { ComponentDraft, FileInput, FileScanner, Observation } from '../../model.js';
import { redactSnippet } from '../keys/redact-snippet.js';
import { argvFacts, commandFacts, MODEL_ENV, type CommandFacts } from './_commands.js';
import { collected, endpointFromEnv, modelComponent, observeImage } from './_image-observation.js';

const SCANNER = 'deploy/dockerfile';

export function isDockerfilePath(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return base === 'dockerfile' || base === 'containerfile' || base.startsWith('dockerfile.') || base.endsWith('.dockerfile');
}

interface Instruction {
  readonly op: string;
  readonly args: string;
  readonly line: number;
}

/** Instructions with continuation lines joined; comments and blank lines dropped. */
export function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let buf = '';
  let start = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').replace(/\r$/, '');
    const trimmed = raw.trim();
    if (buf === '' && (trimmed === '' || trimmed.startsWith('#'))) continue;
    if (buf === '') start = i + 1;
    else if (trimmed.startsWith('#')) continue;
    if (trimmed.endsWith('\\')) {
      buf += `${trimmed.slice(0, -1)} `;
      continue;
    }
    buf += trimmed;
    const sp = buf.search(/\s/);
    out.push({ op: (sp === -1 ? buf : buf.slice(0, sp)).toUpperCase(), args: sp === -1 ? '' : buf.slice(sp + 1).trim(), line: start });
    buf = '';
  }
  return out;
}

/** Exec form `["a","b"]` → argv; shell form → undefined. */
function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(args);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
  } catch {
    return undefined;
  }
}

function envPairs(args: string): Array<[string, string]> {
  const eq = args.indexOf('=');
  const sp = args.search(/\s/);
  if (eq === -1 || (sp !== -1 && sp < eq)) {
    // Legacy `ENV KEY value`.
    return sp === -1 ? [] : [[args.slice(0, sp), args.slice(sp + 1).trim()]];
  }
  return args.split(/\s+/).flatMap((kv) => {
    const i = kv.indexOf('=');
    return i > 0 ? [[kv.slice(0, i), kv.slice(i + 1).replace(/^["']|["']$/g, '')] as [string, string]] : [];
  });
}

function modelAt(model: string, path: string, line: number, snippet: string, provider?: string): ComponentDraft {
  return modelComponent(model, { path, line, scanner: SCANNER, snippet: redactSnippet(snippet) }, provider);
}

async function scanDockerfile(file: FileInput): Promise<Observation> {
  const text = await file.text();
  const out = collected();
  const stages = new Set<string>();
  const ins = instructions(text);
  const stageStarts = ins.flatMap((x, i) => (x.op === 'FROM' ? [i] : []));
  // `ENV MODEL=…` only names a model in an image that runs an AI runtime.
  const envModels: ComponentDraft[] = [];
  let anyRuntime = false;
  for (const [n, from] of stageStarts.entries()) {
    const stage = ins.slice(from, stageStarts[n + 1] ?? ins.length);
    const head = ins[from];
    if (!head) continue;
    const words = head.args.split(/\s+/).filter((w) => !w.startsWith('--'));
    const image = words[0] ?? '';
    if (words[1]?.toLowerCase() === 'as' && words[2]) stages.add(words[2].toLowerCase());
    const ports = stage.filter((x) => x.op === 'EXPOSE').flatMap((x) => x.args.split(/\s+/).map((p) => Number.parseInt(p, 10)).filter(Number.isFinite));
    const isRuntimeImage = !stages.has(image.toLowerCase()) && observeImage({ image, path: file.path, line: head.line, scanner: SCANNER, ports, exposed: false }, out);
    if (isRuntimeImage) anyRuntime = true;
    for (const x of stage) {
      let facts: CommandFacts[] = [];
      if (x.op === 'RUN' || x.op === 'CMD' || x.op === 'ENTRYPOINT') {
        const argv = execForm(x.args);
        facts = argv ? [argvFacts(argv)] : commandFacts(x.args);
      }
      for (const f of facts) {
        const snippet = `${x.op} ${x.args}`;
        if (f.runtime) anyRuntime = true;
        if (f.runtime && !isRuntimeImage) {
          out.components.push({
            type: 'runtime',
            name: f.runtime.id,
            provider: f.runtime.id,
            properties: { kind: f.runtime.kind, product: f.runtime.id, exposed: 'false', ...(ports.length ? { port: ports.join(',') } : {}) },
            evidence: { path: file.path, line: x.line, scanner: SCANNER, snippet: redactSnippet(snippet) },
          });
        }
        for (const m of f.models) out.components.push(modelAt(m, file.path, x.line, snippet, f.runtime?.id ?? 'ollama'));
      }
      if (x.op === 'ENV' || x.op === 'ARG') {
        for (const [k, v] of envPairs(x.args)) {
          if (MODEL_ENV.has(k) && v !== '' && !v.startsWith('$')) envModels.push(modelAt(v, file.path, x.line, `${x.op} ${k}=${v}`));
          const ep = endpointFromEnv(k, v, { path: file.path, line: x.line, scanner: SCANNER });
          if (ep) out.components.push(ep);
        }
      }
    }
  }
  if (anyRuntime) out.components.push(...envModels);
  return out;
}

export const dockerfileScanner: FileScanner = {
  name: SCANNER,
  wants: (path) => isDockerfilePath(path),
  scan: scanDockerfile,
};
