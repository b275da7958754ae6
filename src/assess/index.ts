/**
 * `attest/assess`: evidence → control status → scores → fix-list → report model.
 * Pure: renderers live in src/report (assess-*), the CLI in src/cli/commands.
 */
export * from './evidence.js';
export * from './inventory-profile.js';
export * from './applicability.js';
export * from './answer-credit.js';
export * from './control-status.js';
export * from './scoring.js';
export * from './framework-scores.js';
export * from './remediations.js';
export * from './fix-list.js';
export * from './report-model.js';
export * from './report-diff.js';
export * from './assess.js';
export * from './sources/answers-evidence-source.js';
export * from './sources/discover-evidence-source.js';
export * from './sources/config-evidence-source.js';
export * from './sources/vendors-evidence-source.js';
export * from './vendor/vendor-questionnaire.js';
export * from './vendor/discovered-vendors.js';
export * from './vendor/vendor-assessment.js';
