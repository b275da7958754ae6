import type { FileScanner } from '../../model.js';
import { cargoFormat, dotnetProjectFormat } from './cargo-dotnet-manifests.js';
import { goModFormat } from './go-mod-format.js';
import { gradleFormat, pomFormat, versionCatalogFormat } from './java-manifests.js';
import { pnpmLockFormat, yarnLockFormat } from './js-lockfiles.js';
import { defineManifestScanner } from './manifest-support.js';
import { packageJsonFormat, packageLockFormat } from './npm-manifests.js';
import { pipfileFormat, pyprojectFormat, pythonLockFormat, requirementsFormat } from './python-manifests.js';

/** Every manifest and lock-file format, one scanner each. */
export const MANIFEST_FORMATS = [
  packageJsonFormat,
  packageLockFormat,
  pnpmLockFormat,
  yarnLockFormat,
  requirementsFormat,
  pyprojectFormat,
  pipfileFormat,
  pythonLockFormat,
  goModFormat,
  pomFormat,
  gradleFormat,
  versionCatalogFormat,
  cargoFormat,
  dotnetProjectFormat,
] as const;

/** Package manifest and lock-file scanners: npm, PyPI, Go, Maven/Gradle, Cargo, NuGet. */
export const manifestScanners: readonly FileScanner[] = MANIFEST_FORMATS.map(defineManifestScanner);
