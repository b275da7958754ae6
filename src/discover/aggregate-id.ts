/**
 * A stable 64-bit id (16 hex chars) from string parts: FNV-1a over two independent 32-bit lanes.
 * Not a security hash; it only lines findings up across runs.
 * @example stableId(['hardcoded-key', 'src/config.ts', '12']) // '9f0c…' (same input, same id)
 */
export function stableId(parts: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
