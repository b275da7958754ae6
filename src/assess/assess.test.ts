import { describe, expect, it } from 'vitest';
import { CONTROLS } from '../catalog/controls.js';
import { frameworkItem, type FrameworkKey } from '../catalog/frameworks.js';
import type { DiscoverResult } from '../discover/model.js';
import small from './__fixtures__/discover-small.json' with { type: 'json' };
import { assess, type AssessInput } from './assess.js';
import type { EvidenceSource } from './evidence.js';
import type { AssessReport } from './report-model.js';

const discover = small as unknown as DiscoverResult;
const base: AssessInput = { discover, answers: {}, generatedAt: '2026-11-22T00:00:00.000Z', toolVersion: 'test', subjectName: 'small-app' };
const run = (over: Partial<AssessInput> = {}): AssessReport => assess({ ...base, ...over });
const control = (r: AssessReport, id: string) => {
  const c = r.controls.find((x) => x.id === id);
  if (!c) throw new Error(`no ${id}`);
  return c;
};
const statuses = (r: AssessReport): Record<string, string> => Object.fromEntries(r.controls.map((c) => [c.id, c.status]));
const changed = (a: AssessReport, b: AssessReport): string[] => {
  const sa = statuses(a);
  const sb = statuses(b);
  return Object.keys(sa).filter((k) => sa[k] !== sb[k]);
};

describe('assess: control status from evidence', () => {
  const r = run();

  it('a finding makes its control not met, observed, citing file:line', () => {
    const key = control(r, 'AI-KEY-01');
    expect(key.status).toBe('not-met');
    expect(key.confidence).toBe('observed');
    expect(key.evidence).toContainEqual(expect.objectContaining({ kind: 'finding', path: 'config/settings.py', line: 12 }));
    expect(control(r, 'AI-GW-01').reason).toBe('2 findings (unguarded-llm-call)');
  });

  it('a clean scan proves inventory met; no evidence is unknown, never met', () => {
    expect(control(r, 'AI-INV-01')).toMatchObject({ status: 'met', confidence: 'observed', credit: 1 });
    expect(control(r, 'AI-POL-01').status).toBe('unknown');
    expect(control(r, 'AI-POL-01').evidence).toEqual([{ kind: 'missing-answer', key: 'ai_acceptable_use_policy' }]);
  });

  it('derives not-applicable from the inventory (no runtimes, model files or fine-tuning here)', () => {
    expect(control(r, 'AI-RUN-01').status).toBe('not-applicable');
    expect(control(r, 'AI-DATA-03').status).toBe('not-applicable');
    expect(control(r, 'AI-INV-03').status).toBe('not-applicable');
    // Agents, MCP and a vector store are present, so their controls apply.
    expect(control(r, 'AI-AGT-01').status).toBe('unknown');
    expect(control(r, 'AI-RAG-01').status).toBe('unknown');
  });

  it('weighs agent and RAG controls up when the inventory has risky tools and vector stores', () => {
    expect(control(r, 'AI-AGT-01')).toMatchObject({ likelihood: 1.5, weight: 6 * 1.5 });
    expect(control(r, 'AI-RAG-01')).toMatchObject({ likelihood: 1.5, weight: 10 * 1.5 });
    expect(control(r, 'AI-POL-01')).toMatchObject({ likelihood: 1, weight: 3 });
  });

  it('without agents or MCP, agent controls are N/A unless the answers say otherwise', () => {
    const plain: DiscoverResult = {
      ...discover,
      components: discover.components.filter((c) => c.type !== 'agent' && c.type !== 'tool' && c.type !== 'mcp-server'),
      findings: discover.findings.filter((f) => f.rule !== 'risky-tool-no-approval' && f.rule !== 'mcp-no-auth'),
    };
    const r1 = run({ discover: plain });
    expect(control(r1, 'AI-AGT-01').status).toBe('not-applicable');
    expect(control(r1, 'AI-AGT-01').reason).toMatch(/no agents/);
    const r2 = run({ discover: plain, answers: { agent_permissions_documented: true } });
    expect(control(r2, 'AI-AGT-01')).toMatchObject({ status: 'met', confidence: 'self-attested', credit: 0.8 });
    expect(control(r2, 'AI-AGT-04').status).toBe('not-applicable');
  });

  it('an observed failure beats a self-attested "yes", and the conflict is recorded', () => {
    const gw = control(run({ answers: { llm_gateway_in_use: true } }), 'AI-GW-01');
    expect(gw.status).toBe('not-met');
    expect(gw.decidedBy).toBe('discover');
    expect(gw.conflicts[0]).toMatch(/answers \(self-attested\) says met/);
  });

  it('accepts further evidence sources through the EvidenceSource port', () => {
    const gateway: EvidenceSource = {
      kind: 'gateway-config',
      confidence: 'configured',
      description: 'gateway policy',
      collect: () => ({ verdicts: [{ controlId: 'AI-INJ-01', status: 'met', confidence: 'configured', source: 'gateway-config', reason: 'injection detector on', evidence: [] }] }),
    };
    const r2 = run({ sources: [gateway] });
    expect(control(r2, 'AI-INJ-01')).toMatchObject({ status: 'met', confidence: 'configured', credit: 0.9 });
    expect(r2.sources.map((s) => s.kind)).toEqual(['discover', 'answers', 'gateway-config']);
  });
});

