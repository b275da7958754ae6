import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEventInput, StoredEvent } from '../event.js';
import { escapeCefHeader, escapeCefValue, formatCef } from './cef-formatter.js';
import { formatBulk } from './elastic-bulk-exporter.js';
import { formatOcsf } from './ocsf-formatter.js';
import { formatOtlpLogs } from './otlp-logs-exporter.js';
import { formatHecBatch } from './splunk-hec-exporter.js';
import { formatSyslog, frameOctetCounted } from './syslog-formatter.js';
import { parseRfc5424 } from './__fixtures__/syslog-receivers.js';
import { sampleEvents } from './__fixtures__/sample-events.js';

function stored(input: AuditEventInput, seq: number, id = `0190-${seq}`): StoredEvent {
  return { ...input, v: 1, id, seq, time: input.time ?? '2026-11-22T01:02:03.456Z', writer: 'w', index: seq - 1, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) } as StoredEvent;
}
const EVENTS = sampleEvents(12).map((e, i) => stored(e, i + 1));

/** Undo CEF extension escaping (the receiver side). */
function unescapeCefValue(v: string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = v[++i];
    out += n === 'n' ? '\n' : n === 'r' ? '\r' : (n ?? '');
  }
  return out;
}

/** Split a CEF line into 7 header fields and the extension, honouring `\|` escapes. */
function splitCef(line: string): { header: string[]; ext: string } {
  const header: string[] = [];
  let cur = '';
  let i = 0;
  for (; i < line.length && header.length < 7; i++) {
    const c = line[i] as string;
    if (c === '\\') {
      cur += line[++i] ?? '';
    } else if (c === '|') {
      header.push(cur);
      cur = '';
    } else cur += c;
  }
  return { header, ext: line.slice(i) };
}

/** Parse `k=v k2=v2` where values may contain escaped `=` and spaces. */
function parseExt(ext: string): Record<string, string> {
  const out: Record<string, string> = {};
  const keys = [...ext.matchAll(/(?:^| )([A-Za-z0-9]{1,40})=/g)].filter((m) => m.index === 0 || ext[(m.index ?? 0) - 1] !== '\\');
  for (const [n, m] of keys.entries()) {
    const start = (m.index ?? 0) + m[0].length;
    const end = keys[n + 1]?.index ?? ext.length;
    out[m[1] as string] = unescapeCefValue(ext.slice(start, end));
  }
  return out;
}

describe('CEF', () => {
  it('escapes extension values reversibly and leaves no raw `=` or line break', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const esc = escapeCefValue(s);
        expect(unescapeCefValue(esc)).toBe(s);
        expect(esc).not.toMatch(/[\r\n]/);
        for (let i = 0; i < esc.length; i++) {
          if (esc[i] === '\\') i++;
          else expect(esc[i]).not.toBe('=');
        }
      }),
    );
  });

  it('escapes header pipes and backslashes so the header always has 7 fields', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        const line = `CEF:0|${escapeCefHeader(s)}|p|1|sig|name|5|a=b`;
        const { header, ext } = splitCef(line);
        expect(header).toHaveLength(7);
        expect(header[1]).toBe(s.replace(/[\r\n]/g, ' '));
        expect(ext).toBe('a=b');
      }),
    );
  });

  it('carries id, seq, actor, session and detail of every sample event intact', () => {
    for (const e of EVENTS) {
      const { header, ext } = splitCef(formatCef(e));
      expect(header[0]).toBe('CEF:0');
      expect(header[4]).toBe(e.type);
      const kv = parseExt(ext);
      expect(kv.externalId).toBe(e.id);
      expect(kv.cn1).toBe(String(e.seq));
      expect(kv.suser).toBe(e.actor?.id);
      expect(kv.cs1).toBe(e.session);
      expect(kv.rt).toBe(String(Date.parse(e.time)));
    }
  });
});

