/** Permissive licences only (the shared guard data excludes copyleft sources too: see its SOURCES.md "Not used"). */
const PERMISSIVE = new Set([
  'mit', 'expat', 'isc', 'bsd', 'bsd-2', 'bsd-3', 'bsd-2-clause', 'bsd-3-clause', '0bsd', 'apache-2.0', 'apache-2', 'cc0-1.0', 'cc0',
  'public-domain', 'zlib', 'blueoak-1.0.0', 'unlicense', 'wtfpl', 'x11', 'mit-x11', 'psf-2', 'python-2.0',
]);

/** True when one alternative of an `A or B` licence expression (SPDX or Debian style) is entirely permissive (`A and B` needs both). */
export function isPermissive(license: string): boolean {
  const alternatives = license.replace(/[()]/g, ' ').split(/\s+or\s+/i);
  return alternatives.some((alt) => alt.split(/\s+and\s+|,\s*/i).every((id) => PERMISSIVE.has(id.trim().toLowerCase())));
}