describe('assess: changes move exactly the expected controls and scores', () => {
  const before = run();

  it('changing one answer changes one control, and only the frameworks it maps to', () => {
    const after = run({ answers: { provider_keys_in_vault: true } });
    expect(changed(before, after)).toEqual(['AI-KEY-02']);
    const key02 = CONTROLS.find((c) => c.id === 'AI-KEY-02');
    const totalWeight = before.controls.filter((c) => c.status !== 'not-applicable').reduce((a, c) => a + c.weight, 0);
    const expectedGain = (100 * control(after, 'AI-KEY-02').weight * 0.8) / totalWeight;
    expect((after.overall.score ?? 0) - (before.overall.score ?? 0)).toBeCloseTo(expectedGain, 0);
    for (const f of after.frameworks) {
      const prev = before.frameworks.find((x) => x.key === f.key);
      const maps = (key02?.mappings[f.key]?.length ?? 0) > 0;
      if (maps) expect(f.score).toBeGreaterThan(prev?.score ?? 0);
      else expect(f.score).toBe(prev?.score);
    }
    expect(after.fixList.some((x) => x.controlId === 'AI-KEY-02')).toBe(false);
  });

  it('a partial choice earns half credit, discounted as self-attested', () => {
    const after = run({ answers: { key_rotation_days: 180 } });
    expect(changed(before, after)).toEqual(['AI-KEY-03']);
    expect(control(after, 'AI-KEY-03')).toMatchObject({ status: 'partial', credit: 0.4 });
  });

  it('fixing one finding changes exactly that control to met', () => {
    const fixed: DiscoverResult = { ...discover, findings: discover.findings.filter((f) => f.rule !== 'hardcoded-key') };
    const after = run({ discover: fixed });
    expect(changed(before, after)).toEqual(['AI-KEY-01']);
    expect(control(after, 'AI-KEY-01')).toMatchObject({ status: 'met', confidence: 'observed' });
    expect(after.overall.score).toBeGreaterThan(before.overall.score ?? 0);
    expect(after.fixList[0]?.controlId).not.toBe('AI-KEY-01');
  });

  it('is deterministic', () => {
    expect(run()).toEqual(before);
  });
});

describe('assess: fix-list', () => {
  const r = run({ answers: { key_rotation_days: 180, ai_acceptable_use_policy: false } });

  it('every item cites a catalog control and at least one framework id that exists', () => {
    expect(r.fixList.length).toBeGreaterThan(10);
    for (const item of r.fixList) {
      expect(CONTROLS.some((c) => c.id === item.controlId)).toBe(true);
      const ids = Object.entries(item.frameworks).flatMap(([k, v]) => (v ?? []).map((id) => [k as FrameworkKey, id] as const));
      expect(ids.length).toBeGreaterThan(0);
      for (const [k, id] of ids) expect(frameworkItem(k, id), `${k} ${id}`).toBeDefined();
    }
  });

  it('is ordered by score gained per unit of effort, ranks 1..n', () => {
    const p = r.fixList.map((x) => x.priority);
    expect(p).toEqual([...p].sort((a, b) => b - a));
    expect(r.fixList.map((x) => x.rank)).toEqual(r.fixList.map((_, i) => i + 1));
    expect(r.fixList[0]).toMatchObject({ controlId: 'AI-KEY-01', effort: 'S' });
  });

  it('names the place and the Attest feature: call sites, keys, answers', () => {
    const gw = r.fixList.find((x) => x.controlId === 'AI-GW-01');
    expect(gw?.action).toBe('Route 2 LLM call sites through the Attest gateway with the injection guard on: app/chat.py:14, app/agent.py:30');
    expect(gw?.feature).toBe('Attest gateway');
    expect(r.fixList.find((x) => x.controlId === 'AI-KEY-01')?.action).toBe('Move 1 hard-coded key to the vault and rotate it: config/settings.py:12');
    const pol = r.fixList.find((x) => x.controlId === 'AI-POL-01');
    expect(pol?.triggers).toEqual([{ kind: 'answer', key: 'ai_acceptable_use_policy', value: false }]);
    const unknown = r.fixList.find((x) => x.controlId === 'AI-INC-01');
    expect(unknown?.action).toMatch(/answer `ai_incident_taxonomy` in attest.yaml/);
  });

  it('leaves out met and not-applicable controls', () => {
    const ids = new Set(r.fixList.map((x) => x.controlId));
    for (const c of r.controls) if (c.status === 'met' || c.status === 'not-applicable') expect(ids.has(c.id)).toBe(false);
  });
});

