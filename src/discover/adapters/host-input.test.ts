import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../model.js';
import { hostRuntimeScanner } from '../scanners/host/host-runtime-scanner.js';
import { createHostInput, decodeProcAddress, parseProcNetTcp } from './host-input.js';

const HAS_PROC = process.platform === 'linux' && existsSync('/proc/net/tcp');

describe('decodeProcAddress / parseProcNetTcp', () => {
  it.each([
    ['0100007F:2CAA', '127.0.0.1', 11434],
    ['00000000:1F90', '0.0.0.0', 8080],
    ['00000000000000000000000000000000:18BD', '::', 6333],
    ['00000000000000000000000001000000:1F40', '::1', 8000],
    ['0000000000000000FFFF00000100007F:04D2', '127.0.0.1', 1234],
  ])('%s → %s:%d', (hex, address, port) => {
    expect(decodeProcAddress(hex)).toEqual({ address, port });
  });

  it('keeps only LISTEN sockets with their inode', () => {
    const table = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 00000000:2CAA 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 424242 1 0000000000000000 100 0 0 10 0',
      '   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 424243 1 0000000000000000 20 4 30 10 -1',
    ].join('\n');
    expect(parseProcNetTcp(table)).toEqual([{ address: '0.0.0.0', port: 11434, inode: '424242' }]);
  });
});

describe('createHostInput', () => {
  it('degrades to empty lists with one problem line off Linux', async () => {
    const problems: Problem[] = [];
    const host = createHostInput({ platform: 'darwin', onProblem: (p) => problems.push(p) });
    expect(await host.processes()).toEqual([]);
    expect(await host.listeningPorts()).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('darwin');
  });

  it('without onProblem, the engine reports the one problem line and the host inventory is empty', async () => {
    const { discover } = await import('../engine.js');
    const { createNodeFs } = await import('./node-fs.js');
    const { hostScanners } = await import('../scanners/host/index.js');
    const problems: Problem[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'attest-host-'));
    const r = await discover({ roots: [dir], scanners: [], fs: createNodeFs(), host: createHostInput({ platform: 'win32' }), hostScanners, onProblem: (p) => problems.push(p) });
    expect(r.components).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('win32');
  });

  it('reads a proc tree: cmdline with NUL separators, tcp tables, socket owners', async () => {
    const root = mkdtempSync(join(tmpdir(), 'attest-proc-'));
    mkdirSync(join(root, 'net'));
    mkdirSync(join(root, '4242/fd'), { recursive: true });
    writeFileSync(join(root, '4242/cmdline'), '/usr/bin/ollama\0serve\0');
    writeFileSync(join(root, 'net/tcp'), 'header\n   0: 00000000:2CAA 00000000:0000 0A 0 0 0 0 0 0 0 1 0 0\n');
    writeFileSync(join(root, 'net/tcp6'), 'header\n');
    const host = createHostInput({ procRoot: root, platform: 'linux' });
    expect(await host.processes()).toEqual([{ pid: 4242, command: '/usr/bin/ollama', args: ['serve'] }]);
    expect(await host.listeningPorts()).toEqual([{ port: 11434, address: '0.0.0.0' }]);
  });

  it.skipIf(!HAS_PROC)('sees a real runtime-named process and its loopback port on this Linux host', async () => {
    const script = "require('net').createServer().listen(0,'127.0.0.1',function(){process.stdout.write(String(this.address().port)+'\\n')});setTimeout(()=>process.exit(0),20000)";
    const child = spawn(process.execPath, ['-e', script, 'serve'], { argv0: 'ollama', stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
        child.once('error', reject);
      });
      const host = createHostInput();
      const procs = await host.processes();
      expect(procs.find((p) => p.pid === child.pid)).toMatchObject({ command: 'ollama', args: ['-e', script, 'serve'] });
      const ports = await host.listeningPorts();
      expect(ports).toContainEqual({ port, address: '127.0.0.1', pid: child.pid });
      const o = await hostRuntimeScanner.scanHost(host);
      const mine = o.components?.find((c) => c.properties?.['pid'] === String(child.pid));
      expect(mine).toMatchObject({ type: 'runtime', name: 'ollama', properties: { port: String(port), exposed: 'false' } });
    } finally {
      child.kill();
    }
  });
});
if (!HAS_PROC) console.log('host-input: real /proc test skipped (not Linux or /proc/net/tcp missing)');
