/**
 * Kubernetes manifests (multi-document YAML): containers of workloads whose image is an AI
 * runtime or vector store, their ports, and exposure through a Service of type
 * LoadBalancer/NodePort or an Ingress that selects them, `hostNetwork: true` or a `hostPort`.
 * KServe `InferenceService` resources are runtimes too. Services and workloads are linked
 * within one file only (labels ⊇ selector).
 */
import type { FileInput, FileScanner, Observation } from '../../model.js';
import { redactSnippet } from '../keys/redact-snippet.js';
import { argvFacts, MODEL_ENV, modelsFromArgs } from './_commands.js';
import { collected, endpointFromEnv, modelComponent, observeImage, type Collected } from './_image-observation.js';
import { entries, get, items, parseYaml, path, str, type YamlFile } from './_yaml.js';
import { isComposePath } from './compose-scanner.js';
import { isHelmValuesPath } from './helm-values-scanner.js';

const SCANNER = 'deploy/kubernetes';
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'ReplicationController']);
const LOCKS = new Set(['pnpm-lock.yaml']);

export function wantsKubernetes(p: string): boolean {
  const lower = p.toLowerCase();
  if (!(lower.endsWith('.yaml') || lower.endsWith('.yml'))) return false;
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  if (LOCKS.has(base) || isComposePath(p) || isHelmValuesPath(p)) return false;
  return !lower.includes('/templates/') && !lower.startsWith('templates/') && !lower.includes('.github/');
}

interface Workload {
  readonly kind: string;
  readonly name: string;
  readonly labels: Map<string, string>;
  readonly pod: unknown;
}

interface Exposure {
  readonly selector: Map<string, string>;
  readonly why: string;
  readonly serviceName: string;
}

function stringMap(node: unknown): Map<string, string> {
  return new Map(entries(node).flatMap(([k, v]) => (str(v) !== undefined ? [[k, str(v) ?? '']] : [])));
}

function podSpecOf(kind: string, doc: unknown): { pod: unknown; labels: unknown } {
  if (kind === 'Pod') return { pod: get(doc, 'spec'), labels: path(doc, 'metadata', 'labels') };
  if (kind === 'CronJob') return { pod: path(doc, 'spec', 'jobTemplate', 'spec', 'template', 'spec'), labels: path(doc, 'spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels') };
  return { pod: path(doc, 'spec', 'template', 'spec'), labels: path(doc, 'spec', 'template', 'metadata', 'labels') };
}

function selects(selector: Map<string, string>, labels: Map<string, string>): boolean {
  if (selector.size === 0) return false;
  for (const [k, v] of selector) if (labels.get(k) !== v) return false;
  return true;
}

function collect(yaml: YamlFile): { workloads: Workload[]; exposures: Exposure[]; services: Map<string, Map<string, string>>; others: unknown[] } {
  const workloads: Workload[] = [];
  const exposures: Exposure[] = [];
  const services = new Map<string, Map<string, string>>();
  const ingressBackends: string[] = [];
  const others: unknown[] = [];
  for (const d of yaml.docs) {
    const doc = d.contents;
    const kind = str(get(doc, 'kind')) ?? '';
    const name = str(path(doc, 'metadata', 'name')) ?? '';
    if (WORKLOADS.has(kind)) {
      const { pod, labels } = podSpecOf(kind, doc);
      workloads.push({ kind, name, labels: stringMap(labels), pod });
    } else if (kind === 'Service') {
      const selector = stringMap(path(doc, 'spec', 'selector'));
      services.set(name, selector);
      const type = str(path(doc, 'spec', 'type')) ?? 'ClusterIP';
      if (type === 'LoadBalancer' || type === 'NodePort') exposures.push({ selector, why: `Service "${name}" of type ${type}`, serviceName: name });
    } else if (kind === 'Ingress') {
      for (const rule of items(path(doc, 'spec', 'rules'))) {
        for (const p of items(path(rule, 'http', 'paths'))) {
          const svc = str(path(p, 'backend', 'service', 'name')) ?? str(path(p, 'backend', 'serviceName'));
          if (svc) ingressBackends.push(`${svc}\u0000${name}`);
        }
      }
    } else if (kind === 'InferenceService') {
      others.push(doc);
    }
  }
  for (const b of ingressBackends) {
    const [svc = '', ing = ''] = b.split('\u0000');
    const selector = services.get(svc);
    if (selector) exposures.push({ selector, why: `Ingress "${ing}" routes to Service "${svc}"`, serviceName: svc });
  }
  return { workloads, exposures, services, others };
}

