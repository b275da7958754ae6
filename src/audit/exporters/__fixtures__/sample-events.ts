// Test-only: varied audit events, including awkward strings (pipes, equals, backslashes, quotes,
// brackets, newlines, non-ASCII) that every formatter must carry intact.
import type { AuditEventInput } from '../../event.js';

const AWKWARD = ['a|b', 'x=y', 'back\\slash', 'quote"d', 'br]acket', 'line\nbreak', 'crlf\r\nend', 'ünïcödé ✓', ''];

/** `n` events starting at number `from`, cycling through all event shapes. */
export function sampleEvents(n: number, from = 0): AuditEventInput[] {
  const out: AuditEventInput[] = [];
  for (let i = from; i < from + n; i++) {
    const tag = AWKWARD[i % AWKWARD.length] ?? '';
    const actor = { id: `user-${i % 5}${tag ? `-${tag}` : ''}`, kind: 'user' as const, tenant: `t${i % 2}` };
    const base = { actor, session: `s-${i % 7}`, requestId: `r-${i}`, source: 'test' };
    switch (i % 6) {
      case 0:
        out.push({ ...base, type: 'model.request', data: { provider: 'openai', model: `gpt-${tag}`, keyId: 'k1', inputTokens: i } });
        break;
      case 1:
        out.push({ ...base, type: 'model.response', data: { provider: 'openai', model: 'gpt-4o', outputTokens: i, finishReason: tag || 'stop' } });
        break;
      case 2:
        out.push({ ...base, type: 'tool.call', data: { tool: `shell${tag}`, outcome: i % 4 === 0 ? 'denied' : 'allowed' } });
        break;
      case 3:
        out.push({ ...base, type: 'retrieval', data: { index: 'kb', documents: [{ id: `doc-${i}`, labels: ['internal'], allowed: true }] } });
        break;
      case 4:
        out.push({ ...base, type: 'guard.verdict', data: { detector: 'injection', action: 'block', stage: 'input', categories: ['prompt-injection', tag] } });
        break;
      default:
        out.push({ ...base, type: 'config.change', data: { component: 'gateway', key: 'model', reviewed: false, before: tag, after: 'gpt-5' } });
    }
  }
  return out;
}
