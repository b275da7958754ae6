/** Where a text comes from: user input (direct) or retrieved documents, tool results, web content (indirect). */
export type InjectionSource = 'direct' | 'indirect';

/** Attack families the detector names in its verdicts. */
export type InjectionCategory =
  | 'instruction-override'
  | 'roleplay-jailbreak'
  | 'system-prompt-extraction'
  | 'obfuscation'
  | 'payload-splitting'
  | 'exfiltration'
  | 'tool-abuse'
  | 'adversarial-suffix'
  | 'other';

/** Evidence: a range of the ORIGINAL text (UTF-16 offsets, end exclusive) and the rule that matched it. */
export interface InjectionSpan {
  start: number;
  end: number;
  category: InjectionCategory;
  rule: string;
}

/** The verdict for one text. `score` is calibrated so that 0.5 is the trained decision threshold. */
export interface InjectionResult {
  score: number;
  flagged: boolean;
  categories: InjectionCategory[];
  spans: InjectionSpan[];
  /** Segments found by decoding (base64, hex, rot13, URL, HTML entities), each truncated. */
  decoded: string[];
}

/** Options for `detectInjection`. */
export interface DetectInjectionOptions {
  source?: InjectionSource;
  /** Decision threshold on the calibrated score (default 0.5). */
  threshold?: number;
}

/** Evasion techniques `normalizeForDetection` can report. */
export type EvasionKind =
  | 'zero-width'
  | 'bidi'
  | 'tag-chars'
  | 'homoglyph'
  | 'leetspeak'
  | 'spacing'
  | 'base64'
  | 'hex'
  | 'rot13'
  | 'url-encoding'
  | 'html-entities';
