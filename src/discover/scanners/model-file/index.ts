import type { FileScanner } from '../../model.js';
import { modelFileScanner } from './model-file-scanner.js';

export const modelFileScanners: readonly FileScanner[] = [modelFileScanner];
