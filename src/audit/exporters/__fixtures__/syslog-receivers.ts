// Test-only syslog receivers on 127.0.0.1: TCP and TLS with RFC 6587 octet counting, and UDP;
// each message is parsed as RFC 5424 and its CEF body checked.
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export interface ParsedSyslog {
  readonly pri: number;
  readonly version: string;
  readonly timestamp: string;
  readonly hostname: string;
  readonly appName: string;
  readonly procId: string;
  readonly msgId: string;
  /** SD-ID -> params (unescaped). */
  readonly sd: Record<string, Record<string, string>>;
  readonly msg: string;
}

/** Parse one RFC 5424 message (header, structured data with escapes, MSG). Throws on malformed input. */
export function parseRfc5424(text: string): ParsedSyslog {
  const m = /^<(\d{1,3})>(\d) (\S+) (\S+) (\S+) (\S+) (\S+) /.exec(text);
  if (!m) throw new Error(`not RFC 5424: ${text.slice(0, 80)}`);
  let i = m[0].length;
  const sd: Record<string, Record<string, string>> = {};
  if (text[i] === '-') i += 1;
  else {
    while (text[i] === '[') {
      i += 1;
      let id = '';
      while (i < text.length && text[i] !== ' ' && text[i] !== ']') id += text[i++];
      const params: Record<string, string> = {};
      while (text[i] === ' ') {
        i += 1;
        let name = '';
        while (text[i] !== '=') name += text[i++];
        i += 2; // ="
        let value = '';
        while (text[i] !== '"') {
          if (text[i] === '\\' && ['"', '\\', ']'].includes(text[i + 1] ?? '')) i += 1;
          value += text[i++];
        }
        i += 1;
        params[name] = value;
      }
      if (text[i] !== ']') throw new Error(`bad structured data at ${i}`);
      i += 1;
      sd[id] = params;
    }
  }
  if (text[i] === ' ') i += 1;
  return { pri: Number(m[1]), version: m[2] ?? '', timestamp: m[3] ?? '', hostname: m[4] ?? '', appName: m[5] ?? '', procId: m[6] ?? '', msgId: m[7] ?? '', sd, msg: text.slice(i) };
}

export type SyslogReceiverMode = 'up' | 'reset-after-read';

export class SyslogReceiver {
  readonly messages: ParsedSyslog[] = [];
  readonly received: string[] = [];
  mode: SyslogReceiverMode = 'up';
  modeBudget = Number.POSITIVE_INFINITY;
  port = 0;
  private server: Server | undefined;
  private udp: UdpSocket | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(readonly proto: 'tcp' | 'tls' | 'udp') {}

  get url(): string {
    return `${this.proto}://127.0.0.1:${this.port}`;
  }

  unique(): Set<string> {
    return new Set(this.received);
  }

  private accept(text: string): void {
    const p = parseRfc5424(text);
    if (!p.msg.startsWith('CEF:0|')) throw new Error('MSG is not CEF');
    const id = p.sd['attest@32473']?.id;
    if (!id) throw new Error('no event id in structured data');
    this.messages.push(p);
    this.received.push(id);
  }

  async start(): Promise<void> {
    if (this.proto === 'udp') {
      const sock = createSocket('udp4');
      sock.on('message', (buf) => this.accept(buf.toString('utf8')));
      await new Promise<void>((resolve) => sock.bind(this.port, '127.0.0.1', resolve));
      this.port = sock.address().port;
      this.udp = sock;
      return;
    }
    const onConn = (sock: Socket): void => this.connection(sock);
    const server =
      this.proto === 'tls'
        ? createTlsServer({ allowHalfOpen: true, key: readFileSync(new URL('../../../../test/fixtures/siem-tls/server.key', import.meta.url)), cert: readFileSync(new URL('../../../../test/fixtures/siem-tls/server.crt', import.meta.url)) }, onConn)
        : createNetServer({ allowHalfOpen: true }, onConn);
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    if (this.udp) {
      const u = this.udp;
      this.udp = undefined;
      await new Promise<void>((resolve) => u.close(() => resolve()));
      return;
    }
    const s = this.server;
    this.server = undefined;
    for (const sock of this.sockets) sock.destroy();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** RFC 6587 octet counting: "<len> <msg>" repeated; a partial frame waits for more bytes. */
  private connection(sock: Socket): void {
    this.sockets.add(sock);
    sock.on('close', () => this.sockets.delete(sock));
    sock.on('error', () => {});
    let buf = Buffer.alloc(0);
    sock.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const sp = buf.indexOf(0x20);
        if (sp < 0) break;
        const len = Number(buf.subarray(0, sp).toString('ascii'));
        if (!Number.isSafeInteger(len) || len <= 0) throw new Error('bad octet count');
        if (buf.length < sp + 1 + len) break;
        this.accept(buf.subarray(sp + 1, sp + 1 + len).toString('utf8'));
        buf = buf.subarray(sp + 1 + len);
      }
    });
    // allowHalfOpen: we close our side ourselves, after reading everything (the sender's confirmation).
    sock.on('end', () => {
      if (this.mode === 'reset-after-read') {
        this.modeBudget -= 1;
        if (this.modeBudget <= 0) {
          this.mode = 'up';
          this.modeBudget = Number.POSITIVE_INFINITY;
        }
        // TCP: reset instead of closing. TLS sockets cannot be reset from Node, so they never
        // answer and the sender's confirmation timeout fires. Either way the batch was read.
        if (this.proto === 'tcp') sock.resetAndDestroy();
        return;
      }
      sock.end();
    });
  }
}
