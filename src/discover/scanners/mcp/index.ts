import type { FileScanner } from '../../model.js';
import { agentSettingsScanner } from './agent-settings-scanner.js';
import { mcpConfigScanner } from './mcp-config-scanner.js';

export const mcpScanners: readonly FileScanner[] = [mcpConfigScanner, agentSettingsScanner];
