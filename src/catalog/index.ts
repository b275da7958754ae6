export * from './control.js';
export * from './control-ids.js';
export * from './frameworks.js';
export * from './controls.js';
export * from './query.js';
