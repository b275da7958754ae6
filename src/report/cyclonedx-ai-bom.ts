import { Enums, Models, Serialize, Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { PackageURL } from 'packageurl-js';
import { AttestError } from '../core/errors.js';
import type { Component, ComponentType, DiscoverResult, Ecosystem } from '../discover/model.js';

/** Attest types that become CycloneDX `services[]` (hosted APIs and MCP servers) rather than components. */
const SERVICE_TYPES: ReadonlySet<ComponentType> = new Set(['provider-endpoint', 'mcp-server']);

const PURL_TYPE: Readonly<Record<Ecosystem, string>> = {
  npm: 'npm',
  pypi: 'pypi',
  go: 'golang',
  maven: 'maven',
  cargo: 'cargo',
  nuget: 'nuget',
  docker: 'docker',
  huggingface: 'huggingface',
};

function cdxType(c: Component): Enums.ComponentType {
  switch (c.type) {
    case 'sdk':
      return Enums.ComponentType.Library;
    case 'framework':
      return Enums.ComponentType.Framework;
    case 'model':
    case 'model-file':
      return Enums.ComponentType.MachineLearningModel;
    case 'vectorstore':
    case 'runtime':
      if (c.ecosystem === 'docker') return Enums.ComponentType.Container;
      return c.ecosystem ? Enums.ComponentType.Library : Enums.ComponentType.Application;
    case 'key':
      return Enums.ComponentType.Data;
    case 'agent':
    case 'tool':
    case 'mcp-server':
    case 'provider-endpoint':
      return Enums.ComponentType.Application;
  }
}

/** Package URL for a package-like component, or undefined when the name does not make one. */
export function purlOf(c: Pick<Component, 'ecosystem' | 'name' | 'version'>): PackageURL | undefined {
  if (!c.ecosystem) return undefined;
  const type = PURL_TYPE[c.ecosystem];
  let namespace: string | undefined;
  let name = c.name;
  let version = c.version;
  if (c.ecosystem === 'npm' && name.startsWith('@') && name.includes('/')) {
    [namespace, name] = [name.slice(0, name.indexOf('/')), name.slice(name.indexOf('/') + 1)];
  } else if (c.ecosystem === 'maven' && name.includes(':')) {
    [namespace, name] = [name.slice(0, name.indexOf(':')), name.slice(name.indexOf(':') + 1)];
  } else if ((c.ecosystem === 'go' || c.ecosystem === 'huggingface' || c.ecosystem === 'docker') && name.includes('/')) {
    if (c.ecosystem === 'docker' && version === undefined) {
      const colon = name.lastIndexOf(':');
      if (colon > name.lastIndexOf('/')) [name, version] = [name.slice(0, colon), name.slice(colon + 1)];
    }
    [namespace, name] = [name.slice(0, name.lastIndexOf('/')), name.slice(name.lastIndexOf('/') + 1)];
  } else if (c.ecosystem === 'pypi') {
    name = name.toLowerCase().replace(/[._]+/g, '-');
  }
  if (!name) return undefined;
  try {
    return new PackageURL(type, namespace ?? null, name, version ?? null, null, null);
  } catch {
    return undefined;
  }
}

function properties(c: Component): Models.Property[] {
  const props = [new Models.Property('attest:type', c.type)];
  if (c.provider) props.push(new Models.Property('attest:provider', c.provider));
  if (c.ecosystem) props.push(new Models.Property('attest:ecosystem', c.ecosystem));
  for (const [k, v] of Object.entries(c.properties ?? {})) props.push(new Models.Property(`attest:${k}`, v));
  return props;
}

function toComponent(c: Component): Models.Component {
  const purl = purlOf(c);
  const comp = new Models.Component(cdxType(c), c.name, {
    bomRef: c.ref,
    ...(c.version !== undefined ? { version: c.version } : {}),
    ...(purl ? { purl: purl.toString() } : {}),
    ...(c.provider && (c.type === 'model' || c.type === 'model-file') ? { publisher: c.provider } : {}),
  });
  for (const p of properties(c)) comp.properties.add(p);
  return comp;
}

function toService(c: Component): Models.Service {
  const svc = new Models.Service(c.name, {
    bomRef: c.ref,
    ...(c.version !== undefined ? { version: c.version } : {}),
    ...(c.provider ? { provider: new Models.OrganizationalEntity({ name: c.provider }) } : {}),
  });
  for (const p of properties(c)) svc.properties.add(p);
  return svc;
}

/** Endpoints of a service component: the host of a provider endpoint, the URL of a remote MCP server. */
export function serviceEndpoints(c: Component): string[] {
  const props = c.properties ?? {};
  const url = props.url ?? props.endpoint;
  if (url && /^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return [url];
  if (c.type === 'provider-endpoint') return [/^[a-z][a-z0-9+.-]*:\/\//i.test(c.name) ? c.name : `https://${c.name}`];
  return [];
}

/** `authenticated` of a service, when the scanner said: `authenticated`/`auth` = true|false. */
export function serviceAuthenticated(c: Component): boolean | undefined {
  const v = c.properties?.authenticated ?? c.properties?.auth;
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no' || v === 'none') return false;
  return undefined;
}

interface JsonEntry {
  'bom-ref'?: string;
  [key: string]: unknown;
}

/**
 * Build the CycloneDX 1.6 AI-BOM for a discover result: components and services made with
 * `@cyclonedx/cyclonedx-library`, then the fields the library cannot model (evidence occurrences,
 * model cards, service endpoints and `authenticated`) added to its JSON. Not validated: see `renderAiBom`.
 */
export function buildAiBom(result: DiscoverResult): Record<string, unknown> {
  const bom = new Models.Bom();
  bom.metadata.timestamp = new Date(result.finishedAt);
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, result.tool.name, { version: result.tool.version }));
  const byRef = new Map(result.components.map((c) => [c.ref, c]));
  for (const c of result.components) {
    if (SERVICE_TYPES.has(c.type)) bom.services.add(toService(c));
    else bom.components.add(toComponent(c));
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  const json = JSON.parse(serializer.serialize(bom, { sortLists: true })) as Record<string, unknown>;
  delete json.dependencies; // the library lists every ref with no edges; Attest has no dependency graph to state
  for (const entry of (json.components ?? []) as JsonEntry[]) {
    const c = byRef.get(entry['bom-ref'] ?? '');
    if (!c) continue;
    entry.evidence = {
      occurrences: c.evidence.map((e) => ({
        location: e.path,
        ...(e.line !== undefined ? { line: e.line } : {}),
        additionalContext: `found by attest scanner ${e.scanner}`,
      })),
    };
    if (c.type === 'model' || c.type === 'model-file') {
      entry.modelCard = {
        properties: Object.entries({ ...(c.provider ? { provider: c.provider } : {}), ...(c.properties ?? {}) }).map(([name, value]) => ({ name: `attest:${name}`, value })),
      };
    }
  }
  for (const entry of (json.services ?? []) as JsonEntry[]) {
    const c = byRef.get(entry['bom-ref'] ?? '');
    if (!c) continue;
    const endpoints = serviceEndpoints(c);
    if (endpoints.length > 0) entry.endpoints = endpoints;
    const auth = serviceAuthenticated(c);
    if (auth !== undefined) entry.authenticated = auth;
    entry['x-trust-boundary'] = c.type === 'provider-endpoint' || endpoints.length > 0;
    const props = (entry.properties ?? []) as { name: string; value: string }[];
    for (const e of c.evidence) props.push({ name: 'attest:evidence', value: e.line !== undefined ? `${e.path}:${e.line}` : e.path });
    entry.properties = props;
  }
  return json;
}

let validator: Validation.JsonStrictValidator | undefined;

/** Validate a CycloneDX 1.6 JSON document with the library's strict validator; the first errors, or null. */
export async function validateAiBom(json: string): Promise<unknown> {
  validator ??= new Validation.JsonStrictValidator(Spec.Version.v1dot6);
  return validator.validate(json);
}

/**
 * The AI-BOM as a JSON string, validated against the CycloneDX 1.6 strict schema.
 * @throws AttestError INTERNAL if the document does not validate (a bug in this renderer).
 * @example
 * await writeFile('ai-bom.cdx.json', await renderAiBom(result));
 */
export async function renderAiBom(result: DiscoverResult): Promise<string> {
  const text = `${JSON.stringify(buildAiBom(result), null, 2)}\n`;
  const errors = await validateAiBom(text);
  if (errors) throw new AttestError('INTERNAL', `generated AI-BOM does not validate against CycloneDX 1.6: ${JSON.stringify(errors).slice(0, 300)}`);
  return text;
}
