/**
 * RFC 5424 syslog messages (pure) and RFC 6587 octet-counting framing. Structured data
 * `[attest@32473 id="…" seq="…" type="…"]` carries the event id so receivers can dedupe resends
 * (32473 is the documentation enterprise number of RFC 5612; configure your own with `sdId`).
 */
import type { StoredEvent } from '../event.js';
import { formatCef, type CefOptions } from './cef-formatter.js';
import { severityOf } from './ocsf-formatter.js';

export interface SyslogFormatOptions extends CefOptions {
  /** Facility number (default 13, "log audit"). */
  readonly facility?: number;
  readonly hostname?: string;
  readonly appName?: string;
  readonly sdId?: string;
}

/** RFC 5424 header fields: printable US-ASCII without spaces, bounded, `-` when empty. */
export function headerField(value: string | undefined, max: number): string {
  if (!value) return '-';
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 33 && c <= 126) out += ch;
    if (out.length >= max) break;
  }
  return out || '-';
}

/** Escape an SD-PARAM value: `"`, `\` and `]` get a backslash (RFC 5424 §6.3.3). */
export function escapeSdValue(value: string): string {
  let out = '';
  for (const ch of value) out += ch === '"' || ch === '\\' || ch === ']' ? `\\${ch}` : ch;
  return out;
}

/** Syslog severity (0 emergency … 7 debug) from the OCSF severity. */
function syslogSeverity(e: StoredEvent): number {
  return [6, 6, 5, 4, 3, 2][severityOf(e).id] ?? 6;
}

/**
 * One RFC 5424 message whose MSG is the event in CEF.
 *
 * @example
 * formatSyslog(e, { hostname: 'gw-1' }) // '<110>1 2026-01-01T00:00:00.000Z gw-1 attest - tool.call [attest@32473 id="…" seq="7" type="tool.call"] CEF:0|…'
 */
export function formatSyslog(e: StoredEvent, opts: SyslogFormatOptions = {}): string {
  const pri = (opts.facility ?? 13) * 8 + syslogSeverity(e);
  const sd = `[${headerField(opts.sdId ?? 'attest@32473', 32)} id="${escapeSdValue(e.id)}" seq="${e.seq}" type="${escapeSdValue(e.type)}"]`;
  const time = new Date(Date.parse(e.time)).toISOString();
  return `<${pri}>1 ${time} ${headerField(opts.hostname, 255)} ${headerField(opts.appName ?? 'attest', 48)} - ${headerField(e.type, 32)} ${sd} ${formatCef(e, opts)}`;
}

const ENCODER = new TextEncoder();

/** RFC 6587 octet counting: `<byte length> <message>`. */
export function frameOctetCounted(message: string): string {
  return `${ENCODER.encode(message).length} ${message}`;
}
