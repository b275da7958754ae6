/**
 * Read audit-trail statistics for `attest assess`: counts by type over the period and a chain
 * verification, from the store the `audit:` section describes. Opens the store read-only and
 * never creates one: a missing SQLite file is reported as NOT_FOUND.
 */
import { existsSync } from 'node:fs';
import { openStore, trustedKeysFor } from '../../audit/adapters/open-store.js';
import { AUDIT_DEFAULTS, type AuditConfig } from '../../audit/config-schema.js';
import { AttestError } from '../../core/errors.js';
import type { AuditStats } from '../sources/audit-stats-evidence-source.js';

export async function readAuditStats(config: AuditConfig, opts: { readonly days: number; readonly now: Date }): Promise<AuditStats> {
  const postgres = (config.store ?? AUDIT_DEFAULTS.store) === 'postgres';
  const path = config.path ?? AUDIT_DEFAULTS.path;
  if (!postgres && !existsSync(path)) throw new AttestError('NOT_FOUND', 'no audit trail yet', { where: path });
  const since = new Date(opts.now.getTime() - opts.days * 86_400_000).toISOString();
  // Read-only: no signing key is created and no checkpoint is written on close.
  const store = await openStore(config, { readOnly: true, checkpoint: { everyEvents: 0, everySeconds: 0, onClose: false } });
  try {
    const byType: Record<string, number> = {};
    const guard: Record<string, number> = {};
    let events = 0;
    let retrievalsWithDenied = 0;
    for await (const e of store.query({ since })) {
      events++;
      byType[e.type] = (byType[e.type] ?? 0) + 1;
      if (e.type === 'guard.verdict') {
        const k = `${e.data.detector}/${e.data.stage}`;
        guard[k] = (guard[k] ?? 0) + 1;
      } else if (e.type === 'retrieval' && e.data.documents.some((d) => !d.allowed)) retrievalsWithDenied++;
    }
    const report = await store.verify({ trustedKeys: trustedKeysFor(config) });
    return {
      store: postgres ? `postgres ${config.schema ?? AUDIT_DEFAULTS.schema}` : `sqlite ${path}`,
      days: opts.days,
      since,
      events,
      byType,
      guard,
      retrievalsWithDenied,
      verify: {
        ok: report.ok,
        checkpoints: report.checkpoints,
        keysTrusted: report.keysTrusted,
        ...(report.firstBreak ? { firstBreak: report.firstBreak.message } : {}),
      },
    };
  } finally {
    await store.close();
  }
}
