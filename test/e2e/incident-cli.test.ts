// `attest incident` end to end over a SQLite trail in a temp directory, CLI in-process.
import { runAttest, type CliRun } from './_run-cli.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../src/audit/event.js';
import type { BlastRadius } from '../../src/audit/incidents/blast-radius.js';
import type { Incident } from '../../src/audit/incidents/incident-model.js';
import type { ScanResult } from '../../src/audit/incidents/incident-service.js';
import { SqliteAuditStore } from '../../src/audit/stores/sqlite-audit-store.js';

let dir = '';
let flags: string[] = [];

const cli = (...args: string[]): Promise<CliRun> => runAttest(['incident', ...args, ...flags]);

async function append(events: AuditEventInput[]): Promise<void> {
  const store = new SqliteAuditStore({ path: join(dir, 'audit.db'), checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
  try {
    await store.appendBatch(events);
  } finally {
    await store.close();
  }
}

const eve = { id: 'eve', kind: 'user' as const, tenant: 'acme' };
const agent = { id: 'ops-agent', kind: 'agent' as const, tenant: 'acme' };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'attest-incident-cli-'));
  flags = ['--db', join(dir, 'audit.db'), '--signing-key', join(dir, 'signing.key')];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attest incident', () => {
  let jailbreak = '';

  it('scan opens incidents from the trail, once', async () => {
    await append([
      { time: '2026-11-20T09:00:00Z', actor: eve, session: 'sA', requestId: 'q1', type: 'model.request', data: { provider: 'anthropic', model: 'claude-sonnet', keyId: 'gw-key-7' } },
      { time: '2026-11-20T09:00:01Z', actor: eve, session: 'sA', requestId: 'q1', type: 'guard.verdict', data: { detector: 'jailbreak', action: 'alert', stage: 'input', categories: ['jailbreak'] } },
      { time: '2026-11-20T09:00:04Z', actor: eve, session: 'sA', requestId: 'q1', type: 'model.response', data: { provider: 'anthropic', model: 'claude-sonnet' } },
      { time: '2026-11-20T09:05:00Z', actor: agent, session: 'sA', requestId: 'q2', type: 'tool.call', data: { tool: 'shell', outcome: 'pending-approval', approvalId: 'ap1' } },
      { time: '2026-11-20T09:06:00Z', actor: agent, session: 'sA', requestId: 'q3', type: 'tool.call', data: { tool: 'shell', outcome: 'allowed' } },
      // Noise that must not open anything: a normal exchange and a reviewed model change.
      { time: '2026-11-20T09:10:00Z', actor: { id: 'sam', kind: 'user', tenant: 'acme' }, session: 'sB', requestId: 'q4', type: 'model.response', data: { provider: 'openai', model: 'gpt-4o' } },
      { time: '2026-11-20T09:11:00Z', type: 'config.change', data: { component: 'gateway', key: 'routes.chat.model', reviewed: true, before: 'gpt-4o', after: 'gpt-4.1' } },
    ]);
    const r = await cli('scan', '--json');
    expect(r.code).toBe(0);
    const scan = JSON.parse(r.stdout) as ScanResult;
    expect(scan.opened.map((i) => i.category).sort()).toEqual(['jailbreak-succeeded', 'unapproved-tool-use']);
    jailbreak = scan.opened.find((i) => i.category === 'jailbreak-succeeded')?.id ?? '';
    const again = await cli('scan', '--fail-on', 'low');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 new incidents/);
  });

  it('scan --fail-on exits 1 when a new incident reaches the threshold', async () => {
    await append([{ time: '2026-11-20T09:20:00Z', actor: eve, session: 'sC', requestId: 'q5', type: 'retrieval', data: { index: 'contracts', documents: [{ id: 'globex-nda.pdf', tenant: 'globex', allowed: true }] } }]);
    const r = await cli('scan', '--fail-on', 'critical');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/CRITICAL {2}rag-exfiltration {2}open/);
  });

  it('list and show (with blast radius and framework references)', async () => {
    const list = JSON.parse((await cli('list', '--json')).stdout) as Incident[];
    expect(list).toHaveLength(3);
    const shown = await cli('show', jailbreak, '--blast-radius', '--window', '2h', '--json');
    expect(shown.code).toBe(0);
    const body = JSON.parse(shown.stdout) as { incident: Incident; category: { controls: string[]; frameworks: Record<string, string[]> }; checklist: { id: string; done: boolean }[]; blastRadius: BlastRadius };
    expect(body.category.controls).toEqual(expect.arrayContaining(['AI-INC-01', 'AI-INC-02', 'AI-INJ-01']));
    expect(body.category.frameworks['owasp-llm-2025']).toContain('LLM01');
    expect(body.checklist.every((c) => !c.done)).toBe(true);
    expect(body.blastRadius.users.map((u) => u.id)).toEqual(['eve']);
    expect(body.blastRadius.principals.map((u) => u.id)).toEqual(['ops-agent']);
    expect(body.blastRadius.tools.map((t) => t.id)).toEqual(['shell']);
    expect(body.blastRadius.keys.map((k) => k.id)).toEqual(['gw-key-7']);
    expect(body.blastRadius.documents.map((d) => d.id)).toEqual(['globex-nda.pdf']);
    expect(body.blastRadius.window).toEqual({ since: '2026-11-20T07:00:01.000Z', until: '2026-11-20T11:00:01.000Z' });
    const text = await cli('show', jailbreak);
    expect(text.stdout).toMatch(/\[ \] contain\.block-session/);
    expect(text.stdout).toMatch(/soc2: .*CC7\.3/);
  });

  it('ack and close record who, notes and ticks; wrong moves exit 2', async () => {
    const ack = await cli('ack', jailbreak, '--note', 'paging on-call', '--tick', 'contain.block-session,contain.preserve-trail', '--by', 'ana', '--json');
    expect(ack.code).toBe(0);
    expect((JSON.parse(ack.stdout) as Incident).status).toBe('acknowledged');
    const twice = await cli('ack', jailbreak);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/already acknowledged/);
    const badTick = await cli('close', jailbreak, '--tick', 'contain.reboot-the-internet');
    expect(badTick.code).toBe(2);
    expect(badTick.stderr).toMatch(/unknown checklist item contain\.reboot-the-internet/);
    const close = await cli('close', jailbreak, '--note', 'guard set to block', '--by', 'ben');
    expect(close.code).toBe(0);
    expect(close.stderr).toMatch(/closed with \d+ checklist items not ticked/);
    const shown = JSON.parse((await cli('show', jailbreak, '--json')).stdout) as { incident: Incident; checklist: { id: string; done: boolean }[] };
    expect(shown.incident.history.map((h) => `${h.status}:${h.by}:${h.note ?? ''}`)).toEqual(['open:attest-incident-scan:', 'acknowledged:ana:paging on-call', 'closed:ben:guard set to block']);
    expect(shown.checklist.filter((c) => c.done).map((c) => c.id)).toEqual(['contain.block-session', 'contain.preserve-trail']);
    expect((JSON.parse((await cli('list', '--status', 'closed', '--json')).stdout) as Incident[]).map((i) => i.id)).toEqual([jailbreak]);
    for (const [args, msg] of [
      [['show', 'inc-0000'], /no incident inc-0000/],
      [['list', '--status', 'pending'], /--status must be/],
      [['show', jailbreak, '--blast-radius', '--window', 'soon'], /--window: not a duration/],
      [['show', jailbreak, '--blast-radius', '--via', 'dns'], /--via: unknown link "dns"/],
      [['scan', '--fail-on', 'urgent'], /--fail-on must be/],
    ] as [string[], RegExp][]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
    }
  });

  it('the incident history lives in the audit trail and the trail still verifies', async () => {
    const store = new SqliteAuditStore({ path: join(dir, 'audit.db'), checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
    try {
      const kinds: string[] = [];
      for await (const e of store.query({ types: ['incident.opened', 'incident.updated'] })) kinds.push(e.type);
      expect(kinds).toEqual(['incident.opened', 'incident.opened', 'incident.opened', 'incident.updated', 'incident.updated']);
      expect((await store.verify()).ok).toBe(true);
    } finally {
      await store.close();
    }
  });
});
