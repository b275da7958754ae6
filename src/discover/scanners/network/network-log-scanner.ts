/**
 * Proxy/access logs, Zeek logs, JSON-lines logs and DNS query logs, streamed line by line
 * (logs can be many GB): calls to AI provider hosts become `provider-endpoint` components and
 * `shadow-ai-traffic` findings grouped by client. Memory stays bounded (aggregate counts only).
 */
import type { FileInput, FileScanner, Observation } from '../../model.js';
import { newLogState, parseLogLine } from './log-line-parsers.js';
import { TrafficAggregator } from './traffic-aggregator.js';

const SCANNER = 'network/log';

/** `*.log`, rotated `*.log.1`, `*.jsonl` / `*.ndjson`; compressed archives are not read. */
export function isLogPath(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base.endsWith('.gz') || base.endsWith('.bz2') || base.endsWith('.zst') || base.endsWith('.xz') || base.endsWith('.zip')) return false;
  if (base.endsWith('.log') || base.endsWith('.jsonl') || base.endsWith('.ndjson')) return true;
  const i = base.indexOf('.log.');
  return i !== -1 && /^\d{1,4}$/.test(base.slice(i + 5));
}

async function scanLog(file: FileInput): Promise<Observation> {
  const agg = new TrafficAggregator();
  const state = newLogState();
  let lineNo = 0;
  for await (const line of file.lines()) {
    lineNo++;
    const hit = parseLogLine(line, state);
    if (hit && hit.host !== '') agg.add(hit, lineNo);
  }
  return agg.toObservation(file.path, SCANNER);
}

export const networkLogScanner: FileScanner = {
  name: SCANNER,
  wants: (path) => isLogPath(path),
  scan: scanLog,
};
