/**
 * Prompt-injection and jailbreak detection (pure: no I/O). See docs/guard-injection.md.
 */
export { detectInjection, normalizeForDetection, shippedModel, verdictFromAnalysis } from './detect-injection.js';
export { analyzeText, type TextAnalysis, type DecodedFinding } from './analyze-text.js';
export type {
  DetectInjectionOptions,
  EvasionKind,
  InjectionCategory,
  InjectionResult,
  InjectionSource,
  InjectionSpan,
} from './types.js';
