import type { FileScanner } from '../../model.js';

export const networkScanners: readonly FileScanner[] = [];
