/**
 * `openStore(config)`: the one way the CLI, the gateway and other producers open the
 * configured audit store with its signing key.
 */
import { existsSync } from 'node:fs';
import { AttestError } from '../../core/errors.js';
import type { ChainedAuditStore } from '../chained-audit-store.js';
import { AUDIT_DEFAULTS, type AuditConfig } from '../config-schema.js';
import type { Redactor } from '../content-policy.js';
import { guardRedactor } from './guard-redactor.js';
import { PostgresAuditStore } from '../stores/postgres-audit-store.js';
import { SqliteAuditStore } from '../stores/sqlite-audit-store.js';
import { loadSigner, publicKeyPathFor, readPublicKey } from './signing-key-file.js';

export const PG_URL_ENV = 'ATTEST_AUDIT_PG_URL';

export interface OpenStoreOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Readers (verify, query, prove) do not create a signing key when none exists; writers do.
   * Default false (writer).
   */
  readonly readOnly?: boolean;
  /** Redactor for content mode `redact` (default: the guard's sensitive-data detectors). */
  readonly redactor?: Redactor;
  /** Override checkpoint timing (tests, benchmarks). */
  readonly checkpoint?: { readonly everyEvents?: number; readonly everySeconds?: number; readonly onClose?: boolean };
}

/** Open the audit store described by `config` (the `audit:` section). */
export async function openStore(config: AuditConfig = {}, opts: OpenStoreOptions = {}): Promise<ChainedAuditStore> {
  const env = opts.env ?? process.env;
  const signer = loadSigner({ keyPath: config.signingKey ?? AUDIT_DEFAULTS.signingKey, env, create: !opts.readOnly });
  const common = {
    writerId: config.writer ?? AUDIT_DEFAULTS.writer,
    content: { mode: config.content ?? AUDIT_DEFAULTS.content, redactor: opts.redactor ?? guardRedactor },
    checkpoint: { ...AUDIT_DEFAULTS.checkpoint, ...config.checkpoint, ...opts.checkpoint },
    ...(signer ? { signer } : {}),
  };
  if ((config.store ?? AUDIT_DEFAULTS.store) === 'postgres') {
    const url = config.url ?? env[PG_URL_ENV];
    if (!url) throw new AttestError('BAD_CONFIG', `audit.store is postgres but neither audit.url nor ${PG_URL_ENV} is set`, { where: 'attest.yaml' });
    return PostgresAuditStore.open({ ...common, url, schema: config.schema ?? AUDIT_DEFAULTS.schema });
  }
  const path = config.path ?? AUDIT_DEFAULTS.path;
  // Readers never create a database: a typo in the path should not look like an empty, intact log.
  if (opts.readOnly && !existsSync(path)) throw new AttestError('NOT_FOUND', 'no audit database here (set audit.path or --db)', { where: path });
  return new SqliteAuditStore({ ...common, path });
}

/**
 * Public keys (base64 SPKI) trusted for checkpoints: the configured `trustedKeys` files, else
 * the signing key's public half (env key, key file or its `.pub`). Empty when none is found.
 */
export function trustedKeysFor(config: AuditConfig = {}, env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  if (config.trustedKeys && config.trustedKeys.length > 0) return config.trustedKeys.map(readPublicKey);
  const signer = loadSigner({ keyPath: config.signingKey ?? AUDIT_DEFAULTS.signingKey, env, create: false });
  if (signer) return [signer.publicKey];
  try {
    return [readPublicKey(publicKeyPathFor(config.signingKey ?? AUDIT_DEFAULTS.signingKey))];
  } catch {
    return [];
  }
}
