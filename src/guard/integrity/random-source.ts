/** Randomness is passed in (the guard core does no I/O): a function returning `n` random bytes. */
export type RandomBytes = (n: number) => Uint8Array;

/** The Web Crypto source, where the runtime has one (Node 20, browsers, workers). */
export function webCryptoRandom(): RandomBytes {
  return (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** Lower-case hex of `n` random bytes. */
export function randomHex(random: RandomBytes, n: number): string {
  const bytes = random(n);
  if (bytes.length < n) throw new RangeError(`random source returned ${bytes.length} of ${n} bytes`);
  let s = '';
  for (let i = 0; i < n; i++) s += (bytes[i] ?? 0).toString(16).padStart(2, '0');
  return s;
}
