import { describe, expect, it } from 'vitest';
import { sampleEvents } from './__fixtures__/stores.js';
import { contentBody } from './content-policy.js';
import { EVENT_TYPES } from './event.js';
import { EVENT_DATA_SCHEMAS } from './event-schema.js';
import { validateEventInput } from './event-validator.js';

describe('validateEventInput', () => {
  it('has a data schema for every event type and accepts valid events of each', () => {
    expect(Object.keys(EVENT_DATA_SCHEMAS).sort()).toEqual([...EVENT_TYPES].sort());
    for (const e of sampleEvents(10)) expect(validateEventInput(JSON.parse(JSON.stringify(e)))).toMatchObject({ ok: true });
    const more = [
      { type: 'retrieval', data: { index: 'i', query: contentBody('q'), documents: [{ id: 'd', allowed: true, labels: ['x'] }] } },
      { type: 'approval.decision', data: { approvalId: 'a1', decision: 'approved' } },
      { type: 'identity.auth', time: '2026-01-01T00:00:00+01:00', data: { method: 'oidc', outcome: 'failure' } },
      { type: 'config.change', data: { component: 'gateway', key: 'model', reviewed: false } },
      { type: 'incident.opened', data: { incidentId: 'i1', category: 'jailbreak', severity: 'high' } },
      { type: 'incident.updated', data: { incidentId: 'i1', category: 'jailbreak', severity: 'high', status: 'closed' } },
    ];
    for (const e of more) expect(validateEventInput(e)).toMatchObject({ ok: true });
  });

  it.each([
    [{ type: 'tool.call', data: { tool: 't', outcome: 'maybe' } }, 'data.outcome: must be one of allowed, denied, pending-approval, error'],
    [{ type: 'nope', data: {} }, 'type: must be one of model.request'],
    [{ type: 'key.use', data: { outcome: 'ok' } }, 'data.keyId: is required'],
    [{ type: 'key.use', data: { keyId: 'k', outcome: 'ok', extra: 1 } }, 'data: unknown property "extra"'],
    [{ type: 'key.use', seq: 4, data: { keyId: 'k', outcome: 'ok' } }, '(event): unknown property "seq"'],
    [{ type: 'key.use', time: 'yesterday', data: { keyId: 'k', outcome: 'ok' } }, 'time: must match format "date-time"'],
    [{ type: 'model.request', data: { provider: 'p', model: 'm', inputTokens: -1 } }, 'data.inputTokens: must be >= 0'],
    [{ type: 'model.request', data: { provider: 'p', model: 'm', prompt: { mode: 'store', sha256: '0'.repeat(64), text: 'x' } } }, 'data.prompt.sha256: does not match text'],
    [{ type: 'model.request', data: { provider: 'p', model: 'm', prompt: { mode: 'hash', sha256: '0'.repeat(64), text: 'x' } } }, 'data.prompt.text: must be absent'],
    [[1], '(event): must be a JSON object'],
  ])('rejects %j with a one-line message', (value, message) => {
    const r = validateEventInput(value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(message);
      expect(r.message).not.toContain('\n');
    }
  });
});