describe('assess: vendor reviews as evidence', () => {
  it('AI-VND-01 is met when every discovered provider is reviewed and passes, partial otherwise', () => {
    const good = { soc2_report: 'soc2-type2', no_training_on_customer_data: true, data_retention_days: 30, dpa_signed: true, subprocessors_disclosed: true, data_region_approved: true, incident_notification_hours: 24, security_review_current: true };
    const both = run({ vendors: [{ name: 'openai', kind: 'model-provider', answers: good }, { name: 'chroma', kind: 'data-provider', answers: good }] });
    expect(control(both, 'AI-VND-01')).toMatchObject({ status: 'met', confidence: 'self-attested' });
    const one = run({ vendors: [{ name: 'openai', kind: 'model-provider', answers: good }] });
    expect(control(one, 'AI-VND-01').status).toBe('partial');
    expect(control(one, 'AI-VND-01').evidence).toContainEqual(expect.objectContaining({ kind: 'vendor', name: 'chroma' }));
    const stubOnly = run({ vendors: [{ name: 'openai', kind: 'model-provider' }] });
    expect(control(stubOnly, 'AI-VND-01').status).toBe('unknown');
  });
});

describe('assess: guard and audit settings as configured evidence', () => {
  it('the default guard policy meets the injection and output controls at 90% credit; canaries need a list', () => {
    const r = run({ runtimeConfig: { guard: {} } });
    expect(control(r, 'AI-INJ-01')).toMatchObject({ status: 'met', confidence: 'configured', credit: 0.9, decidedBy: 'config' });
    expect(control(r, 'AI-INJ-02').status).toBe('met');
    expect(control(r, 'AI-OUT-01').status).toBe('met');
    expect(control(r, 'AI-OUT-02')).toMatchObject({ status: 'partial', reason: 'canary detector on with 0 canaries' });
    expect(control(r, 'AI-VAL-01').status).toBe('partial');
    // A guard policy says nothing about whether calls go through it: the finding still decides.
    expect(control(r, 'AI-GW-01').status).toBe('not-met');
  });

  it('turning detectors off or to allow is read as such', () => {
    const guard = { detectors: { injection: { action: { input: 'allow' } }, pii: { enabled: false } }, canaries: ['CANARY-123'] };
    const r = run({ runtimeConfig: { guard } });
    expect(control(r, 'AI-INJ-01').status).toBe('not-met');
    expect(control(r, 'AI-INJ-02').status).toBe('met');
    expect(control(r, 'AI-OUT-01')).toMatchObject({ status: 'partial', reason: 'output detectors on: secrets (of secrets, pii)' });
    expect(control(r, 'AI-OUT-02').status).toBe('met');
  });

  it('audit retention and signed checkpoints meet AI-LOG-03', () => {
    expect(control(run({ runtimeConfig: { audit: { retentionDays: 400, checkpoint: { everyEvents: 1000 } } } }), 'AI-LOG-03').status).toBe('met');
    expect(control(run({ runtimeConfig: { audit: { retentionDays: 400 } } }), 'AI-LOG-03').status).toBe('met'); // checkpoints default on
    expect(control(run({ runtimeConfig: { audit: { retentionDays: 400, checkpoint: { everyEvents: 0, everySeconds: 0 } } } }), 'AI-LOG-03').status).toBe('partial');
    expect(control(run({ runtimeConfig: { audit: {} } }), 'AI-LOG-03').status).toBe('partial');
    expect(control(run({ runtimeConfig: {} }), 'AI-LOG-03').status).toBe('unknown');
  });
});
