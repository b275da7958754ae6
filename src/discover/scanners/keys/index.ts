import type { FileScanner } from '../../model.js';
import { hardcodedKeyScanner } from './hardcoded-key-scanner.js';

export const keysScanners: readonly FileScanner[] = [hardcodedKeyScanner];
