/**
 * The redactor `openStore` uses for content mode `redact`: the guard's sensitive-data
 * detectors (credentials, AI provider keys, PII with checksums) and its span redaction,
 * imported directly so the audit store does not load the prompt-injection model.
 */
import { findSensitive } from '../../guard/sensitive/sensitive-scanner.js';
import { redact } from '../../guard/sensitive/redact.js';
import { defaultRedactor, type Redactor } from '../content-policy.js';

/**
 * Guard detectors first (`[REDACTED:<type>]`), then the built-in scan for what they leave
 * (long digit runs, key-like tokens).
 * @example guardRedactor('mail bob@corp.example') // 'mail [REDACTED:email]'
 */
export const guardRedactor: Redactor = (text) => defaultRedactor(redact(text, findSensitive(text)));
