/**
 * `attest/guard`: local, pure detectors for LLM traffic — prompt injection (src/guard/injection),
 * sensitive output (credentials, PII, canaries) with redaction, prompt-integrity helpers,
 * output validation, and per-route policies. See docs/guard.md.
 */
import type { ScanInput, ScanOptions, Verdict } from './scanner.js';
import type { SensitiveMatch } from './sensitive/sensitive-match.js';
import type { SensitiveOptions } from './sensitive/sensitive-scanner.js';

export { scan } from './scan.js';
export { createScanner, verdictOf, type ScanInput, type ScanOptions, type Verdict } from './scanner.js';
export {
  defineDetector,
  frameworkIds,
  DETECTOR_NAMES,
  GUARD_ACTIONS,
  GUARD_STAGES,
  type Detection,
  type Detector,
  type DetectorName,
  type Finding,
  type GuardAction,
  type GuardStage,
  type Span,
} from './detection.js';
export type { InjectionFn } from './guard-detectors.js';

// Prompt injection and jailbreaks (engineer E's module).
export * from './injection/index.js';

// Sensitive output
export { findSensitive, type SensitiveOptions } from './sensitive/sensitive-scanner.js';
export { findCredentials } from './sensitive/credential-rules.js';
export { CanaryMatcher, toCanarySpec, type CanarySpec } from './sensitive/canary-matcher.js';
export { redact, type RedactableSpan } from './sensitive/redact.js';
export type { SensitiveKind, SensitiveMatch } from './sensitive/sensitive-match.js';
export type { IpMode } from './sensitive/pii-rules.js';
export { luhnValid, ibanValid } from './sensitive/checksums.js';

// Thorough mode (async; secretlint's preset on top of the fast rules). Loaded on first use, so importing
// attest/guard for the per-request path does not load secretlint.
/** `scan()` plus secretlint's recommended credential rules (async; batch checks). */
export async function scanThorough(input: ScanInput, options?: ScanOptions): Promise<Verdict> {
  return (await import('./adapters/thorough-scan.js')).scanThorough(input, options);
}
/** Fast rules plus secretlint's recommended preset, merged. */
export async function findSensitiveThorough(text: string, options?: SensitiveOptions): Promise<SensitiveMatch[]> {
  return (await import('./adapters/secretlint-scanner.js')).findSensitiveThorough(text, options);
}

// Prompt integrity
export { spotlight, type SpotlightMode, type SpotlightOptions, type Spotlighted } from './integrity/spotlight.js';
export {
  createCanaryInstruction,
  embedCanary,
  checkOutputFollowedUntrusted,
  type CanaryInstruction,
  type FollowedCheck,
} from './integrity/canary-instruction.js';
export { webCryptoRandom, type RandomBytes } from './integrity/random-source.js';

// Output validation
export { validateStructuredOutput, type JsonSchema, type SchemaIssue, type SchemaResult } from './validate/json-schema-validator.js';
export { compileDomainAllowList, checkUrl, hostAllowed, normaliseHost, toolAllowed, type DomainAllowList, type UrlCheck } from './validate/url-allowlist.js';
export { extractLinks, type ExtractedLink, type LinkKind } from './validate/link-extractor.js';
export { findExfiltration, carriesData } from './validate/exfiltration-finder.js';
export { findPayloads, PAYLOAD_TARGETS, type PayloadTarget } from './validate/payload-rules.js';

// Policy
export { guardConfigSchema } from './policy-schema.js';
export {
  parseGuardConfig,
  resolveDetector,
  resolveLists,
  matchRoute,
  DEFAULT_DETECTORS,
  type GuardConfig,
  type GuardConfigIssue,
  type DetectorConfig,
  type RouteConfig,
  type AllowConfig,
  type ResolvedDetector,
} from './policy/guard-policy.js';
