import { denseFeatures, type PlacedHit } from './dense-features.js';
import { findEmbeddedRequests } from './embedded-request.js';
import { findEncodedSegments, type EncodedSegment } from './encoded-segments.js';
import { CHAR_GROUP_SCALE, contributionPrefix } from './hashed-features.js';
import { sigmoid, type InjectionModel } from './injection-model.js';
import { normalizeView, toOriginalRange, type MappedText } from './normalize-text.js';
import { matchSignatures, tokenize, type Tokens } from './signature-matcher.js';
import type { EvasionKind, InjectionSource } from './types.js';

/** Texts up to this many folded characters are scored as one window. */
const SINGLE_WINDOW = 600;
const WINDOW = { direct: 400, indirect: 300 } as const;
const MAX_DEPTH = 2;
const MAX_HITS_PER_RULE = 8;
/** Request sentences count as embedded in a document only in texts at least this long (folded chars). */
const EMBED_MIN = 300;
const MAX_REQUESTS = 64;

/** Start offsets of request-to-assistant sentences when the text is long enough to be a document. */
function embeddedRequests(folded: string, tokens: Tokens): number[] {
  return folded.length >= EMBED_MIN ? findEmbeddedRequests(folded, tokens).slice(0, MAX_REQUESTS) : [];
}

const anyIn = (offsets: readonly number[], from: number, to: number): boolean => offsets.some((o) => o >= from && o < to);

/** A decoded segment of the original text and the analysis of its decoded content. */
export interface DecodedFinding {
  readonly kind: EncodedSegment['kind'];
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly analysis: TextAnalysis;
}

/** Everything the detector learned about a text, before calibration and thresholding. */
export interface TextAnalysis {
  /** Max raw classifier probability over windows and decoded segments. */
  readonly rawP: number;
  /** Max signature weight, including inside decoded segments. */
  readonly sigMax: number;
  /** Signature hits in original coordinates (capped per rule). */
  readonly hits: readonly PlacedHit[];
  /** The window with the highest classifier probability, original coordinates. */
  readonly bestWindow: { start: number; end: number; p: number };
  readonly decoded: readonly DecodedFinding[];
  readonly evasion: ReadonlySet<EvasionKind>;
  /** True when the text was long enough to be scored as sliding windows (a document, not a prompt). */
  readonly windowed: boolean;
}

function placeHits(original: string, cased: MappedText, folded: MappedText, source: InjectionSource, tokens: Tokens): PlacedHit[] {
  const perRule = new Map<string, number>();
  const placed: PlacedHit[] = [];
  for (const hit of matchSignatures(cased, folded, source, tokens)) {
    const n = perRule.get(hit.rule) ?? 0;
    if (n >= MAX_HITS_PER_RULE) continue;
    perRule.set(hit.rule, n + 1);
    const range = toOriginalRange(hit.view === 'cased' ? cased : folded, hit.start, hit.end, original);
    placed.push({ rule: hit.rule, category: hit.category, weight: hit.weight, ...range });
  }
  return placed;
}

/** Tag-character smuggling: a run of 8+ tag characters (emoji flag sequences use fewer). */
function tagSmugglingHit(original: string, tagText: string): PlacedHit | undefined {
  if (tagText.length < 8) return undefined;
  let start = -1;
  let end = -1;
  for (let i = 0; i < original.length; i++) {
    const cp = original.codePointAt(i) as number;
    if (cp >= 0xe0000 && cp <= 0xe007f) {
      if (start < 0) start = i;
      end = i + 2;
      i++;
    }
  }
  return { rule: 'tag-char-smuggling', category: 'obfuscation', weight: 0.8, start, end };
}

function windowsFor(length: number, source: InjectionSource): [number, number][] {
  if (length <= SINGLE_WINDOW) return [[0, length]];
  const size = WINDOW[source];
  const stride = size >> 1;
  const out: [number, number][] = [[0, length]];
  for (let s = 0; s < length; s += stride) {
    out.push([s, Math.min(length, s + size)]);
    if (s + size >= length) break;
  }
  return out;
}

