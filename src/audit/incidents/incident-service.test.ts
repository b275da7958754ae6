import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL_IDS } from '../../catalog/index.js';
import { validateEventInput } from '../event-validator.js';
import { SqliteAuditStore } from '../stores/sqlite-audit-store.js';
import { IncidentService } from './incident-service.js';
import { frameworkRefs, INCIDENT_CATEGORIES, RESPONSE_PHASES } from './taxonomy.js';
import { at, user } from './__fixtures__/trail.js';

let dir = '';
let store: SqliteAuditStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attest-incidents-'));
  store = new SqliteAuditStore({ path: join(dir, 'audit.db'), checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const mallory = user('mallory', 'acme');

async function attack(requestId: string, min = 0): Promise<void> {
  await store.appendBatch([
    { time: at(min), actor: mallory, session: 's1', requestId, type: 'guard.verdict', data: { detector: 'jb', action: 'alert', stage: 'input', categories: ['jailbreak'] } },
    { time: at(min + 1), actor: mallory, session: 's1', requestId, type: 'model.response', data: { provider: 'openai', model: 'gpt-4o' } },
  ]);
}

describe('taxonomy', () => {
  it('every category cites AI-INC-01/02 and real control ids, and its checklist covers every response phase', () => {
    for (const c of INCIDENT_CATEGORIES) {
      expect(c.controls).toContain('AI-INC-01');
      expect(c.controls).toContain('AI-INC-02');
      expect(c.controls.length).toBeGreaterThan(2);
      for (const id of c.controls) expect(CONTROL_IDS).toContain(id);
      expect(new Set(c.checklist.map((i) => i.phase))).toEqual(new Set(RESPONSE_PHASES));
      expect(new Set(c.checklist.map((i) => i.id)).size).toBe(c.checklist.length);
      expect(frameworkRefs(c).soc2?.length ?? 0).toBeGreaterThan(0);
    }
  });
});

describe('IncidentService', () => {
  it('scan opens incidents once: rescans, new events and a lost scan state open nothing twice', async () => {
    const svc = new IncidentService(store, { stateDir: dir });
    await attack('r1');
    const first = await svc.scan();
    expect(first.opened.map((i) => i.category)).toEqual(['jailbreak-succeeded']);
    expect(first.opened[0]?.triggeredBy).toHaveLength(2);
    const rescan = await svc.scan();
    expect(rescan.opened).toEqual([]);
    expect(rescan.scanned).toBe(1); // only the incident.opened event appended by the first scan

    await attack('r2', 5);
    const second = await svc.scan();
    expect(second.opened).toHaveLength(1);
    expect(second.fromSeq).toBe(rescan.toSeq);

    // The scan state is lost (or the rules changed): everything is rescanned, nothing reopened.
    await rm(join(dir, 'incidents'), { recursive: true });
    const again = await new IncidentService(store, { stateDir: dir }).scan();
    expect(again.opened).toEqual([]);
    expect(again.deduped).toBe(2);
    expect(await svc.list()).toHaveLength(2);
  });

  it('moves open → acknowledged → closed with who, when, notes and ticked checklist items, all in the verified trail', async () => {
    const svc = new IncidentService(store, { stateDir: dir });
    await attack('r1');
    const [inc] = (await svc.scan()).opened;
    const id = inc?.id as string;
    const acked = await svc.acknowledge(id, { by: 'oncall@acme', note: 'looking', tick: ['contain.block-session'] });
    expect(acked.status).toBe('acknowledged');
    await expect(svc.acknowledge(id, { by: 'x' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(svc.close(id, { by: 'x', tick: ['contain.nope'] })).rejects.toThrow(/unknown checklist item contain.nope/);
    const closed = await svc.close(id, { by: 'lead@acme', note: 'guard now blocks', tick: ['lessons.review'] });
    expect(closed.status).toBe('closed');
    expect(closed.ticked).toEqual(['contain.block-session', 'lessons.review']);
    expect(closed.history.map((h) => [h.status, h.by, h.note ?? null])).toEqual([
      ['open', 'attest-incident-scan', null],
      ['acknowledged', 'oncall@acme', 'looking'],
      ['closed', 'lead@acme', 'guard now blocks'],
    ]);
    await expect(svc.close(id, { by: 'x' })).rejects.toThrow(/incident is closed/);
    await expect(svc.acknowledge('inc-missing', { by: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await svc.list({ status: 'closed' })).map((i) => i.id)).toEqual([id]);
    expect((await store.verify()).ok).toBe(true);
  });

  it('writes incident events that `attest audit ingest` accepts again (exported trails re-ingest)', async () => {
    const svc = new IncidentService(store, { stateDir: dir });
    await attack('r1');
    const [inc] = (await svc.scan()).opened;
    await svc.acknowledge(inc?.id as string, { by: 'oncall@acme', note: 'looking', tick: ['contain.block-session'] });
    const incidentEvents = [];
    for await (const e of store.query({ types: ['incident.opened', 'incident.updated'] })) incidentEvents.push(e);
    expect(incidentEvents).toHaveLength(2);
    for (const e of incidentEvents) {
      const { type, time, actor, session, requestId, source, data } = e;
      const input = { type, time, actor, session, requestId, source, data };
      for (const k of Object.keys(input) as (keyof typeof input)[]) if (input[k] === undefined) delete input[k];
      expect(validateEventInput(input)).toMatchObject({ ok: true });
    }
  });

  it('open → closed directly is allowed (false positive)', async () => {
    const svc = new IncidentService(store, { stateDir: dir });
    await attack('r1');
    const [inc] = (await svc.scan()).opened;
    expect((await svc.close(inc?.id as string, { by: 'a', note: 'red-team exercise' })).status).toBe('closed');
  });
});

describe('IncidentService on PostgreSQL', () => {
  it('scans, dedupes and transitions the same way (skips with a reason when unreachable)', async () => {
    const { createTestDb, postgresReachable } = await import('../__fixtures__/stores.js');
    if (!(await postgresReachable())) return;
    const db = await createTestDb('postgres');
    const pgStore = await db.open({ checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
    try {
      await pgStore.appendBatch([
        { time: at(0), actor: mallory, session: 's1', requestId: 'r1', type: 'retrieval', data: { index: 'kb', documents: [{ id: 'other', tenant: 'globex', allowed: true }] } },
        { time: at(1), type: 'key.use', data: { keyId: 'k9', outcome: 'revoked', sourceIp: '198.51.100.7' } },
      ]);
      const svc = new IncidentService(pgStore, { stateDir: join(dir, 'pg') });
      const { opened } = await svc.scan();
      expect(opened.map((i) => `${i.category}:${i.severity}`).sort()).toEqual(['key-misuse:high', 'rag-exfiltration:critical']);
      expect((await svc.scan()).opened).toEqual([]);
      const id = opened[0]?.id as string;
      expect((await svc.acknowledge(id, { by: 'pg-oncall' })).status).toBe('acknowledged');
      expect((await svc.close(id, { by: 'pg-oncall' })).history).toHaveLength(3);
    } finally {
      await pgStore.close();
      await db.dispose();
    }
  });
});
