import { describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../event.js';
import { DEFAULT_RULES } from './default-rules.js';
import { RuleEngine, type IncidentCandidate } from './rule-engine.js';
import { at, seal, user } from './__fixtures__/trail.js';

function run(inputs: AuditEventInput[]): IncidentCandidate[] {
  const engine = new RuleEngine(DEFAULT_RULES);
  return seal(inputs).flatMap((e) => engine.feed(e));
}
const rules = (c: IncidentCandidate[]): string[] => c.map((x) => x.ruleId);

const alice = user('alice', 'acme');
const base = (min: number, requestId: string, session = 's1') => ({ time: at(min), actor: alice, session, requestId });

describe('jailbreak / injection rules', () => {
  it('jailbreak alert followed by a response in the same request opens one incident', () => {
    const c = run([
      { ...base(0, 'r1'), type: 'model.request', data: { provider: 'openai', model: 'gpt-4o' } },
      { ...base(0, 'r1'), type: 'guard.verdict', data: { detector: 'jb', action: 'alert', stage: 'input', categories: ['jailbreak'] } },
      { ...base(1, 'r1'), type: 'model.response', data: { provider: 'openai', model: 'gpt-4o' } },
    ]);
    expect(rules(c)).toEqual(['jailbreak-answered']);
    expect(c[0]?.triggeredBy).toEqual(['e2', 'e3']);
    expect(c[0]?.severity).toBe('high');
  });

  it('does not fire when the blocked request got no response, the response is in another request, or it came too late', () => {
    expect(
      run([
        { ...base(0, 'r1'), type: 'guard.verdict', data: { detector: 'jb', action: 'block', stage: 'input', categories: ['jailbreak'] } },
        { ...base(1, 'r2'), type: 'model.response', data: { provider: 'openai', model: 'gpt-4o' } },
        { ...base(2, 'r3'), type: 'guard.verdict', data: { detector: 'jb', action: 'alert', stage: 'input', categories: ['jailbreak'] } },
        { ...base(20, 'r3'), type: 'model.response', data: { provider: 'openai', model: 'gpt-4o' } },
        { ...base(21, 'r4'), type: 'guard.verdict', data: { detector: 'jb', action: 'allow', stage: 'input', categories: ['jailbreak'] } },
        { ...base(21, 'r4'), type: 'model.response', data: { provider: 'openai', model: 'gpt-4o' } },
      ]),
    ).toEqual([]);
  });

  it('indirect injection in retrieved content followed by an executed tool call fires; a denied tool call does not', () => {
    const verdict = (r: string): AuditEventInput => ({ ...base(0, r), type: 'guard.verdict', data: { detector: 'inj', action: 'alert', stage: 'retrieved', categories: ['indirect-injection'] } });
    expect(rules(run([verdict('r1'), { ...base(1, 'r1'), type: 'tool.call', data: { tool: 'send_email', outcome: 'allowed' } }]))).toEqual(['injection-changed-behaviour']);
    expect(run([verdict('r1'), { ...base(1, 'r1'), type: 'tool.call', data: { tool: 'send_email', outcome: 'denied' } }])).toEqual([]);
  });
});

describe('RAG rules', () => {
  const retrieval = (docs: { id: string; tenant?: string; allowed: boolean }[], session = 's1'): AuditEventInput => ({ ...base(0, 'r1', session), type: 'retrieval', data: { index: 'kb', documents: docs } });

  it('another tenant’s document returned is critical; own-tenant documents are fine', () => {
    const c = run([retrieval([{ id: 'd1', tenant: 'acme', allowed: true }, { id: 'd2', tenant: 'globex', allowed: true }])]);
    expect(rules(c)).toEqual(['rag-cross-tenant']);
    expect(c[0]?.severity).toBe('critical');
    expect(run([retrieval([{ id: 'd1', tenant: 'acme', allowed: true }, { id: 'd3', allowed: true }])])).toEqual([]);
  });

  it('denied documents are an attempt (medium), deduped per session and user', () => {
    const c = run([retrieval([{ id: 'd2', tenant: 'globex', allowed: false }]), retrieval([{ id: 'd9', allowed: false }]), retrieval([{ id: 'd9', allowed: false }], 's2')]);
    expect(rules(c)).toEqual(['rag-denied-documents', 'rag-denied-documents', 'rag-denied-documents']);
    expect(c[0]?.severity).toBe('medium');
    expect(c[0]?.dedupeKey).toBe(c[1]?.dedupeKey);
    expect(c[2]?.dedupeKey).not.toBe(c[0]?.dedupeKey);
  });
});

describe('output, tools, keys, changes, consumption', () => {
  it('sensitive output fires only when released at the output stage', () => {
    const v = (action: 'alert' | 'redact' | 'block', stage: 'output' | 'input' = 'output'): AuditEventInput => ({ ...base(0, 'r1'), type: 'guard.verdict', data: { detector: 'secrets', action, stage, categories: ['credential'] } });
    expect(rules(run([v('alert')]))).toEqual(['sensitive-output-released']);
    expect(run([v('redact'), v('block'), v('alert', 'input')])).toEqual([]);
  });

  it('a denied tool executed later in the session without approval fires; with an approval in between, or another tool, it does not', () => {
    const call = (min: number, tool: string, outcome: 'denied' | 'allowed' | 'pending-approval'): AuditEventInput => ({ ...base(min, `r${min}`), type: 'tool.call', data: { tool, outcome } });
    expect(rules(run([call(0, 'shell', 'denied'), call(5, 'shell', 'allowed')]))).toEqual(['tool-denied-then-executed']);
    expect(run([call(0, 'shell', 'pending-approval'), { ...base(2, 'r2'), type: 'approval.decision', data: { approvalId: 'a1', decision: 'approved', tool: 'shell' } }, call(5, 'shell', 'allowed')])).toEqual([]);
    expect(run([call(0, 'shell', 'denied'), call(5, 'search', 'allowed')])).toEqual([]);
  });

  it('a tool call after a rejected approval is critical', () => {
    const c = run([
      { ...base(0, 'r1'), type: 'approval.decision', data: { approvalId: 'a7', decision: 'rejected', tool: 'wire_money' } },
      { ...base(3, 'r2'), type: 'tool.call', data: { tool: 'wire_money', outcome: 'allowed', approvalId: 'a7' } },
    ]);
    expect(rules(c)).toEqual(['approval-rejected-then-executed']);
    expect(c[0]?.severity).toBe('critical');
  });

  it('revoked key use fires (one incident per key); a key from a new IP after history fires, without history it does not', () => {
    const use = (ip: string, outcome: 'ok' | 'revoked' = 'ok', keyId = 'k1'): AuditEventInput => ({ type: 'key.use', data: { keyId, outcome, sourceIp: ip } });
    const revoked = run([use('10.0.0.1', 'revoked'), use('10.0.0.2', 'revoked')]);
    expect(rules(revoked)).toEqual(['revoked-key-used', 'revoked-key-used']);
    expect(revoked[0]?.dedupeKey).toBe(revoked[1]?.dedupeKey);
    expect(rules(run([use('10.0.0.1'), use('10.0.0.1'), use('10.0.0.1'), use('203.0.113.9')]))).toEqual(['key-new-source-ip']);
    expect(run([use('10.0.0.1'), use('10.0.0.1'), use('203.0.113.9')])).toEqual([]);
  });

  it('unreviewed model/prompt changes fire; reviewed ones and other keys do not', () => {
    const change = (key: string, reviewed?: boolean): AuditEventInput => ({ type: 'config.change', data: { component: 'gateway', key, ...(reviewed === undefined ? {} : { reviewed }) } });
    expect(rules(run([change('routes.chat.system_prompt'), change('model', false)]))).toEqual(['unreviewed-model-or-prompt-change', 'unreviewed-model-or-prompt-change']);
    expect(run([change('model', true), change('temperature', false)])).toEqual([]);
  });

  it('token burst fires once per actor per window; the same volume spread over hours does not', () => {
    const req = (min: number): AuditEventInput => ({ ...base(min, `r${min}`), type: 'model.request', data: { provider: 'openai', model: 'gpt-4o', inputTokens: 100_000 } });
    expect(rules(run([0, 5, 10, 15, 20, 25].map(req)))).toEqual(['token-burst']);
    expect(run([0, 70, 140, 210, 280, 350].map(req))).toEqual([]);
  });
});

describe('engine state', () => {
  it('persists pending sequences across engines (scan after scan)', () => {
    const events = seal([
      { ...base(0, 'r1'), type: 'guard.verdict', data: { detector: 'jb', action: 'alert', stage: 'input', categories: ['jailbreak'] } },
      { ...base(1, 'r1'), type: 'model.response', data: { provider: 'openai', model: 'gpt-4o' } },
    ]);
    const first = new RuleEngine(DEFAULT_RULES);
    expect(first.feed(events[0] as never)).toEqual([]);
    const second = new RuleEngine(DEFAULT_RULES, JSON.parse(JSON.stringify(first.state())) as never);
    expect(rules(second.feed(events[1] as never))).toEqual(['jailbreak-answered']);
  });
});