/**
 * Analyse a text with a given model: normalise, decode and rescan encoded segments (bounded
 * depth), match signatures, and score sliding windows of the folded text with the classifier.
 */
export function analyzeText(original: string, model: InjectionModel, source: InjectionSource = 'direct', depth = 0): TextAnalysis {
  const view = normalizeView(original);
  const { cased, folded, evasion } = view;
  const tokens = tokenize(folded.text);
  const hits = placeHits(original, cased, folded, source, tokens);
  const tagHit = tagSmugglingHit(original, view.tagText);
  if (tagHit) hits.push(tagHit);

  const segments = depth < MAX_DEPTH ? findEncodedSegments(cased.text) : [];
  const decoded: DecodedFinding[] = segments.map((seg) => {
    evasion.add(seg.kind);
    const range = toOriginalRange(cased, seg.start, seg.end, original);
    return { kind: seg.kind, ...range, text: seg.decoded, analysis: analyzeText(seg.decoded, model, source, depth + 1) };
  });

  const { charSum, charCnt, wordSum, wordCnt } = contributionPrefix(folded.text, model.bits, model.weights);
  const dense = model.dense;
  const requests = embeddedRequests(folded.text, tokens);
  let best = { start: 0, end: original.length, p: 0 };
  for (const [from, to] of windowsFor(folded.text.length, source)) {
    const cc = (charCnt[to] as number) - (charCnt[from] as number);
    const wc = (wordCnt[to] as number) - (wordCnt[from] as number);
    let z = model.bias;
    if (cc > 0) z += (CHAR_GROUP_SCALE * model.scale * ((charSum[to] as number) - (charSum[from] as number))) / Math.sqrt(cc);
    if (wc > 0) z += (model.scale * ((wordSum[to] as number) - (wordSum[from] as number))) / Math.sqrt(wc);
    const range = toOriginalRange(folded, from, to, original);
    const d = denseFeatures(hits, range.start, range.end, evasion, decoded.length > 0, to - from, anyIn(requests, from, to));
    for (let k = 0; k < d.length; k++) z += (d[k] as number) * (dense[k] ?? 0);
    const p = sigmoid(z);
    if (p > best.p) best = { ...range, p };
  }

  let rawP = best.p;
  let sigMax = 0;
  for (const h of hits) sigMax = Math.max(sigMax, h.weight);
  for (const d of decoded) {
    rawP = Math.max(rawP, d.analysis.rawP);
    sigMax = Math.max(sigMax, d.analysis.sigMax);
  }
  return { rawP, sigMax, hits, bestWindow: best, decoded, evasion, windowed: folded.text.length > SINGLE_WINDOW };
}

/** One training instance: a window of a text (or the whole text) as the classifier sees it. */
export interface WindowInstance {
  readonly folded: string;
  readonly dense: Float64Array;
  readonly whole: boolean;
}

/**
 * The instances inference scores for a text: the whole text plus, for long texts, the same
 * sliding windows `analyzeText` uses. Training uses these so it learns what inference sees.
 */
export function windowInstances(original: string, source: InjectionSource = 'direct'): WindowInstance[] {
  const view = normalizeView(original);
  const { cased, folded, evasion } = view;
  const tokens = tokenize(folded.text);
  const hits = placeHits(original, cased, folded, source, tokens);
  const tagHit = tagSmugglingHit(original, view.tagText);
  if (tagHit) hits.push(tagHit);
  const segments = findEncodedSegments(cased.text);
  for (const seg of segments) evasion.add(seg.kind);
  const requests = embeddedRequests(folded.text, tokens);
  return windowsFor(folded.text.length, source).map(([from, to]) => {
    const range = toOriginalRange(folded, from, to, original);
    return {
      folded: folded.text.slice(from, to),
      dense: denseFeatures(hits, range.start, range.end, evasion, segments.length > 0, to - from, anyIn(requests, from, to)),
      whole: from === 0 && to === folded.text.length,
    };
  });
}
