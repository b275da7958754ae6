/**
 * Proxy/access logs, Zeek logs, JSON-lines logs and DNS query logs: calls to AI provider hosts
 * become `provider-endpoint` components and `shadow-ai-traffic` findings grouped by client. Memory
 * stays bounded (aggregate counts only). Files up to {@link WHOLE_FILE_BYTES} are read whole and
 * walked line by line synchronously, parsing only header lines and lines that contain a provider
 * domain (one case-insensitive Aho–Corasick pass finds them); larger logs are streamed line by line.
 */
import { compileLiteralSet } from '../../../core/literal-set.js';
import { PROVIDER_DOMAIN_HINTS } from '../../../signatures/provider-hosts.js';
import { DEFAULT_MAX_TEXT_BYTES, MAX_LINE_CHARS, type FileInput, type FileScanner, type Observation } from '../../model.js';
import { newLogState, parseLogLine, type LogState } from './log-line-parsers.js';
import { TrafficAggregator } from './traffic-aggregator.js';

const SCANNER = 'network/log';
/** Logs up to this size are read whole (the engine's default text limit); larger ones stream. */
export const WHOLE_FILE_BYTES = DEFAULT_MAX_TEXT_BYTES;

/**
 * A line can name a provider host only if it contains that host's registrable domain, in any case
 * (hosts are matched after lower-casing): other lines cannot produce a hit and are not parsed.
 */
const DOMAINS = compileLiteralSet(PROVIDER_DOMAIN_HINTS, { caseInsensitive: true });

/** `*.log`, rotated `*.log.1`, `*.jsonl` / `*.ndjson`; compressed archives are not read. */
export function isLogPath(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base.endsWith('.gz') || base.endsWith('.bz2') || base.endsWith('.zst') || base.endsWith('.xz') || base.endsWith('.zip')) return false;
  if (base.endsWith('.log') || base.endsWith('.jsonl') || base.endsWith('.ndjson')) return true;
  const i = base.indexOf('.log.');
  return i !== -1 && /^\d{1,4}$/.test(base.slice(i + 5));
}

/**
 * Lines sampled before deciding whether the domain filter pays: in a log where most lines name a
 * provider (an AI gateway's log) searching every line costs more than parsing it, so past this many
 * lines with over half of them hits, every line is parsed. Either way the result is the same.
 */
const FILTER_SAMPLE_LINES = 256;

function scanText(text: string, agg: TrafficAggregator, state: LogState): void {
  let lineNo = 0;
  let domainEnd = -1; // end of the next provider domain at or after the current line, or Infinity
  let filter = true;
  let hits = 0;
  for (let s = 0; s < text.length; ) {
    let e = text.indexOf('\n', s);
    if (e === -1) e = text.length;
    lineNo++;
    if (lineNo === FILTER_SAMPLE_LINES && hits * 2 > lineNo) filter = false;
    const header = text.charCodeAt(s) === 35; /* # */
    if (!filter) domainEnd = 0;
    else if (!header && domainEnd <= s) {
      const end = DOMAINS.firstEndInString(text, s);
      domainEnd = end === -1 ? Infinity : end;
    }
    if (header || domainEnd <= e) {
      hits++;
      let line = text.slice(s, Math.min(e, s + MAX_LINE_CHARS));
      if (line.endsWith('\r')) line = line.slice(0, -1);
      const hit = parseLogLine(line, state);
      if (hit && hit.host !== '') agg.add(hit, lineNo);
    }
    s = e + 1;
  }
}

async function scanLog(file: FileInput): Promise<Observation> {
  const agg = new TrafficAggregator();
  const state = newLogState();
  let text: string | undefined;
  if (file.size <= WHOLE_FILE_BYTES) text = await file.text().catch(() => undefined); // binary or over a lower limit: the stream says why
  if (text !== undefined) scanText(text, agg, state);
  else {
    let lineNo = 0;
    for await (const line of file.lines()) {
      lineNo++;
      const hit = parseLogLine(line, state);
      if (hit && hit.host !== '') agg.add(hit, lineNo);
    }
  }
  return agg.toObservation(file.path, SCANNER);
}

export const networkLogScanner: FileScanner = {
  name: SCANNER,
  wants: (path) => isLogPath(path),
  scan: scanLog,
};
