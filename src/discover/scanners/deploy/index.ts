import type { FileScanner } from '../../model.js';

export const deployScanners: readonly FileScanner[] = [];
