/**
 * The attest.yaml sections other parts of Attest own. Each team exports its JSON Schema;
 * this file is the one place that composes them into the attest.yaml schema.
 */

/** `guard:` (src/guard/policy-schema.ts once it lands; any object until then). */
export const guardSectionSchema: object = { type: ['object', 'null'] };

/** `audit:` (src/audit/config-schema.ts once it lands; any object until then). */
export const auditSectionSchema: object = { type: ['object', 'null'] };
