import type { DiscoverResult } from '../discover/model.js';

/** Attest's own discover JSON (the `DiscoverResult` as is), pretty-printed with a trailing newline. */
export function renderDiscoverJson(result: DiscoverResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
