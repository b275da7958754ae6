import type { FileScanner } from '../../model.js';

export const mcpScanners: readonly FileScanner[] = [];
