/** attest.yaml: load and validate (with located problems), edit with comments kept, `attest init`. */
export * from './config-problem.js';
export * from './config-schema.js';
export * from './load-config.js';
export * from './config-document.js';
export * from './init-interview.js';
export * from './init-answers.js';
