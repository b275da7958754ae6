import type { FileScanner } from '../../model.js';
import { notebookScanner } from './notebook-scanner.js';
import { SOURCE_SCANNERS } from './source-scanner.js';

/** Source-code scanners: TS/JS, Python, Go, Java, Kotlin, C#, and Jupyter notebooks' code cells. */
export const sourceScanners: readonly FileScanner[] = [...SOURCE_SCANNERS, notebookScanner];
