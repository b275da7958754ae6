import type { FileScanner } from '../../model.js';
import { SOURCE_SCANNERS } from './source-scanner.js';

/** Source-code scanners: TS/JS, Python, Go, Java, Kotlin, C#. */
export const sourceScanners: readonly FileScanner[] = SOURCE_SCANNERS;
