import type { FileScanner } from '../../model.js';
import { composeScanner } from './compose-scanner.js';
import { dockerfileScanner } from './dockerfile-scanner.js';
import { helmValuesScanner } from './helm-values-scanner.js';
import { kubernetesScanner } from './kubernetes-scanner.js';

export const deployScanners: readonly FileScanner[] = [dockerfileScanner, composeScanner, kubernetesScanner, helmValuesScanner];
