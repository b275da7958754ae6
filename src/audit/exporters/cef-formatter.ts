/**
 * ArcSight CEF (Common Event Format) for audit events (pure).
 * Header fields escape `\` and `|`; extension values escape `\`, `=` and line breaks;
 * extension keys are fixed ASCII names. All escaping is a single character scan (linear time).
 */
import type { StoredEvent } from '../event.js';
import { VERSION } from '../../version.js';
import { severityOf } from './ocsf-formatter.js';

/** Escape a CEF header field: backslash and pipe; line breaks become spaces (headers are one line). */
export function escapeCefHeader(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === '\\' || ch === '|') out += `\\${ch}`;
    else if (ch === '\r' || ch === '\n') out += ' ';
    else out += ch;
  }
  return out;
}

/** Escape a CEF extension value: backslash, equals, and CR/LF as `\r` / `\n`. */
export function escapeCefValue(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === '\\' || ch === '=') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else out += ch;
  }
  return out;
}

/** Keep `msg` well under a UDP datagram: a retrieval of thousands of documents lists the first ones. */
function clip(text: string | undefined, max = 1024): string | undefined {
  return text === undefined || text.length <= max ? text : `${text.slice(0, max)}…`;
}

export interface CefOptions {
  readonly vendor?: string;
  readonly product?: string;
  readonly version?: string;
}

/** CEF severity 0-10 from the OCSF severity 1-5. */
function cefSeverity(e: StoredEvent): number {
  return [0, 1, 3, 5, 8, 10][severityOf(e).id] ?? 1;
}

function outcome(e: StoredEvent): string | undefined {
  switch (e.type) {
    case 'tool.call':
      return e.data.outcome;
    case 'key.use':
      return e.data.outcome;
    case 'identity.auth':
      return e.data.outcome;
    case 'approval.decision':
      return e.data.decision;
    case 'guard.verdict':
      return e.data.action;
    case 'model.request':
    case 'model.response':
    case 'retrieval':
    case 'config.change':
    case 'incident.opened':
    case 'incident.updated':
      return undefined;
  }
}

function detail(e: StoredEvent): string | undefined {
  switch (e.type) {
    case 'model.request':
    case 'model.response':
      return `${e.data.provider}/${e.data.model}`;
    case 'tool.call':
      return e.data.tool;
    case 'retrieval':
      return `${e.data.index} docs=${e.data.documents.map((d) => d.id).join(',')}`;
    case 'guard.verdict':
      return `${e.data.detector} ${e.data.stage} ${(e.data.categories ?? []).join(',')}`;
    case 'key.use':
      return e.data.keyId;
    case 'identity.auth':
      return e.data.subject;
    case 'config.change':
      return `${e.data.component}.${e.data.key} reviewed=${String(e.data.reviewed ?? false)}`;
    case 'approval.decision':
      return e.data.tool;
    case 'incident.opened':
    case 'incident.updated':
      return `${e.data.incidentId} ${e.data.category} ${e.data.status ?? 'open'}`;
  }
}

/**
 * One CEF line. `externalId` carries the event id (dedupe key); `cn1` the store seq.
 *
 * @example
 * formatCef(e) // 'CEF:0|Attest|Attest|0.1.0|tool.call|tool.call|1|rt=… externalId=…'
 */
export function formatCef(e: StoredEvent, opts: CefOptions = {}): string {
  const header = ['CEF:0', opts.vendor ?? 'Attest', opts.product ?? 'Attest', opts.version ?? VERSION, e.type, e.type, String(cefSeverity(e))];
  const ext: [string, string | number | undefined][] = [
    ['rt', Date.parse(e.time)],
    ['externalId', e.id],
    ['cn1', e.seq],
    ['cn1Label', 'seq'],
    ['suser', e.actor?.id],
    ['cs1', e.session],
    ['cs1Label', e.session === undefined ? undefined : 'session'],
    ['cs2', e.requestId],
    ['cs2Label', e.requestId === undefined ? undefined : 'requestId'],
    ['cs3', e.actor?.tenant],
    ['cs3Label', e.actor?.tenant === undefined ? undefined : 'tenant'],
    ['outcome', outcome(e)],
    ['msg', clip(detail(e))],
    ['src', e.type === 'key.use' ? e.data.sourceIp : undefined],
    ['deviceProcessName', e.source],
  ];
  const head = header.map((h, i) => (i === 0 ? h : escapeCefHeader(h))).join('|');
  const tail = ext
    .filter((kv): kv is [string, string | number] => kv[1] !== undefined && kv[1] !== '')
    .map(([k, v]) => `${k}=${escapeCefValue(String(v))}`)
    .join(' ');
  return `${head}|${tail}`;
}
