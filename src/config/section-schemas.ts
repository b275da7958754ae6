/**
 * The attest.yaml sections other parts of Attest own. Each team exports its JSON Schema;
 * this file is the one place that composes them into the attest.yaml schema.
 */
import { auditConfigSchema } from '../audit/config-schema.js';
import { exportConfigSchema } from '../audit/exporters/config-schema.js';
import { incidentsConfigSchema } from '../audit/incidents/config-schema.js';
import { guardConfigSchema } from '../guard/policy-schema.js';

/** `guard:` — detectors, allow-lists, canaries, routes (src/guard/policy-schema.ts). */
export const guardSectionSchema: object = guardConfigSchema;

/** `audit:` — store, retention, legal holds, checkpoints (src/audit/config-schema.ts). */
export const auditSectionSchema: object = auditConfigSchema;

/** `export:` — SIEM exporters by name, secrets only as env variable names (src/audit/exporters/config-schema.ts). */
export const exportSectionSchema: object = exportConfigSchema;

/** `incidents:` — rule overrides by id, disabled rules, blast-radius defaults (src/audit/incidents/config-schema.ts). */
export const incidentsSectionSchema: object = incidentsConfigSchema;
