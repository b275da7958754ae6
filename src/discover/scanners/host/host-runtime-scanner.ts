/**
 * The local host (`--host`, opt-in): running processes of known model runtimes and listening
 * ports that identify a runtime or vector store. A runtime listening on a wildcard or public
 * address is `runtime-exposed` (AI-RUN-01); a vector store likewise `vectorstore-exposed`.
 * Command lines are never copied (they can carry `--api-key …`): evidence shows the program and
 * its subcommand only.
 */
import { matchRuntimeProcess, RUNTIME_SIGNATURES, type RuntimeSignature } from '../../../signatures/runtimes.js';
import { VECTORSTORE_SIGNATURES, type VectorStoreSignature } from '../../../signatures/vectorstores.js';
import type { ComponentDraft, FindingDraft, HostInput, HostProcess, HostScanner, ListeningPort, Observation } from '../../model.js';

const SCANNER = 'host';

/** Reachable from other machines: wildcard or any non-loopback address. */
export function isExposedAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^\[|\]$/g, '');
  return !(a === '::1' || a.startsWith('127.') || a === 'localhost' || a.startsWith('::ffff:127.'));
}

function programLabel(p: HostProcess, rt: RuntimeSignature): string {
  const exe = p.command.slice(p.command.lastIndexOf('/') + 1);
  const sub = p.args.find((a) => rt.subcommands?.includes(a) || rt.pythonModules?.includes(a));
  return sub ? `${exe} ${sub.startsWith('-') ? '' : sub}`.trim() : exe;
}

interface Seen {
  readonly type: 'runtime' | 'vectorstore';
  readonly sig: RuntimeSignature | VectorStoreSignature;
  readonly pid?: number;
  readonly label: string;
  readonly ports: ListeningPort[];
}

function observe(s: Seen, out: { components: ComponentDraft[]; findings: FindingDraft[] }): void {
  const exposedPort = s.ports.find((p) => isExposedAddress(p.address));
  const where = s.pid !== undefined ? `host:process/${s.pid}` : `host:port/${s.ports[0]?.port ?? 0}`;
  const evidence = { path: where, scanner: SCANNER, snippet: s.label };
  const properties: Record<string, string> = { source: 'host', product: s.sig.id, exposed: String(exposedPort !== undefined) };
  if (s.pid !== undefined) properties['pid'] = String(s.pid);
  if (s.ports.length > 0) {
    properties['port'] = [...new Set(s.ports.map((p) => p.port))].join(',');
    properties['address'] = [...new Set(s.ports.map((p) => p.address))].join(',');
  }
  if (s.type === 'runtime') properties['kind'] = (s.sig as RuntimeSignature).kind;
  out.components.push({ type: s.type, name: s.sig.id, provider: s.sig.id, properties, evidence });
  const isRuntime = s.type === 'runtime' && (s.sig as RuntimeSignature).kind === 'runtime';
  if (exposedPort && (isRuntime || s.type === 'vectorstore')) {
    const auth = s.type === 'runtime' && (s.sig as RuntimeSignature).noAuthByDefault ? ' (no authentication built in)' : '';
    out.findings.push({
      rule: s.type === 'runtime' ? 'runtime-exposed' : 'vectorstore-exposed',
      controlId: 'AI-RUN-01',
      severity: 'high',
      message: `${s.sig.name}${auth} on this host listens on ${exposedPort.address}:${exposedPort.port}, reachable from other machines; bind it to 127.0.0.1 or put authentication in front.`,
      evidence,
      componentRef: `${s.type}::${s.sig.id}`,
    });
  }
}

async function scanHost(host: HostInput): Promise<Observation> {
  const [processes, ports] = await Promise.all([host.processes(), host.listeningPorts()]);
  const seen: Seen[] = [];
  const claimed = new Set<ListeningPort>();
  const runtimePids = new Map<number, Seen>();
  for (const p of processes) {
    const rt = matchRuntimeProcess(p.command, p.args);
    if (!rt) continue;
    const s: Seen = { type: 'runtime', sig: rt, pid: p.pid, label: programLabel(p, rt), ports: [] };
    seen.push(s);
    runtimePids.set(p.pid, s);
  }
  // Ports owned by a runtime process (pid known), or a runtime's default port when pids are unknown.
  for (const port of ports) {
    const owner = port.pid !== undefined ? runtimePids.get(port.pid) : seen.find((s) => (s.sig as RuntimeSignature).ports.includes(port.port));
    if (owner) {
      owner.ports.push(port);
      claimed.add(port);
    }
  }
  // Ports that identify a runtime or store on their own (11434 Ollama, 6333 Qdrant, 19530 Milvus).
  const byPort = new Map<string, Seen>();
  for (const port of ports) {
    if (claimed.has(port)) continue;
    const rt = RUNTIME_SIGNATURES.find((r) => r.uniquePorts?.includes(port.port));
    const vs = rt ? undefined : VECTORSTORE_SIGNATURES.find((v) => v.uniquePorts?.includes(port.port));
    const sig = rt ?? vs;
    if (!sig) continue;
    const key = `${sig.id}:${port.pid ?? ''}`;
    const s = byPort.get(key) ?? { type: rt ? ('runtime' as const) : ('vectorstore' as const), sig, ...(port.pid !== undefined ? { pid: port.pid } : {}), label: `listening on port ${port.port}`, ports: [] };
    s.ports.push(port);
    byPort.set(key, s);
  }
  const out = { components: [] as ComponentDraft[], findings: [] as FindingDraft[] };
  for (const s of [...seen, ...byPort.values()]) observe(s, out);
  return out;
}

export const hostRuntimeScanner: HostScanner = { name: SCANNER, scanHost };
