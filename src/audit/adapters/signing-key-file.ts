/**
 * Loads the audit signing key (Ed25519): from env `ATTEST_AUDIT_SIGNING_KEY` (PEM or base64
 * PKCS#8 DER), else from a key file (PEM), generating it on first use with mode 0600 and
 * writing the public key beside it (`<name>.pub`, PEM SPKI) for offline proof checks.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AttestError } from '../../core/errors.js';
import { signerFromKey, type Signer } from '../signed-statement.js';

export const DEFAULT_SIGNING_KEY_PATH = '.attest/audit-signing.key';
export const SIGNING_KEY_ENV = 'ATTEST_AUDIT_SIGNING_KEY';

export interface SigningKeyOptions {
  readonly keyPath?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Generate the key file when missing (default true). */
  readonly create?: boolean;
}

/** Path of the public key written beside a private key file. */
export function publicKeyPathFor(keyPath: string): string {
  return keyPath.endsWith('.key') ? `${keyPath.slice(0, -4)}.pub` : `${keyPath}.pub`;
}

function parsePrivate(text: string, where: string): KeyObject {
  try {
    const t = text.trim();
    return t.startsWith('-----') ? createPrivateKey(t) : createPrivateKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    // Never echo key material: name the source only.
    throw new AttestError('BAD_CONFIG', 'audit signing key is not a valid Ed25519 private key (PEM or base64 PKCS#8)', { where });
  }
}

/** Load (or create) the signer. Returns undefined only when missing and `create` is false. */
export function loadSigner(opts: SigningKeyOptions = {}): Signer | undefined {
  const env = opts.env ?? process.env;
  const fromEnv = env[SIGNING_KEY_ENV];
  if (fromEnv) return checkedSigner(parsePrivate(fromEnv, SIGNING_KEY_ENV), SIGNING_KEY_ENV);
  const keyPath = opts.keyPath ?? DEFAULT_SIGNING_KEY_PATH;
  let pem: string | undefined;
  try {
    pem = readFileSync(keyPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new AttestError('IO', `cannot read audit signing key: ${(err as Error).message}`, { where: keyPath });
  }
  if (pem === undefined) {
    if (opts.create === false) return undefined;
    pem = createKeyFile(keyPath);
  }
  return checkedSigner(parsePrivate(pem, keyPath), keyPath);
}

function checkedSigner(key: KeyObject, where: string): Signer {
  if (key.asymmetricKeyType !== 'ed25519') throw new AttestError('BAD_CONFIG', `audit signing key must be Ed25519, got ${key.asymmetricKeyType}`, { where });
  return signerFromKey(key);
}

function createKeyFile(keyPath: string): string {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  mkdirSync(dirname(keyPath), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(keyPath, pem, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(keyPath, 'utf8');
    throw new AttestError('IO', `cannot write audit signing key: ${(err as Error).message}`, { where: keyPath });
  }
  writeFileSync(publicKeyPathFor(keyPath), publicKey.export({ format: 'pem', type: 'spki' }).toString(), { mode: 0o644 });
  return pem;
}

/**
 * Read a public key (base64 SPKI DER) from a file holding a PEM public key, a PEM private
 * key (its public half is used) or base64 SPKI DER.
 */
export function readPublicKey(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (err) {
    throw new AttestError((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'NOT_FOUND' : 'IO', `cannot read public key: ${(err as Error).message}`, { where: path });
  }
  try {
    const key = text.includes('PRIVATE KEY')
      ? createPublicKey(createPrivateKey(text))
      : text.startsWith('-----')
        ? createPublicKey(text)
        : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    return key.export({ format: 'der', type: 'spki' }).toString('base64');
  } catch {
    throw new AttestError('BAD_INPUT', 'not an Ed25519 public key (PEM or base64 SPKI)', { where: path });
  }
}
