import type { FileScanner } from '../../model.js';

export const modelFileScanners: readonly FileScanner[] = [];
