import type { FileScanner } from '../../model.js';

export const keysScanners: readonly FileScanner[] = [];
