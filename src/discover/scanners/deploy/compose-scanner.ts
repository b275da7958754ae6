/**
 * docker-compose / compose files: services whose image is an AI runtime or vector store, their
 * ports, and whether a port is published on all interfaces (`"11434:11434"`, `0.0.0.0:…`) or the
 * service uses the host network.
 */
import type { FileInput, FileScanner, Observation } from '../../model.js';
import { redactSnippet } from '../keys/redact-snippet.js';
import { MODEL_ENV, modelsFromArgs } from './_commands.js';
import { collected, endpointFromEnv, isLoopback, modelComponent, observeImage, type Collected } from './_image-observation.js';
import { entries, get, items, parseYaml, str, type YamlFile } from './_yaml.js';

const SCANNER = 'deploy/compose';

/** compose.yaml, compose.prod.yml, docker-compose.yml, docker-compose.override.yaml … */
export function isComposePath(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return (base.startsWith('docker-compose') || base.startsWith('compose.') || base.startsWith('compose-')) && (base.endsWith('.yml') || base.endsWith('.yaml'));
}

export interface PortBinding {
  readonly container?: number;
  /** Reachable from other machines (host side bound to a non-loopback address). */
  readonly public: boolean;
  readonly text: string;
}

function firstNumber(s: string): number | undefined {
  const n = Number.parseInt(s.split('-')[0] ?? '', 10);
  return Number.isFinite(n) ? n : undefined;
}

/** Parse compose short port syntax: `[[IP:]HOST:]CONTAINER[/proto]`, IPv6 in brackets. */
export function parseShortPort(raw: string): PortBinding {
  const text = raw.trim();
  let rest = text.split('/')[0] ?? text;
  let ip: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    ip = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  if (ip === undefined && parts.length >= 3) ip = parts.slice(0, parts.length - 2).join(':');
  const container = firstNumber(parts[parts.length - 1] ?? '');
  // One part: the container port is published on a random host port on every interface.
  const isPublic = ip === undefined || ip === '' || !isLoopback(ip);
  return { ...(container !== undefined ? { container } : {}), public: isPublic, text };
}

function portBindings(service: unknown): PortBinding[] {
  return items(get(service, 'ports')).map((p) => {
    const s = str(p);
    if (s !== undefined) return parseShortPort(s);
    const target = firstNumber(str(get(p, 'target')) ?? '');
    const published = str(get(p, 'published'));
    const hostIp = str(get(p, 'host_ip')) ?? '';
    const isPublic = published !== undefined && (hostIp === '' || !isLoopback(hostIp));
    return { ...(target !== undefined ? { container: target } : {}), public: isPublic, text: `${hostIp ? `${hostIp}:` : ''}${published ?? ''}:${target ?? ''}` };
  });
}

/** Models a runtime service names in its `command` (`--model x`) or `environment` (`MODEL_ID`). */
/** `environment:` as [name, value, node], from either the map or the `NAME=value` list form. */
function envPairs(service: unknown): Array<[string, string, unknown]> {
  const env = get(service, 'environment');
  const pairs: Array<[string, string, unknown]> = entries(env).map(([k, v]) => [k, str(v) ?? '', v]);
  for (const it of items(env)) {
    const kv = str(it) ?? '';
    const eq = kv.indexOf('=');
    if (eq > 0) pairs.push([kv.slice(0, eq), kv.slice(eq + 1), it]);
  }
  return pairs;
}

/** Models a runtime service names in its `command` (`--model x`) or `environment` (`MODEL_ID`). */
function modelsOfService(service: unknown, yaml: YamlFile, path: string, out: Collected): void {
  const cmdNode = get(service, 'command');
  const cmd = str(cmdNode);
  const args = cmd !== undefined ? cmd.split(/\s+/) : items(cmdNode).map((x) => str(x) ?? '');
  for (const m of modelsFromArgs(args)) out.components.push(modelComponent(m, { path, scanner: SCANNER, snippet: redactSnippet(`command: ${args.join(' ')}`), ...lineProp(yaml.lineOf(cmdNode)) }));
  for (const [k, v, node] of envPairs(service)) {
    if (MODEL_ENV.has(k) && v !== '' && !v.startsWith('$')) out.components.push(modelComponent(v, { path, scanner: SCANNER, snippet: `${k}=${v}`.slice(0, 200), ...lineProp(yaml.lineOf(node)) }));
  }
}

function lineProp(line: number | undefined): { line?: number } {
  return line !== undefined ? { line } : {};
}

async function scanCompose(file: FileInput): Promise<Observation> {
  const text = await file.text();
  const yaml = parseYaml(text, file.path);
  const out = collected();
  const lower = text.toLowerCase();
  for (const doc of yaml.docs) {
    for (const [name, service] of entries(get(doc.contents, 'services'))) {
      for (const [k, v, node] of envPairs(service)) {
        const ep = endpointFromEnv(k, v, { path: file.path, scanner: SCANNER, ...lineProp(yaml.lineOf(node)) });
        if (ep) out.components.push(ep);
      }
      const imageNode = get(service, 'image');
      const image = str(imageNode);
      if (image === undefined) continue;
      const bindings = portBindings(service);
      const hostNet = str(get(service, 'network_mode')) === 'host';
      const open = bindings.find((b) => b.public);
      const exposedBy = hostNet ? 'network_mode: host' : open ? `port "${open.text}" published on all interfaces` : undefined;
      const isAi = observeImage(
        {
          image,
          path: file.path,
          line: yaml.lineOf(imageNode),
          scanner: SCANNER,
          ports: bindings.flatMap((b) => (b.container !== undefined ? [b.container] : [])),
          exposed: exposedBy !== undefined,
          ...(exposedBy ? { exposedBy } : {}),
          fileTextLower: lower,
          owner: `service "${name}"`,
        },
        out,
      );
      if (isAi) modelsOfService(service, yaml, file.path, out);
    }
  }
  return out;
}

export const composeScanner: FileScanner = {
  name: SCANNER,
  wants: (path) => isComposePath(path),
  scan: scanCompose,
};
