/**
 * HAR files (browser / proxy captures): every request to an AI provider host. A HAR has no
 * client address, so the capture itself is the client (`HAR <path>`).
 */
import { AttestError } from '../../../core/errors.js';
import { hostOf, matchProviderHost } from '../../../signatures/provider-hosts.js';
import type { FileInput, FileScanner, Observation } from '../../model.js';
import { TrafficAggregator } from './traffic-aggregator.js';

const SCANNER = 'network/har';

function lineOfFirst(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at === -1) return 1;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

async function scanHar(file: FileInput): Promise<Observation> {
  const text = await file.text();
  let har: unknown;
  try {
    har = JSON.parse(text);
  } catch {
    throw new AttestError('BAD_INPUT', 'invalid HAR (not JSON)', { where: file.path });
  }
  const entries = (har as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new AttestError('BAD_INPUT', 'invalid HAR (no log.entries)', { where: file.path });
  const agg = new TrafficAggregator();
  const client = `HAR ${file.path}`;
  const firstLines = new Map<string, number>();
  for (const e of entries) {
    const url = (e as { request?: { url?: unknown } } | null)?.request?.url;
    if (typeof url !== 'string') continue;
    const host = hostOf(url);
    if (host === '' || !matchProviderHost(host)) continue;
    let line = firstLines.get(host);
    if (line === undefined) {
      line = lineOfFirst(text, `//${host}`);
      firstLines.set(host, line);
    }
    agg.add({ client, host, kind: 'http' }, line);
  }
  return agg.toObservation(file.path, SCANNER);
}

export const harScanner: FileScanner = {
  name: SCANNER,
  wants: (path) => path.toLowerCase().endsWith('.har'),
  scan: scanHar,
};
