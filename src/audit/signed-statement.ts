/**
 * Ed25519-signed statements (checkpoints and prune records). The signature covers the
 * canonical JSON of the statement without its `signature` and `hash` fields; `hash` is
 * SHA-256 over the same bytes and is what the next checkpoint links to.
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { sha256Hex } from './_sha256.js';
import { canonicalJson } from './canonical-json.js';

/** Holds a private key; exposes only what signing needs. */
export interface Signer {
  /** First 16 hex chars of SHA-256 over the SPKI DER public key. */
  readonly keyId: string;
  /** Base64 SPKI DER of the public key. */
  readonly publicKey: string;
  sign(data: Uint8Array): string;
}

export interface SignedFields {
  readonly keyId: string;
  readonly publicKey: string;
  readonly signature: string;
  readonly hash: string;
}

export type StatementCheck = 'ok' | 'bad-hash' | 'bad-signature' | 'untrusted-key';

/** Key id of a base64 SPKI DER public key. */
export function keyIdOf(publicKeyB64: string): string {
  return sha256Hex(Buffer.from(publicKeyB64, 'base64')).slice(0, 16);
}

function signedBytes(stmt: Record<string, unknown>): Buffer {
  const { signature: _s, hash: _h, ...body } = stmt;
  return Buffer.from(canonicalJson(body), 'utf8');
}

/** Sign a statement body with `signer`; adds keyId, publicKey, signature and hash. */
export function signStatement<T extends object>(body: T, signer: Signer): T & SignedFields {
  const withKey = { ...body, keyId: signer.keyId, publicKey: signer.publicKey };
  const bytes = signedBytes(withKey);
  return { ...withKey, signature: signer.sign(bytes), hash: sha256Hex(bytes) };
}

/**
 * Check a statement's hash and signature, and that its key is one of `trusted` (base64 SPKI)
 * when a trust list is given. Without a trust list only self-consistency is checked.
 */
export function checkStatement(stmt: SignedFields & object, trusted?: readonly string[]): StatementCheck {
  const bytes = signedBytes(stmt as unknown as Record<string, unknown>);
  if (sha256Hex(bytes) !== stmt.hash) return 'bad-hash';
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(stmt.publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return 'bad-signature';
    if (!verify(null, bytes, key, Buffer.from(stmt.signature, 'base64'))) return 'bad-signature';
  } catch {
    return 'bad-signature';
  }
  if (keyIdOf(stmt.publicKey) !== stmt.keyId) return 'bad-signature';
  if (trusted && trusted.length > 0 && !trusted.includes(stmt.publicKey)) return 'untrusted-key';
  return 'ok';
}

/** A Signer over an Ed25519 private KeyObject. */
export function signerFromKey(privateKey: KeyObject): Signer {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('audit signing key must be Ed25519');
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
  return { keyId: keyIdOf(publicKey), publicKey, sign: (data) => sign(null, data, privateKey).toString('base64') };
}
