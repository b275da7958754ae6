import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../event.js';
import { SqliteAuditStore } from '../stores/sqlite-audit-store.js';
import { blastRadius } from './blast-radius.js';
import type { Incident } from './incident-model.js';
import { IncidentService } from './incident-service.js';
import { at, user } from './__fixtures__/trail.js';

let dir = '';
let store: SqliteAuditStore;
let incident: Incident;

/*
 * The trail: mallory (session s1, key k1) injects through a poisoned document and the agent emails
 * it out. Before that, mallory read d0 in session s0; after, she uses session s2 (d3) — one hop
 * (same actor). bob's request with key k1, which mallory's request used, is two hops; his
 * retrieval of d4 in that session three.
 * carol joins bob's session s3 (d5) — three hops. dave shares nothing.
 * An event of mallory's three days earlier is outside the ±24 h window.
 */
const TRAIL: AuditEventInput[] = [
  { time: at(-3 * 24 * 60), actor: user('mallory'), session: 's-old', type: 'retrieval', data: { index: 'kb', documents: [{ id: 'd-old', allowed: true }] } },
  { time: at(-60), actor: user('mallory'), session: 's0', requestId: 'r0', type: 'retrieval', data: { index: 'kb', documents: [{ id: 'd0', allowed: true }] } },
  { time: at(0), actor: user('mallory'), session: 's1', requestId: 'r1', type: 'model.request', data: { provider: 'openai', model: 'gpt-4o', keyId: 'k1' } },
  { time: at(0), actor: user('mallory'), session: 's1', requestId: 'r1', type: 'retrieval', data: { index: 'kb', documents: [{ id: 'd1', labels: ['confidential'], allowed: true }, { id: 'd2', allowed: false }] } },
  { time: at(1), actor: user('mallory'), session: 's1', requestId: 'r1', type: 'guard.verdict', data: { detector: 'inj', action: 'alert', stage: 'retrieved', categories: ['indirect-injection'] } },
  { time: at(2), actor: { id: 'mail-agent', kind: 'agent' }, session: 's1', requestId: 'r1', type: 'tool.call', data: { tool: 'send_email', outcome: 'allowed' } },
  { time: at(30), actor: user('mallory'), session: 's2', requestId: 'r2', type: 'retrieval', data: { index: 'kb', documents: [{ id: 'd3', allowed: true }] } },
  { time: at(40), actor: user('bob'), session: 's3', requestId: 'r3', type: 'model.request', data: { provider: 'openai', model: 'gpt-4o-mini', keyId: 'k1' } },
  { time: at(41), actor: user('bob'), session: 's3', requestId: 'r3', type: 'retrieval', data: { index: 'kb', documents: [{ id: 'd4', allowed: true }] } },
  { time: at(50), actor: user('carol'), session: 's3', requestId: 'r4', type: 'retrieval', data: { index: 'kb', documents: [{ id: 'd5', allowed: true }] } },
  { time: at(55), actor: user('dave'), session: 's9', requestId: 'r9', type: 'retrieval', data: { index: 'kb', documents: [{ id: 'd9', allowed: true }] } },
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attest-blast-'));
  store = new SqliteAuditStore({ path: join(dir, 'audit.db'), checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
  await store.appendBatch(TRAIL);
  const svc = new IncidentService(store, { stateDir: dir });
  const { opened } = await svc.scan();
  const inj = opened.find((i) => i.category === 'prompt-injection');
  if (!inj) throw new Error(`expected a prompt-injection incident, got ${opened.map((i) => i.category).join(', ')}`);
  incident = inj;
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id);

describe('blast radius', () => {
  it('reaches users, sessions, documents, tools, keys and models transitively within ±24 h (default 2 hops)', async () => {
    const r = await blastRadius(store, incident);
    expect(r.anchor).toBe(at(1));
    expect(ids(r.users)).toEqual(['bob', 'mallory']);
    expect(ids(r.principals)).toEqual(['mail-agent']);
    expect(ids(r.sessions)).toEqual(['s0', 's1', 's2', 's3']);
    expect(ids(r.documents)).toEqual(['d0', 'd1', 'd2', 'd3']);
    expect(ids(r.tools)).toEqual(['send_email']);
    expect(ids(r.keys)).toEqual(['k1']);
    expect(ids(r.models)).toEqual(['openai/gpt-4o', 'openai/gpt-4o-mini']);
    const d2 = r.documents.find((d) => d.id === 'd2');
    expect(d2?.detail).toMatchObject({ access: { denied: 1 } });
    const mallory = r.users.find((u) => u.id === 'mallory');
    expect(mallory).toMatchObject({ before: 3 });
    expect(mallory?.after).toBeGreaterThan(0);
  });

  it('three hops reach carol, one hop stops before bob; linking only by session/request stops at mallory; a narrow window drops s0', async () => {
    const three = await blastRadius(store, incident, { hops: 3 });
    expect(ids(three.users)).toEqual(['bob', 'carol', 'mallory']);
    expect(ids(three.documents)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5']);
    expect(ids((await blastRadius(store, incident, { hops: 1 })).users)).toEqual(['mallory']);
    const noKey = await blastRadius(store, incident, { via: ['session', 'request'] });
    expect(ids(noKey.users)).toEqual(['mallory']);
    expect(ids(noKey.documents)).toEqual(['d1', 'd2']);
    const narrow = await blastRadius(store, incident, { windowMs: 30 * 60_000 });
    expect(ids(narrow.sessions)).not.toContain('s0');
    expect(ids(narrow.documents)).not.toContain('d-old');
  });
});
