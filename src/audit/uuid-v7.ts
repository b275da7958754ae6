import { randomBytes } from 'node:crypto';

let lastMs = -1;
let counter = 0;
// Random bytes drawn 4 KiB at a time: one randomBytes call per 512 ids instead of one per id.
let pool = Buffer.alloc(0);
let poolAt = 0;

function random8(): Buffer {
  if (poolAt + 8 > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  poolAt += 8;
  return pool.subarray(poolAt - 8, poolAt);
}

/**
 * A UUID v7 (RFC 9562): 48-bit Unix milliseconds, then a 12-bit per-millisecond counter
 * (method 1 of §6.2, so ids made by one process sort in creation order), then 62 random bits
 * (CSPRNG, drawn from a pooled buffer).
 * @example uuidV7() // '01936f1e-2a4b-7000-8c3d-…'
 */
export function uuidV7(now: number = Date.now()): string {
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    counter++;
    if (counter > 0xfff) {
      // Counter exhausted within one millisecond: borrow the next millisecond.
      ms = lastMs + 1;
      counter = 0;
    }
  } else {
    counter = 0;
  }
  lastMs = ms;
  const b = Buffer.allocUnsafe(16);
  random8().copy(b, 8);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** True for a syntactically valid UUID v7. */
export function isUuidV7(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id);
}
