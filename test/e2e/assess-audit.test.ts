import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessReport } from '../../src/assess/report-model.js';
import { openStore } from '../../src/audit/adapters/open-store.js';
import { cli, EXAMPLE } from './assess-helpers.js';

let tmp: string;
let yamlFile: string;
let dbPath: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'attest-assess-audit-'));
  dbPath = join(tmp, 'audit.db');
  const audit = { path: dbPath, signingKey: join(tmp, 'signing.key'), retentionDays: 400 };
  const store = await openStore(audit, { checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
  const now = new Date().toISOString();
  await store.appendBatch([
    { type: 'model.request', time: now, data: { provider: 'openai', model: 'gpt-4o-2024-08-06' } },
    { type: 'model.request', time: now, data: { provider: 'openai', model: 'gpt-4o-2024-08-06' } },
    { type: 'guard.verdict', time: now, data: { detector: 'injection', action: 'block', stage: 'input' } },
    { type: 'guard.verdict', time: now, data: { detector: 'injection', action: 'allow', stage: 'retrieved' } },
    { type: 'retrieval', time: now, data: { index: 'help', documents: [{ id: 'a', allowed: true }, { id: 'b', allowed: false }] } },
    // Outside the 30-day period: counted by neither the requests nor the guard figures.
    { type: 'guard.verdict', time: '2020-01-01T00:00:00.000Z', data: { detector: 'pii', action: 'redact', stage: 'output' } },
  ]);
  await store.checkpoint();
  await store.close();
  yamlFile = join(tmp, 'attest.yaml');
  writeFileSync(yamlFile, `audit:\n  path: ${dbPath}\n  signingKey: ${audit.signingKey}\n  retentionDays: 400\n`);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const control = (r: AssessReport, id: string) => r.controls.find((c) => c.id === id);

describe('assess reads audit-trail statistics as observed evidence', () => {
  it('recorded requests, guard verdicts, filtered retrievals and a verified, checkpointed chain', async () => {
    const r = await cli(['assess', EXAMPLE, '--answers', yamlFile, '--json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as AssessReport;
    expect(report.sources.map((s) => s.kind)).toEqual(['discover', 'answers', 'config', 'audit-stats']);
    expect(control(report, 'AI-LOG-01')).toMatchObject({ status: 'met', confidence: 'observed', decidedBy: 'audit-stats', reason: '2 model requests recorded in the last 30 days' });
    expect(control(report, 'AI-LOG-03')).toMatchObject({ status: 'met', confidence: 'observed', decidedBy: 'audit-stats' });
    expect(control(report, 'AI-INJ-01')).toMatchObject({ status: 'met', decidedBy: 'audit-stats' });
    expect(control(report, 'AI-INJ-02')).toMatchObject({ status: 'met', decidedBy: 'audit-stats' });
    expect(control(report, 'AI-RAG-01')).toMatchObject({ status: 'met', decidedBy: 'audit-stats' });
    // The only output check is older than the period.
    expect(control(report, 'AI-OUT-01')?.decidedBy).not.toBe('audit-stats');
  });

  it('a tampered trail makes AI-LOG-03 not met', async () => {
    const db = new Database(dbPath);
    db.prepare('UPDATE audit_events SET doc = replace(doc, ?, ?) WHERE seq = 1').run('"openai"', '"0penai"');
    db.close();
    const r = await cli(['assess', EXAMPLE, '--answers', yamlFile, '--json']);
    const report = JSON.parse(r.stdout) as AssessReport;
    expect(control(report, 'AI-LOG-03')).toMatchObject({ status: 'not-met', confidence: 'observed' });
    expect(control(report, 'AI-LOG-03')?.reason).toMatch(/^chain verification failed: /);
  });

  it('a configured trail that does not exist yet is skipped with a note, not an error', async () => {
    const file = join(tmp, 'missing.yaml');
    writeFileSync(file, `audit:\n  path: ${join(tmp, 'nope.db')}\n`);
    const r = await cli(['assess', EXAMPLE, '--answers', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`attest: ${join(tmp, 'nope.db')}: no audit trail yet (audit-trail evidence skipped)\n`);
    expect((await cli(['assess', EXAMPLE, '--answers', file, '--audit-days', '0'])).code).toBe(2);
  });
});
