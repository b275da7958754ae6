import { describe, expect, it } from 'vitest';
import { frameworkItem, type FrameworkKey } from '../../catalog/frameworks.js';
import type { DiscoverResult } from '../../discover/model.js';
import small from '../__fixtures__/discover-small.json' with { type: 'json' };
import { discoveredVendors } from './discovered-vendors.js';
import { assessVendor, assessVendors } from './vendor-assessment.js';
import { VENDOR_QUESTIONS } from './vendor-questionnaire.js';

describe('vendor questionnaire', () => {
  it('maps every question to AI-VND-01/02 and framework ids that exist', () => {
    for (const q of VENDOR_QUESTIONS) {
      expect(['AI-VND-01', 'AI-VND-02']).toContain(q.controlId);
      const ids = Object.entries(q.frameworks).flatMap(([k, v]) => (v ?? []).map((id) => [k as FrameworkKey, id] as const));
      expect(ids.length).toBeGreaterThan(0);
      for (const [k, id] of ids) expect(frameworkItem(k, id), `${q.key} ${k} ${id}`).toBeDefined();
    }
  });
});

describe('assessVendor', () => {
  it('scores answers, caps the grade when a critical answer fails, and lists fixes', () => {
    const strong = assessVendor({
      name: 'openai',
      kind: 'model-provider',
      answers: { soc2_report: 'soc2-type2', no_training_on_customer_data: true, data_retention_days: 30, dpa_signed: true, subprocessors_disclosed: true, data_region_approved: true, incident_notification_hours: 24, security_review_current: true },
    });
    expect(strong).toMatchObject({ score: 80, grade: 'B', answered: 8, fixList: [] });
    const trains = assessVendor({ name: 'x', kind: 'model-provider', answers: { soc2_report: 'soc2-type2', no_training_on_customer_data: false, data_retention_days: 0, dpa_signed: true, subprocessors_disclosed: true, data_region_approved: true, incident_notification_hours: 24, security_review_current: true } });
    expect(trains.fixList[0]).toMatchObject({ key: 'no_training_on_customer_data', controlId: 'AI-VND-01' });
    expect(trains.grade).not.toBe('A');
    const mcp = assessVendor({ name: 'fs', kind: 'mcp-server', answers: {} });
    expect(mcp.questions.map((q) => q.key)).toContain('mcp_auth_required');
    expect(mcp.questions.map((q) => q.key)).not.toContain('soc2_report');
    expect(mcp).toMatchObject({ score: 0, grade: 'F', answered: 0 });
    expect(mcp.fixList[0]?.action).toMatch(/^Ask fs: /);
  });

  it('pre-fills vendors from the inventory and lists the unreviewed ones', () => {
    const found = discoveredVendors(small as unknown as DiscoverResult);
    expect(found.map((v) => `${v.kind}:${v.name}`)).toEqual(['data-provider:chroma', 'mcp-server:filesystem', 'model-provider:openai']);
    expect(found.find((v) => v.name === 'openai')?.seenAt).toEqual(['requirements.txt:3', 'app/chat.py:1', 'app/chat.py:14']);
    const report = assessVendors([{ name: 'OpenAI', kind: 'model-provider', answers: { dpa_signed: true } }], found, { generatedAt: 't', toolVersion: 'v' });
    expect(report.unreviewed.map((v) => v.name)).toEqual(['chroma', 'filesystem']);
  });
});
