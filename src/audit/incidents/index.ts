/** AI incidents (R8): taxonomy, declarative rules, scanning, state and blast radius. */
export * from './taxonomy.js';
export * from './incident-rule.js';
export { DEFAULT_RULES } from './default-rules.js';
export * from './rule-engine.js';
export * from './incident-model.js';
export * from './incident-service.js';
export * from './blast-radius.js';
