/**
 * CEF over RFC 5424 syslog: UDP (one datagram per event, best-effort), TCP or TLS (RFC 6587
 * octet counting). TCP/TLS open one connection per batch and confirm it with a half-close: after
 * writing the batch we send FIN (TLS: close_notify) and wait for the receiver to close its side,
 * which a syslog server does only after it has read everything up to our FIN. A reset or timeout
 * before that is a failed batch and is resent (so the receiver may see an event twice: dedupe on
 * the `id` in the `attest@…` structured data). Plain syslog has no application-level ack, so a
 * receiver that reads a batch and then crashes before storing it loses it.
 */
import { AttestError } from '../../core/errors.js';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { StoredEvent } from '../event.js';
import { isTlsTrustError } from './_http-client.js';
import { DeliveryError, type Exporter } from './exporter.js';
import { formatSyslog, frameOctetCounted, type SyslogFormatOptions } from './syslog-formatter.js';

export interface SyslogExporterOptions extends SyslogFormatOptions {
  /** `udp://host:port`, `tcp://host:port` or `tls://host:port` (default port 514, TLS 6514). */
  readonly url: string;
  /** PEM CA for TLS (a private CA or a self-signed receiver). */
  readonly ca?: string | undefined;
  /** TLS server name to verify (default: the URL host). */
  readonly servername?: string;
  readonly timeoutMs?: number;
}

interface Endpoint {
  readonly proto: 'udp' | 'tcp' | 'tls';
  readonly host: string;
  readonly port: number;
}

export function parseSyslogUrl(raw: string): Endpoint {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AttestError('BAD_CONFIG', `"${raw.slice(0, 100)}" is not a URL (udp://, tcp:// or tls://host:port)`, { where: 'syslog' });
  }
  const proto = url.protocol.slice(0, -1);
  if (proto !== 'udp' && proto !== 'tcp' && proto !== 'tls') throw new AttestError('BAD_CONFIG', `scheme must be udp, tcp or tls, not ${proto}`, { where: 'syslog' });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new AttestError('BAD_CONFIG', 'URL has no host', { where: 'syslog' });
  return { proto, host, port: url.port ? Number(url.port) : proto === 'tls' ? 6514 : 514 };
}

export function createSyslogExporter(opts: SyslogExporterOptions): Exporter {
  const ep = parseSyslogUrl(opts.url);
  const target = `${ep.proto}://${ep.host}:${ep.port}`;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  if (ep.proto === 'udp') return udpExporter(ep, target, opts);
  return {
    kind: 'syslog',
    semantics: 'at-least-once',
    target,
    send: (batch) => sendStream(ep, opts, batch.map((e) => frameOctetCounted(formatSyslog(e, opts))).join(''), timeoutMs, target),
    close: async () => {},
  };
}

function sendStream(ep: Endpoint, opts: SyslogExporterOptions, payload: string, timeoutMs: number, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let flushed = false;
    let confirmed = false;
    let failed: Error | undefined;
    const sock: Socket =
      ep.proto === 'tls'
        ? tlsConnect({ host: ep.host, port: ep.port, servername: opts.servername ?? ep.host, ...(opts.ca ? { ca: opts.ca } : {}) })
        : netConnect({ host: ep.host, port: ep.port });
    sock.setTimeout(timeoutMs, () => sock.destroy(new Error(`no confirmation within ${timeoutMs} ms`)));
    sock.once(ep.proto === 'tls' ? 'secureConnect' : 'connect', () => {
      sock.write(payload);
      sock.end();
    });
    sock.on('data', () => {});
    // Our FIN is out once 'finish' fires; a receiver close after that is the confirmation. A close
    // before it (the receiver went away mid-batch) confirms nothing.
    sock.on('finish', () => {
      flushed = true;
    });
    sock.on('end', () => {
      confirmed = flushed;
    });
    sock.on('error', (err) => {
      failed = err;
    });
    sock.on('close', () => {
      if (!failed && confirmed) return resolve();
      const why = failed?.message ?? 'connection closed before the receiver confirmed the batch';
      reject(new DeliveryError(`${target}: ${why}`, { retryable: !isTlsTrustError(failed), cause: failed }));
    });
  });
}

function udpExporter(ep: Endpoint, target: string, opts: SyslogExporterOptions): Exporter {
  let sock: UdpSocket | undefined;
  const socket = (): UdpSocket => {
    if (!sock) {
      sock = createSocket(ep.host.includes(':') ? 'udp6' : 'udp4');
      sock.on('error', () => {});
    }
    return sock;
  };
  return {
    kind: 'syslog',
    semantics: 'best-effort',
    target,
    async send(batch: readonly StoredEvent[]) {
      const s = socket();
      for (const e of batch) {
        const msg = Buffer.from(formatSyslog(e, opts));
        await new Promise<void>((resolve, reject) =>
          s.send(msg, ep.port, ep.host, (err) => (err ? reject(new DeliveryError(`${target}: ${err.message}`, { retryable: true, cause: err })) : resolve())),
        );
      }
    },
    async close() {
      const s = sock;
      sock = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}
