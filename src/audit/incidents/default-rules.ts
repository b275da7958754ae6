/**
 * The built-in incident rules. Thresholds are deliberately conservative; tune them per
 * deployment by passing your own list to `IncidentService` (see docs/incidents.md).
 */
import type { IncidentRule } from './incident-rule.js';

const MINUTE = 60_000;
const INJECTION = ['prompt-injection', 'indirect-injection', 'injection'];
const SENSITIVE = ['pii', 'credential', 'credentials', 'secret', 'api-key', 'canary', 'sensitive'];
/** Injection categories of Attest's own detector (src/guard/injection) that mean a jailbreak attempt. */
const JAILBREAK = ['jailbreak', 'roleplay-jailbreak', 'adversarial-suffix'];

/**
 * Verdicts match both Attest's guard vocabulary (`detector` = injection | secrets | pii | canary, as
 * `guardVerdictEvents` writes them) and generic category names used by other producers via ingest.
 */
const INJECTION_VERDICT = [[{ path: 'data.detector', eq: 'injection' }], [{ path: 'data.categories', includesAny: INJECTION }]];
const SENSITIVE_VERDICT = [[{ path: 'data.detector', in: ['secrets', 'pii', 'canary'] }], [{ path: 'data.categories', includesAny: SENSITIVE }]];

export const DEFAULT_RULES: readonly IncidentRule[] = [
  {
    id: 'jailbreak-answered',
    kind: 'sequence',
    category: 'jailbreak-succeeded',
    title: 'Jailbreak detected at the input, and the model answered',
    first: { type: 'guard.verdict', where: [{ path: 'data.categories', includesAny: JAILBREAK }, { path: 'data.action', in: ['alert', 'block'] }] },
    then: { type: 'model.response' },
    correlate: 'requestId',
    withinMs: 10 * MINUTE,
    dedupe: ['requestId'],
  },
  {
    id: 'injection-changed-behaviour',
    kind: 'sequence',
    category: 'prompt-injection',
    title: 'Prompt injection detected, then the model answered or called a tool in the same request',
    first: {
      type: 'guard.verdict',
      where: [{ path: 'data.categories', includesAny: JAILBREAK, not: true }, { path: 'data.action', in: ['alert', 'block'] }],
      anyOf: INJECTION_VERDICT,
    },
    then: { type: ['model.response', 'tool.call'], where: [{ path: 'data.outcome', ne: 'denied' }] },
    correlate: 'requestId',
    withinMs: 10 * MINUTE,
    dedupe: ['requestId'],
  },
  {
    id: 'rag-cross-tenant',
    kind: 'single',
    category: 'rag-exfiltration',
    severity: 'critical',
    title: 'Retrieval returned another tenant’s document',
    match: { type: 'retrieval', where: [{ path: 'data.documents', some: [{ path: 'allowed', eq: true }, { path: 'tenant', exists: true, neRef: '$.actor.tenant' }] }] },
    dedupe: ['session', 'actor.id'],
  },
  {
    id: 'rag-denied-documents',
    kind: 'single',
    category: 'rag-exfiltration',
    severity: 'medium',
    title: 'Retrieval attempted documents the user may not read',
    match: { type: 'retrieval', where: [{ path: 'data.documents', some: [{ path: 'allowed', eq: false }] }] },
    dedupe: ['session', 'actor.id'],
  },
  {
    id: 'sensitive-output-released',
    kind: 'single',
    category: 'sensitive-output',
    title: 'Sensitive data in a model output was released (not redacted or blocked)',
    match: { type: 'guard.verdict', where: [{ path: 'data.stage', eq: 'output' }, { path: 'data.action', in: ['allow', 'alert'] }], anyOf: SENSITIVE_VERDICT },
    dedupe: ['requestId', 'session'],
  },
  {
    id: 'tool-denied-then-executed',
    kind: 'sequence',
    category: 'unapproved-tool-use',
    title: 'A tool call was denied or awaiting approval, then executed without an approval',
    first: { type: 'tool.call', where: [{ path: 'data.outcome', in: ['denied', 'pending-approval'] }] },
    then: { type: 'tool.call', where: [{ path: 'data.outcome', eq: 'allowed' }] },
    unless: { type: 'approval.decision', where: [{ path: 'data.decision', eq: 'approved' }] },
    correlate: 'session',
    same: ['data.tool'],
    withinMs: 60 * MINUTE,
    dedupe: ['session', 'data.tool'],
  },
  {
    id: 'approval-rejected-then-executed',
    kind: 'sequence',
    category: 'unapproved-tool-use',
    severity: 'critical',
    title: 'A tool call ran after its approval was rejected or expired',
    first: { type: 'approval.decision', where: [{ path: 'data.decision', in: ['rejected', 'expired'] }] },
    then: { type: 'tool.call', where: [{ path: 'data.outcome', eq: 'allowed' }] },
    correlate: 'data.approvalId',
    withinMs: 24 * 60 * MINUTE,
    dedupe: ['data.approvalId'],
  },
  {
    id: 'revoked-key-used',
    kind: 'single',
    category: 'key-misuse',
    title: 'A revoked or expired key was presented',
    match: { type: 'key.use', where: [{ path: 'data.outcome', in: ['revoked', 'expired'] }] },
    dedupe: ['data.keyId'],
  },
  {
    id: 'key-new-source-ip',
    kind: 'novelty',
    category: 'key-misuse',
    severity: 'medium',
    title: 'A key was used from a source IP it has not been used from before',
    match: { type: 'key.use', where: [{ path: 'data.sourceIp', exists: true }, { path: 'data.outcome', eq: 'ok' }] },
    groupBy: 'data.keyId',
    value: 'data.sourceIp',
    minHistory: 3,
    dedupe: ['data.keyId', 'data.sourceIp'],
  },
  {
    id: 'unreviewed-model-or-prompt-change',
    kind: 'single',
    category: 'unreviewed-change',
    title: 'The model or a prompt changed without review',
    match: { type: 'config.change', where: [{ path: 'data.reviewed', ne: true }, { path: 'data.key', containsAny: ['model', 'prompt'] }] },
    dedupe: ['id'],
  },
  {
    id: 'token-burst',
    kind: 'threshold',
    category: 'denial-of-wallet',
    title: 'One actor sent more than 500k input tokens within an hour',
    match: { type: 'model.request', where: [{ path: 'data.inputTokens', exists: true }] },
    groupBy: 'actor.id',
    sum: 'data.inputTokens',
    atLeast: 500_000,
    windowMs: 60 * MINUTE,
    dedupe: ['actor.id'],
  },
  {
    id: 'rate-limit-storm',
    kind: 'threshold',
    category: 'denial-of-wallet',
    severity: 'low',
    title: 'A key hit its rate limit 20 times within 10 minutes',
    match: { type: 'key.use', where: [{ path: 'data.outcome', eq: 'rate-limited' }] },
    groupBy: 'data.keyId',
    atLeast: 20,
    windowMs: 10 * MINUTE,
    dedupe: ['data.keyId'],
  },
];
