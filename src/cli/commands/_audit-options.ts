/**
 * Shared flags of the `attest audit` subcommands and how they combine with the `audit:`
 * section of attest.yaml (flags win). The PostgreSQL URL comes from config or env
 * ATTEST_AUDIT_PG_URL only — never a flag, so passwords stay out of `ps` and shell history.
 */
import { existsSync } from 'node:fs';
import { Ajv } from 'ajv';
import { AttestError } from '../../core/errors.js';
import { auditConfigSchema, type AuditConfig } from '../../audit/config-schema.js';

export const storeArgs = {
  config: { type: 'string', description: 'attest.yaml to read the audit: section from (default ./attest.yaml when present)' },
  store: { type: 'string', description: 'sqlite | postgres (postgres reads its URL from audit.url or ATTEST_AUDIT_PG_URL)' },
  db: { type: 'string', description: 'SQLite database file (default .attest/audit.db)' },
  schema: { type: 'string', description: 'PostgreSQL schema (default attest_audit)' },
  writer: { type: 'string', description: 'writer (chain) id for appends (default "default")' },
  'signing-key': { type: 'string', description: 'Ed25519 key file (default .attest/audit-signing.key; env ATTEST_AUDIT_SIGNING_KEY wins)' },
} as const;

export interface StoreFlags {
  readonly config?: string | undefined;
  readonly store?: string | undefined;
  readonly db?: string | undefined;
  readonly schema?: string | undefined;
  readonly writer?: string | undefined;
  readonly 'signing-key'?: string | undefined;
}

let validate: ReturnType<Ajv['compile']> | undefined;

/** The effective audit config: attest.yaml's `audit:` section (validated), overlaid with flags. */
export async function resolveAuditConfig(flags: StoreFlags): Promise<AuditConfig> {
  let fromFile: AuditConfig = {};
  const file = flags.config ?? (existsSync('attest.yaml') ? 'attest.yaml' : undefined);
  if (file) {
    const { loadConfigFile, ConfigProblemsError } = await import('../../config/load-config.js');
    let config: { readonly audit?: unknown };
    try {
      ({ config } = await loadConfigFile(file));
    } catch (err) {
      // One line for the first problem (`attest.yaml:3: audit.store: …`), not just a count.
      const p = err instanceof ConfigProblemsError ? err.problems[0] : undefined;
      if (p) throw new AttestError('BAD_CONFIG', `${p.path ? `${p.path}: ` : ''}${p.message}`, { where: file, line: p.line });
      throw err;
    }
    const section = config.audit ?? {};
    validate ??= new Ajv({ strict: true }).compile(auditConfigSchema);
    if (!validate(section)) {
      const e = validate.errors![0]!;
      const path = `audit${e.instancePath.split('/').filter(Boolean).map((p) => `.${p}`).join('')}`;
      const allowed = e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
      throw new AttestError('BAD_CONFIG', `${path}: ${e.message ?? 'invalid'}${allowed}`, { where: file });
    }
    fromFile = section as AuditConfig;
  }
  if (flags.store !== undefined && flags.store !== 'sqlite' && flags.store !== 'postgres') {
    throw new AttestError('BAD_INPUT', `--store must be sqlite or postgres, got "${flags.store}"`, { where: '--store' });
  }
  if (flags.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(flags.schema)) throw new AttestError('BAD_INPUT', 'invalid schema name', { where: '--schema' });
  if (flags.writer !== undefined && !/^[A-Za-z0-9._:-]{1,128}$/.test(flags.writer)) throw new AttestError('BAD_INPUT', 'writer id must be 1-128 of A-Z a-z 0-9 . _ : -', { where: '--writer' });
  return {
    ...fromFile,
    ...(flags.db !== undefined ? { store: 'sqlite' as const, path: flags.db } : {}),
    ...(flags.store !== undefined ? { store: flags.store } : {}),
    ...(flags.schema !== undefined ? { schema: flags.schema } : {}),
    ...(flags.writer !== undefined ? { writer: flags.writer } : {}),
    ...(flags['signing-key'] !== undefined ? { signingKey: flags['signing-key'] } : {}),
  };
}

/** An ISO 8601 flag value, normalised; one-line error naming the flag otherwise. */
export function isoFlag(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (!Number.isFinite(t)) throw new AttestError('BAD_INPUT', `not an ISO 8601 date/time: "${value.slice(0, 40)}"`, { where: flag });
  return new Date(t).toISOString();
}

/** A non-negative integer flag value. */
export function intFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]{1,15}$/.test(value)) throw new AttestError('BAD_INPUT', `must be a non-negative integer, got "${value.slice(0, 20)}"`, { where: flag });
  return Number(value);
}
