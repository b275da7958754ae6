import { createHash } from 'node:crypto';

/** SHA-256 of a UTF-8 string or bytes, lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 over the concatenation of byte strings, raw bytes. */
export function sha256Bytes(...parts: Uint8Array[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}
