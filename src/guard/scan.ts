import { detectInjection } from './injection/index.js';
import { createScanner } from './scanner.js';

/**
 * Scan one text at one stage of an LLM exchange with every detector the policy enables there,
 * and fold the detections into a verdict (action, score, categories, redacted text).
 * Pure and synchronous: safe to call per request and per retrieved chunk.
 * @example
 * const v = scan({ text: modelOutput, stage: 'output', route: 'support-chat' }, { policy: config.guard });
 * if (v.action === 'block') return refuse();
 * return v.redactedText ?? modelOutput;
 */
export const scan = createScanner(detectInjection);
