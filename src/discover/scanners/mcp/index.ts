import type { FileScanner } from '../../model.js';
import { mcpConfigScanner } from './mcp-config-scanner.js';

export const mcpScanners: readonly FileScanner[] = [mcpConfigScanner];
