import type { EvasionKind, InjectionCategory } from './types.js';

/** Signature hit in ORIGINAL coordinates, the form windows and spans use. */
export interface PlacedHit {
  readonly rule: string;
  readonly category: InjectionCategory;
  readonly weight: number;
  readonly start: number;
  readonly end: number;
}

const CATEGORIES: readonly InjectionCategory[] = [
  'instruction-override', 'roleplay-jailbreak', 'system-prompt-extraction', 'obfuscation', 'payload-splitting',
  'exfiltration', 'tool-abuse', 'adversarial-suffix', 'other',
];

/** Names of the dense features, in order (stored beside the weights in the model JSON). */
export const DENSE_FEATURE_NAMES: readonly string[] = [
  'sig-max', 'sig-strong-count', 'sig-medium', 'sig-weak',
  ...CATEGORIES.map((c) => `cat:${c}`),
  'evasion-invisible', 'evasion-homoglyph', 'evasion-leet-spacing', 'encoded-segment', 'log-length',
  'embedded-request',
];

/**
 * Dense features of one window: signature evidence inside it, text-wide evasion signals, and
 * whether the window holds a request addressed to the assistant inside a long text (`embedded-request.ts`).
 */
export function denseFeatures(
  hits: readonly PlacedHit[],
  from: number,
  to: number,
  evasion: ReadonlySet<EvasionKind>,
  hasEncoded: boolean,
  length: number,
  embeddedRequest = false,
): Float64Array {
  const d = new Float64Array(DENSE_FEATURE_NAMES.length);
  let strong = 0;
  for (const h of hits) {
    if (h.end <= from || h.start >= to) continue;
    d[0] = Math.max(d[0] as number, h.weight);
    if (h.weight >= 0.8) strong++;
    else if (h.weight >= 0.5) d[2] = 1;
    else d[3] = 1;
    d[4 + CATEGORIES.indexOf(h.category)] = 1;
  }
  d[1] = Math.min(3, strong) / 3;
  const base = 4 + CATEGORIES.length;
  d[base] = evasion.has('zero-width') || evasion.has('bidi') || evasion.has('tag-chars') ? 1 : 0;
  d[base + 1] = evasion.has('homoglyph') ? 1 : 0;
  d[base + 2] = evasion.has('leetspeak') || evasion.has('spacing') ? 1 : 0;
  d[base + 3] = hasEncoded ? 1 : 0;
  d[base + 4] = Math.log1p(length) / 8;
  d[base + 5] = embeddedRequest ? 1 : 0;
  return d;
}
