export { AttestError, type AttestErrorCode } from './core/errors.js';
export { VERSION } from './version.js';
export * as catalog from './catalog/index.js';
