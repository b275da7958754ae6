/**
 * The real `HostInput` (`attest discover --host`) on Linux: processes from `/proc/<pid>/cmdline`
 * and listening TCP sockets from `/proc/net/tcp` and `/proc/net/tcp6`, attributed to processes
 * through `/proc/<pid>/fd` socket inodes where permissions allow. Elsewhere (or without /proc)
 * it returns empty lists and reports one problem line: through `onProblem` when given, otherwise by
 * rejecting `processes()` once, which the engine turns into a problem line for the host scanner.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { AttestError } from '../../core/errors.js';
import type { HostInput, HostProcess, ListeningPort, Problem } from '../model.js';

export interface HostInputOptions {
  /** Root of the proc file system (tests point this at a fixture tree). Default `/proc`. */
  readonly procRoot?: string;
  /** Defaults to `process.platform`. */
  readonly platform?: string;
  /** Called once when host facts are unavailable (non-Linux, no /proc). */
  readonly onProblem?: (p: Problem) => void;
}

const TCP_LISTEN = '0A';

/** `0100007F:2CAB` → { address: '127.0.0.1', port: 11435 }; IPv6 words are little-endian too. */
export function decodeProcAddress(hex: string): { address: string; port: number } | undefined {
  const [ip = '', portHex = ''] = hex.split(':');
  const port = Number.parseInt(portHex, 16);
  if (!Number.isFinite(port)) return undefined;
  if (ip.length === 8) {
    const b = [6, 4, 2, 0].map((i) => Number.parseInt(ip.slice(i, i + 2), 16));
    return { address: b.join('.'), port };
  }
  if (ip.length === 32) {
    const bytes: number[] = [];
    for (let w = 0; w < 4; w++) for (const i of [6, 4, 2, 0]) bytes.push(Number.parseInt(ip.slice(w * 8 + i, w * 8 + i + 2), 16));
    if (bytes.slice(0, 10).every((x) => x === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return { address: bytes.slice(12).join('.'), port };
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
    const full = groups.join(':');
    return { address: full === '0:0:0:0:0:0:0:0' ? '::' : full === '0:0:0:0:0:0:0:1' ? '::1' : full, port };
  }
  return undefined;
}

/** Listening sockets in one /proc/net/tcp{,6} table: port, address and socket inode. */
export function parseProcNetTcp(text: string): Array<{ address: string; port: number; inode: string }> {
  const out: Array<{ address: string; port: number; inode: string }> = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || f[3] !== TCP_LISTEN) continue;
    const local = decodeProcAddress(f[1] ?? '');
    if (local) out.push({ ...local, inode: f[9] ?? '' });
  }
  return out;
}

function pids(proc: string): number[] {
  try {
    return readdirSync(proc).filter((n) => /^\d{1,10}$/.test(n)).map(Number);
  } catch {
    return [];
  }
}

function readProcesses(proc: string): HostProcess[] {
  const out: HostProcess[] = [];
  for (const pid of pids(proc)) {
    let raw: string;
    try {
      raw = readFileSync(`${proc}/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // exited or not ours to read
    }
    const argv = raw.split('\0').filter((a, i, all) => a !== '' || i < all.length - 1);
    const [command, ...args] = argv;
    if (command) out.push({ pid, command, args });
  }
  return out;
}

/** socket inode → pid, for the processes whose fd tables we may read. */
function socketOwners(proc: string): Map<string, number> {
  const owners = new Map<string, number>();
  for (const pid of pids(proc)) {
    let fds: string[];
    try {
      fds = readdirSync(`${proc}/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`${proc}/${pid}/fd/${fd}`);
        if (target.startsWith('socket:[')) owners.set(target.slice(8, -1), pid);
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return owners;
}

function readPorts(proc: string): ListeningPort[] {
  const sockets = ['tcp', 'tcp6'].flatMap((t) => {
    try {
      return parseProcNetTcp(readFileSync(`${proc}/net/${t}`, 'utf8'));
    } catch {
      return [];
    }
  });
  const owners = sockets.length > 0 ? socketOwners(proc) : new Map<string, number>();
  return sockets.map((s) => {
    const pid = owners.get(s.inode);
    return { port: s.port, address: s.address, ...(pid !== undefined ? { pid } : {}) };
  });
}

/**
 * @example
 * const result = await discoverPaths(['.'], { host: createHostInput({ onProblem: console.error }) });
 */
export function createHostInput(options: HostInputOptions = {}): HostInput {
  const proc = options.procRoot ?? '/proc';
  const platform = options.platform ?? process.platform;
  let available = platform === 'linux';
  if (available) {
    try {
      readFileSync(`${proc}/net/tcp`, 'utf8');
    } catch {
      available = false;
    }
  }
  const problem = `host scan needs Linux /proc (platform ${platform}${platform === 'linux' ? `, ${proc}/net/tcp unreadable` : ''}); no processes or ports inspected`;
  if (!available && options.onProblem) options.onProblem({ path: 'host', message: problem });
  return {
    processes: async () => {
      if (available) return readProcesses(proc);
      // Without an onProblem sink, surface the one problem line through the engine (it reports
      // a failing host scanner on stderr and carries on with an empty host inventory).
      if (!options.onProblem) throw new AttestError('IO', problem, { where: 'host' });
      return [];
    },
    listeningPorts: async () => (available ? readPorts(proc) : []),
  };
}
