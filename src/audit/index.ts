/**
 * `attest/audit`: the tamper-evident audit trail. Event model, store port, SQLite and
 * PostgreSQL stores, checkpoints, inclusion proofs, verification, ingest validation.
 */
export * from './event.js';
export type { AuditStore, EventQuery } from './store.js';
export { ChainedAuditStore, rowToEvent, type VerifiableStore, type ChainedStoreOptions, type CheckpointPolicy, type ProveResult } from './chained-audit-store.js';
export { SqliteAuditStore, DEFAULT_SQLITE_PATH, type SqliteStoreOptions } from './stores/sqlite-audit-store.js';
export { PostgresAuditStore, type PostgresStoreOptions } from './stores/postgres-audit-store.js';
export { openStore, trustedKeysFor, PG_URL_ENV, type OpenStoreOptions } from './adapters/open-store.js';
export { loadSigner, readPublicKey, publicKeyPathFor, DEFAULT_SIGNING_KEY_PATH, SIGNING_KEY_ENV } from './adapters/signing-key-file.js';
export { auditConfigSchema, AUDIT_DEFAULTS, type AuditConfig, type LegalHoldConfig } from './config-schema.js';
export { canonicalJson } from './canonical-json.js';
export { computeEventHash, GENESIS_HASH } from './hash-chain.js';
export { merkleRoot, auditPath, verifyInclusion, leafHash } from './merkle.js';
export type { Checkpoint, PruneRecord, WriterHead } from './checkpoint.js';
export { checkProof, type InclusionProof, type ProofCheck } from './proof.js';
export { verifyLog, type VerifyReport, type ChainBreak, type BreakKind, type VerifyOptions } from './verify.js';
export { contentBody, applyContentPolicy, defaultRedactor, type ContentPolicy, type Redactor } from './content-policy.js';
export { validateEventInput, type EventValidation } from './event-validator.js';
export { ingestJsonl, type IngestOptions, type IngestResult } from './adapters/ingest-jsonl.js';
export type { LegalHold, RetentionResult } from './retention.js';
export type { Signer } from './signed-statement.js';
export { uuidV7 } from './uuid-v7.js';
export { guardVerdictEvents, type VerdictContext } from './guard-verdict-events.js';
