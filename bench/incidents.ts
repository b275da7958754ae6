/**
 * `npm run bench:incidents`: incident scan and blast-radius speed. Fills a SQLite store with N
 * events (default 100,000, `--events N`) of mixed traffic over 50 users / 500 sessions with an attack
 * every ~1,000 events, then times a full `IncidentService.scan()` (rule engine + reading the store +
 * appending incident events) and `blastRadius` for the first incident.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEventInput } from '../src/audit/event.js';
import { SqliteAuditStore } from '../src/audit/stores/sqlite-audit-store.js';
import { IncidentService } from '../src/audit/incidents/incident-service.js';
import { blastRadius } from '../src/audit/incidents/blast-radius.js';
import { RuleEngine } from '../src/audit/incidents/rule-engine.js';
import { DEFAULT_RULES } from '../src/audit/incidents/default-rules.js';

const i = process.argv.indexOf('--events');
const N = i >= 0 ? Number(process.argv[i + 1]) : 100_000;
const dir = mkdtempSync(join(tmpdir(), 'attest-bench-inc-'));
const store = new SqliteAuditStore({ path: join(dir, 'audit.db'), checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
const t0 = Date.parse('2026-11-01T00:00:00Z');

function event(k: number): AuditEventInput {
  const actor = { id: `user-${k % 50}`, kind: 'user' as const, tenant: `t${k % 3}` };
  const base = { time: new Date(t0 + k * 1000).toISOString(), actor, session: `s-${k % 500}`, requestId: `r-${Math.floor(k / 4)}` };
  if (k % 1000 === 2) return { ...base, type: 'guard.verdict', data: { detector: 'inj', action: 'alert', stage: 'input', categories: ['jailbreak'] } };
  switch (k % 4) {
    case 0:
      return { ...base, type: 'model.request', data: { provider: 'openai', model: 'gpt-4o', keyId: `k-${k % 20}`, inputTokens: 800 } };
    case 1:
      return { ...base, type: 'retrieval', data: { index: 'kb', documents: [{ id: `d-${k % 5000}`, tenant: `t${k % 3}`, allowed: true }] } };
    case 2:
      return { ...base, type: 'tool.call', data: { tool: 'search', outcome: 'allowed' } };
    default:
      return { ...base, type: 'model.response', data: { provider: 'openai', model: 'gpt-4o', outputTokens: 300 } };
  }
}

for (let k = 0; k < N; k += 5000) await store.appendBatch(Array.from({ length: Math.min(5000, N - k) }, (_, j) => event(k + j)));
console.log(`bench:incidents — ${N} events, node ${process.version}\n`);

const all = [];
for await (const e of store.query()) all.push(e);
let t = performance.now();
const engine = new RuleEngine(DEFAULT_RULES);
let fired = 0;
for (const e of all) fired += engine.feed(e).length;
console.log(`rule engine alone:   ${Math.round(N / ((performance.now() - t) / 1000)).toLocaleString('en-US')} events/s (${fired} rule matches)`);

t = performance.now();
const svc = new IncidentService(store, { stateDir: dir });
const r = await svc.scan();
const scanS = (performance.now() - t) / 1000;
console.log(`incident scan:       ${Math.round(r.scanned / scanS).toLocaleString('en-US')} events/s (${scanS.toFixed(2)} s, ${r.opened.length} incidents opened)`);

t = performance.now();
const again = await svc.scan();
console.log(`rescan, nothing new: ${((performance.now() - t) / 1000).toFixed(3)} s (${again.scanned} events read)`);

const first = r.opened[0];
if (first) {
  t = performance.now();
  const br = await blastRadius(store, first);
  console.log(`blast radius ±24h:   ${((performance.now() - t) / 1000).toFixed(2)} s (${br.linkedEvents} linked events; ${br.users.length} users, ${br.sessions.length} sessions, ${br.documents.length} documents)`);
  t = performance.now();
  const narrow = await blastRadius(store, first, { via: ['session', 'request'], hops: 1 });
  console.log(`  via session,request, 1 hop: ${((performance.now() - t) / 1000).toFixed(2)} s (${narrow.linkedEvents} linked events, ${narrow.documents.length} documents)`);
}
await store.close();
rmSync(dir, { recursive: true, force: true });
