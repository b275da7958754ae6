import type { HostScanner } from '../../model.js';
import { hostRuntimeScanner } from './host-runtime-scanner.js';

export const hostScanners: readonly HostScanner[] = [hostRuntimeScanner];
