import type { FileScanner } from '../../model.js';
import { harScanner } from './har-scanner.js';
import { networkLogScanner } from './network-log-scanner.js';

export const networkScanners: readonly FileScanner[] = [networkLogScanner, harScanner];
