import type { FileScanner } from '../../model.js';

export const manifestScanners: readonly FileScanner[] = [];