describe('RFC 5424 syslog', () => {
  it('parses back with the event id in structured data, whatever the id contains', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (id) => {
        const e = stored(sampleEvents(1)[0] as AuditEventInput, 7, id);
        const p = parseRfc5424(formatSyslog(e, { hostname: 'gw 1\u00e9', facility: 13 }));
        expect(p.sd['attest@32473']?.id).toBe(id);
        expect(p.sd['attest@32473']?.seq).toBe('7');
        expect(p.hostname).toBe('gw1');
        expect(p.version).toBe('1');
        expect(p.msg.startsWith('CEF:0|')).toBe(true);
      }),
    );
  });

  it('computes PRI from facility and severity', () => {
    const block = EVENTS.find((e) => e.type === 'guard.verdict') as StoredEvent;
    expect(parseRfc5424(formatSyslog(block)).pri).toBe(13 * 8 + 3);
    const req = EVENTS.find((e) => e.type === 'model.request') as StoredEvent;
    expect(parseRfc5424(formatSyslog(req, { facility: 10 })).pri).toBe(10 * 8 + 6);
  });

  it('octet-counts UTF-8 bytes, not characters', () => {
    expect(frameOctetCounted('ü✓')).toBe('5 ü✓');
  });
});

describe('OCSF', () => {
  it('maps each type to a class with the event id as metadata.uid', () => {
    const classes = new Map(EVENTS.map((e) => [e.type, formatOcsf(e).class_uid]));
    expect(classes.get('model.request')).toBe(6003);
    expect(classes.get('retrieval')).toBe(6005);
    expect(classes.get('guard.verdict')).toBe(2004);
    for (const e of EVENTS) {
      const r = formatOcsf(e);
      expect(r.metadata.uid).toBe(e.id);
      expect(r.metadata.sequence).toBe(e.seq);
      expect(r.time).toBe(Date.parse(e.time));
      expect(r.type_uid).toBe((r.class_uid as number) * 100 + (r.activity_id as number));
      expect((r.unmapped as { attest: { data: unknown } }).attest.data).toEqual(e.data);
    }
  });

  it('maps incidents to Incident Finding with severity', () => {
    const inc = stored({ type: 'incident.opened', data: { incidentId: 'inc-1', category: 'jailbreak', severity: 'critical', triggeredBy: ['e1'] } }, 1);
    const r = formatOcsf(inc);
    expect(r.class_uid).toBe(2005);
    expect(r.severity_id).toBe(5);
  });
});

describe('HTTP payloads', () => {
  it('HEC: one JSON object per event with the id in indexed fields and epoch seconds', () => {
    const lines = formatHecBatch(EVENTS, { index: 'ai' }).split('\n').map((l) => JSON.parse(l) as { time: number; index: string; fields: { attest_event_id: string } });
    expect(lines).toHaveLength(EVENTS.length);
    expect(lines[0]?.fields.attest_event_id).toBe(EVENTS[0]?.id);
    expect(lines[0]?.time).toBe(Date.parse(EVENTS[0]?.time ?? '') / 1000);
    expect(lines[0]?.index).toBe('ai');
  });

  it('bulk: create actions with _id = event id, NDJSON ending in a newline', () => {
    const body = formatBulk(EVENTS.slice(0, 2), 'attest');
    expect(body.endsWith('\n')).toBe(true);
    const lines = body.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, { _id?: string }>);
    expect(lines[0]?.create?._id).toBe(EVENTS[0]?.id);
    expect(lines[2]?.create?._id).toBe(EVENTS[1]?.id);
  });

  it('OTLP: resourceLogs/scopeLogs/logRecords with nanosecond string times and id attributes', () => {
    const out = formatOtlpLogs(EVENTS.slice(0, 1)) as { resourceLogs: { scopeLogs: { logRecords: { timeUnixNano: string; attributes: { key: string; value: Record<string, unknown> }[] }[] }[] }[] };
    const rec = out.resourceLogs[0]?.scopeLogs[0]?.logRecords[0];
    expect(rec?.timeUnixNano).toBe(`${Date.parse(EVENTS[0]?.time ?? '')}000000`);
    expect(rec?.attributes.find((a) => a.key === 'attest.event.id')?.value).toEqual({ stringValue: EVENTS[0]?.id });
    expect(rec?.attributes.find((a) => a.key === 'attest.event.seq')?.value).toEqual({ intValue: '1' });
  });
});
