import type { HostScanner } from '../../model.js';

export const hostScanners: readonly HostScanner[] = [];