/** Models a runtime container names in `command`/`args` (`--model x`) or `env` (`MODEL_ID`). */
function modelsOfContainer(c: unknown, yaml: YamlFile, path: string, out: Collected): void {
  const argNodes = [...items(get(c, 'command')), ...items(get(c, 'args'))];
  const args = argNodes.map((x) => str(x) ?? '');
  const at = yaml.lineOf(get(c, 'args') ?? get(c, 'command'));
  for (const m of modelsFromArgs(args)) out.components.push(modelComponent(m, { path, scanner: SCANNER, snippet: redactSnippet(`args: ${args.join(' ')}`), ...(at !== undefined ? { line: at } : {}) }));
  for (const e of items(get(c, 'env'))) {
    const name = str(get(e, 'name')) ?? '';
    const value = str(get(e, 'value')) ?? '';
    const line = yaml.lineOf(e);
    if (MODEL_ENV.has(name) && value !== '' && !value.startsWith('$')) out.components.push(modelComponent(value, { path, scanner: SCANNER, snippet: `${name}=${value}`.slice(0, 200), ...(line !== undefined ? { line } : {}) }));
  }
}

async function scanKubernetes(file: FileInput): Promise<Observation> {
  const text = await file.text();
  // Cheap gate: most YAML files are not Kubernetes manifests; never parse (or complain about) those.
  if (!text.includes('apiVersion') || !text.includes('kind') || text.includes('{{')) return {};
  const yaml = parseYaml(text, file.path);
  const out = collected();
  const lower = text.toLowerCase();
  const { workloads, exposures, others } = collect(yaml);
  for (const w of workloads) {
    const viaService = exposures.find((e) => selects(e.selector, w.labels));
    const hostNet = str(get(w.pod, 'hostNetwork')) === 'true';
    for (const c of [...items(get(w.pod, 'containers')), ...items(get(w.pod, 'initContainers'))]) {
      for (const e of items(get(c, 'env'))) {
        const line = yaml.lineOf(e);
        const ep = endpointFromEnv(str(get(e, 'name')) ?? '', str(get(e, 'value')) ?? '', { path: file.path, scanner: SCANNER, ...(line !== undefined ? { line } : {}) });
        if (ep) out.components.push(ep);
      }
      const imageNode = get(c, 'image');
      const image = str(imageNode);
      if (image === undefined) continue;
      const portNodes = items(get(c, 'ports'));
      const ports = portNodes.flatMap((p) => {
        const n = Number.parseInt(str(get(p, 'containerPort')) ?? '', 10);
        return Number.isFinite(n) ? [n] : [];
      });
      const hostPort = portNodes.map((p) => str(get(p, 'hostPort'))).find((h) => h !== undefined);
      const exposedBy = viaService?.why ?? (hostNet ? 'hostNetwork: true' : hostPort ? `hostPort ${hostPort}` : undefined);
      const use = { image, path: file.path, line: yaml.lineOf(imageNode), scanner: SCANNER, ports, exposed: exposedBy !== undefined, fileTextLower: lower, owner: `${w.kind} "${w.name}"` };
      const known = observeImage(exposedBy ? { ...use, exposedBy } : use, out);
      if (known) modelsOfContainer(c, yaml, file.path, out);
      if (!known) {
        // A generic image (python, ubuntu) that launches a runtime in its command.
        const argv = [...items(get(c, 'command')), ...items(get(c, 'args'))].map((x) => str(x) ?? '');
        const rt = argvFacts(argv).runtime;
        if (rt) {
          out.components.push({
            type: 'runtime',
            name: rt.id,
            provider: rt.id,
            properties: { kind: rt.kind, product: rt.id, exposed: String(exposedBy !== undefined), image: image.slice(0, 200) },
            evidence: { path: file.path, scanner: SCANNER, ...(yaml.lineOf(imageNode) ? { line: yaml.lineOf(imageNode) ?? 0 } : {}) },
          });
        }
      }
    }
  }
  for (const isvc of others) {
    const name = str(path(isvc, 'metadata', 'name')) ?? 'inferenceservice';
    const modelNode = path(isvc, 'spec', 'predictor', 'model', 'storageUri') ?? path(isvc, 'spec', 'predictor', 'model', 'modelFormat', 'name');
    out.components.push({
      type: 'runtime',
      name: 'kserve',
      provider: 'kserve',
      properties: { kind: 'runtime', product: 'kserve', service: name, exposed: 'false', ...(str(modelNode) ? { model: str(modelNode) ?? '' } : {}) },
      evidence: { path: file.path, scanner: SCANNER, snippet: `InferenceService ${name}`, ...(yaml.lineOf(isvc) ? { line: yaml.lineOf(isvc) ?? 0 } : {}) },
    });
  }
  return out;
}

export const kubernetesScanner: FileScanner = {
  name: SCANNER,
  // Any YAML may be a manifest, so only plausible sizes: a 4 MiB+ YAML file is data, and reading it
  // would only produce a "too large" problem line for a file that was never a manifest.
  wants: (p, size) => size <= 4 * 1024 * 1024 && wantsKubernetes(p),
  scan: scanKubernetes,
};
