/**
 * The `audit:` section of attest.yaml: its JSON Schema (imported by the config loader) and
 * its TypeScript shape. Every field is optional; defaults are listed in `AUDIT_DEFAULTS`.
 */

/** A legal hold as written in config (holds can also be added at run time: `attest audit hold add`). */
export interface LegalHoldConfig {
  readonly id: string;
  readonly actor?: string;
  readonly session?: string;
  readonly since?: string;
  readonly until?: string;
  readonly reason?: string;
}

export interface AuditConfig {
  readonly store?: 'sqlite' | 'postgres';
  /** SQLite database file. */
  readonly path?: string;
  /** PostgreSQL connection string; prefer env ATTEST_AUDIT_PG_URL so passwords stay out of files. */
  readonly url?: string;
  /** PostgreSQL schema for the audit tables. */
  readonly schema?: string;
  /** This process's writer (chain) id. */
  readonly writer?: string;
  /** How prompt/output/argument/query bodies are kept. */
  readonly content?: 'store' | 'hash' | 'redact';
  /** Days to keep events; absent = keep forever. */
  readonly retentionDays?: number;
  readonly legalHolds?: readonly LegalHoldConfig[];
  readonly checkpoint?: { readonly everyEvents?: number; readonly everySeconds?: number };
  /** Ed25519 private key file (PEM); generated on first use. Env ATTEST_AUDIT_SIGNING_KEY overrides. */
  readonly signingKey?: string;
  /** Public key files trusted for checkpoints (default: the signing key's public half). */
  readonly trustedKeys?: readonly string[];
}

export const AUDIT_DEFAULTS = {
  store: 'sqlite',
  path: '.attest/audit.db',
  schema: 'attest_audit',
  writer: 'default',
  content: 'store',
  checkpoint: { everyEvents: 1000, everySeconds: 60 },
  signingKey: '.attest/audit-signing.key',
} as const;

// A pattern rather than format: 'date-time', so the config loader's ajv needs no format plugin.
const isoDate = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:.]{2,18}(Z|[+-][0-9]{2}:?[0-9]{2})?)?$' } as const;

/** JSON Schema of the `audit:` section. */
export const auditConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    store: { enum: ['sqlite', 'postgres'], description: 'sqlite (embedded, default) or postgres (several writers).' },
    path: { type: 'string', minLength: 1, description: 'SQLite database file (default .attest/audit.db).' },
    url: { type: 'string', pattern: '^postgres(ql)?://', description: 'PostgreSQL URL; prefer env ATTEST_AUDIT_PG_URL.' },
    schema: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,62}$', description: 'PostgreSQL schema (default attest_audit).' },
    writer: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$', description: 'Writer (chain) id of this process.' },
    content: { enum: ['store', 'hash', 'redact'], description: 'Keep bodies verbatim, only their SHA-256, or redacted.' },
    retentionDays: { type: 'integer', minimum: 1, description: 'Days to keep events; absent keeps forever.' },
    legalHolds: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: {
          id: { type: 'string', minLength: 1 },
          actor: { type: 'string', minLength: 1 },
          session: { type: 'string', minLength: 1 },
          since: isoDate,
          until: isoDate,
          reason: { type: 'string' },
        },
      },
    },
    checkpoint: {
      type: 'object',
      additionalProperties: false,
      properties: {
        everyEvents: { type: 'integer', minimum: 0, description: 'Checkpoint after this many events (0 = off).' },
        everySeconds: { type: 'integer', minimum: 0, description: 'Checkpoint this often when there are new events (0 = off).' },
      },
    },
    signingKey: { type: 'string', minLength: 1, description: 'Ed25519 private key file (generated with mode 0600 on first use).' },
    trustedKeys: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Public key files trusted for checkpoints.' },
  },
} as const;
