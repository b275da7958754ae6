// Minimal HTTP(S) POST for the HTTP exporters: node:http/https so a private CA can be passed,
// bounded response size, timeouts, and network failures mapped to retryable DeliveryErrors.
import { AttestError } from '../../core/errors.js';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { DeliveryError } from './exporter.js';

export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface HttpOptions {
  readonly headers?: Record<string, string>;
  /** PEM CA bundle for a private CA (HTTPS only). */
  readonly ca?: string | undefined;
  readonly timeoutMs?: number;
}

const MAX_RESPONSE = 16 * 1024 * 1024;

/** URL without credentials or query, safe for messages. */
export function safeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** Parse and check an endpoint URL (http or https only). */
export function parseEndpoint(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AttestError('BAD_CONFIG', 'endpoint is not a URL', { where: what });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AttestError('BAD_CONFIG', `endpoint must be http(s), not ${url.protocol}`, { where: what });
  return url;
}

const TLS_TRUST_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * A certificate the client does not trust is a configuration problem (missing `--ca`, wrong
 * host name), not an outage: retrying cannot fix it, so it fails the run at once.
 */
export function isTlsTrustError(err: unknown): boolean {
  return TLS_TRUST_CODES.has(String((err as { code?: unknown }).code));
}

/** POST a body; resolves with any HTTP status, rejects with a retryable DeliveryError on network failure. */
export function post(url: URL, body: string | Buffer, opts: HttpOptions = {}): Promise<HttpResponse> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { 'content-length': Buffer.byteLength(body), ...opts.headers },
        timeout: opts.timeoutMs ?? 30_000,
        ...(opts.ca && url.protocol === 'https:' ? { ca: opts.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_RESPONSE) {
            res.destroy();
            reject(new DeliveryError(`${safeUrl(url)}: response larger than ${MAX_RESPONSE} bytes`, { retryable: true }));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (err) => reject(new DeliveryError(`${safeUrl(url)}: ${err.message}`, { retryable: true, cause: err })));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) => reject(new DeliveryError(`${safeUrl(url)}: ${err.message}`, { retryable: !isTlsTrustError(err), cause: err })));
    req.end(body);
  });
}

/** Parse a JSON response body, or undefined when it is not JSON. */
export function jsonBody(res: HttpResponse): unknown {
  try {
    return JSON.parse(res.body);
  } catch {
    return undefined;
  }
}

/** First 200 characters of a response body for an error message. */
export function snippet(res: HttpResponse): string {
  return res.body.replace(/\s+/g, ' ').slice(0, 200);
}
