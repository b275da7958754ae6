import type { DiscoverResult } from '../discover/model.js';
import { renderAiBom } from './cyclonedx-ai-bom.js';
import { renderDiscoverJson } from './discover-json.js';
import { renderSarif } from './sarif-findings.js';

/** Machine formats of a discover run, by the name `--format` takes. */
export const DISCOVER_FORMATS = {
  cyclonedx: { file: 'ai-bom.cdx.json', render: renderAiBom },
  sarif: { file: 'findings.sarif', render: async (r: DiscoverResult) => renderSarif(r) },
  json: { file: 'discover.json', render: async (r: DiscoverResult) => renderDiscoverJson(r) },
} as const satisfies Record<string, { file: string; render: (r: DiscoverResult) => Promise<string> }>;

export type DiscoverFormat = keyof typeof DISCOVER_FORMATS;

export function isDiscoverFormat(name: string): name is DiscoverFormat {
  return Object.hasOwn(DISCOVER_FORMATS, name);
}
