import type { FileScanner } from '../../model.js';

export const sourceScanners: readonly FileScanner[] = [];
