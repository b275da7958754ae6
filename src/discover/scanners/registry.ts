import type { FileScanner, HostScanner } from '../model.js';
import { deployScanners } from './deploy/index.js';
import { hostScanners } from './host/index.js';
import { keysScanners } from './keys/index.js';
import { manifestScanners } from './manifest/index.js';
import { mcpScanners } from './mcp/index.js';
import { modelFileScanners } from './model-file/index.js';
import { networkScanners } from './network/index.js';
import { sourceScanners } from './source/index.js';

export const FILE_SCANNERS: readonly FileScanner[] = [
  ...manifestScanners,
  ...sourceScanners,
  ...deployScanners,
  ...mcpScanners,
  ...modelFileScanners,
  ...networkScanners,
  ...keysScanners,
];

export const HOST_SCANNERS: readonly HostScanner[] = [...hostScanners];
