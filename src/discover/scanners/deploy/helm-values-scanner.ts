/**
 * Helm values files: any `image` block (`repository` + `tag`, optional `registry`) or `image:`
 * string whose repository is an AI runtime or vector store. Exposure comes from the sibling
 * `service.type` (LoadBalancer/NodePort) or `ingress.enabled: true` of the same block.
 */
import type { Node } from 'yaml';
import type { FileInput, FileScanner, Observation } from '../../model.js';
import { collected, observeImage, type Collected } from './_image-observation.js';
import { entries, get, isMap, items, parseYaml, path, str, type YamlFile } from './_yaml.js';

const SCANNER = 'deploy/helm';

/** values.yaml, values-prod.yaml, values.dev.yml … */
export function isHelmValuesPath(p: string): boolean {
  const base = p.slice(p.lastIndexOf('/') + 1).toLowerCase();
  return base.startsWith('values') && (base.endsWith('.yaml') || base.endsWith('.yml'));
}

function imageString(node: Node | undefined): string | undefined {
  const s = str(node);
  if (s !== undefined) return s;
  const repo = str(get(node, 'repository'));
  if (repo === undefined) return undefined;
  const registry = str(get(node, 'registry'));
  const tag = str(get(node, 'tag'));
  return `${registry ? `${registry}/` : ''}${repo}${tag ? `:${tag}` : ''}`;
}

function exposureOf(block: unknown): string | undefined {
  const type = str(path(block, 'service', 'type'));
  if (type === 'LoadBalancer' || type === 'NodePort') return `service.type: ${type}`;
  if (str(path(block, 'ingress', 'enabled')) === 'true') return 'ingress.enabled: true';
  return undefined;
}

function servicePorts(block: unknown): number[] {
  const n = Number.parseInt(str(path(block, 'service', 'port')) ?? '', 10);
  return Number.isFinite(n) ? [n] : [];
}

function walk(node: unknown, yaml: YamlFile, file: FileInput, lower: string, out: Collected, depth: number): void {
  if (depth > 12 || !isMap(node)) return;
  const imageNode = get(node, 'image');
  const image = imageString(imageNode);
  if (image !== undefined) {
    const why = exposureOf(node);
    const line = yaml.lineOf(str(imageNode) !== undefined ? imageNode : (get(imageNode, 'repository') ?? imageNode));
    const use = { image, path: file.path, line, scanner: SCANNER, ports: servicePorts(node), exposed: why !== undefined, fileTextLower: lower };
    observeImage(why ? { ...use, exposedBy: why } : use, out);
  }
  for (const [k, v] of entries(node)) if (k !== 'image') walk(v, yaml, file, lower, out, depth + 1);
  for (const [, v] of entries(node)) for (const it of items(v)) walk(it, yaml, file, lower, out, depth + 1);
}

async function scanValues(file: FileInput): Promise<Observation> {
  const text = await file.text();
  const yaml = parseYaml(text, file.path);
  const out = collected();
  const lower = text.toLowerCase();
  for (const d of yaml.docs) walk(d.contents, yaml, file, lower, out, 0);
  return out;
}

export const helmValuesScanner: FileScanner = {
  name: SCANNER,
  wants: (p) => isHelmValuesPath(p),
  scan: scanValues,
};
