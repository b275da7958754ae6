import { describe, expect, it } from 'vitest';
import { fixtureFile, memoryFile, scanWith } from '../../../../test/fixtures/scanner-support/memory-file-input.js';
import { AttestError } from '../../../core/errors.js';
import type { Observation } from '../../model.js';
import { networkScanners } from './index.js';
import { isLogPath } from './network-log-scanner.js';

const scan = (rel: string): Promise<Observation> => scanWith(networkScanners, fixtureFile('network-logs', rel));
const endpoints = (o: Observation) => (o.components ?? []).map((c) => `${c.name} ${c.provider} calls=${c.properties?.['calls']} line=${c.evidence.line}`);
const messages = (o: Observation) => (o.findings ?? []).map((f) => `${f.evidence.line}: ${f.message.split(';')[0]}`);

describe('network log scanner', () => {
  it('Squid: CONNECT targets grouped by client; consumer UIs are not API traffic', async () => {
    const o = await scan('squid/access.log');
    expect(endpoints(o)).toEqual(['api.openai.com openai calls=2 line=1', 'api.anthropic.com anthropic calls=1 line=4', 'mycorp-eastus.openai.azure.com azure-openai calls=1 line=6']);
    expect(messages(o)).toEqual(['1: 10.0.0.5 called api.openai.com 2 times, mycorp-eastus.openai.azure.com 1 time', '4: 10.0.0.9 called api.anthropic.com 1 time']);
    expect(o.findings?.[0]).toMatchObject({ rule: 'shadow-ai-traffic', controlId: 'AI-INV-02', severity: 'medium', componentRef: 'provider-endpoint::api.openai.com' });
  });

  it('nginx/Apache combined proxy logs: absolute URLs and CONNECT; referer and user agent do not count', async () => {
    const o = await scan('nginx/proxy-access.log');
    expect(messages(o)).toEqual(['1: 10.0.2.14 called api.groq.com 2 times', '3: 10.0.2.20 called generativelanguage.googleapis.com 1 time']);
    expect(await scan('nginx/web-access.log')).toEqual({ components: [], findings: [] });
  });

  it('Zeek http.log and ssl.log (TSV with #fields), dns.log (JSON)', async () => {
    expect(messages(await scan('zeek/http.log'))).toEqual(['8: 192.168.1.50 called api.mistral.ai 1 time']);
    expect(messages(await scan('zeek/ssl.log'))).toEqual(['4: 192.168.1.60 called api.anthropic.com 2 times']);
    const dns = await scan('zeek/dns.log');
    expect(messages(dns)).toEqual(['1: 192.168.1.70 looked up api.deepseek.com 1 time']);
    expect(dns.components?.[0]?.properties?.['seenIn']).toBe('dns');
  });

  it('generic JSON lines (ECS-style and flat), skipping malformed lines; URLs never copied with their query', async () => {
    const o = await scan('gateway.jsonl');
    expect(messages(o)).toEqual(['1: 10.8.0.3 called openrouter.ai 1 time', '2: 10.8.0.4 called api.together.xyz 1 time']);
    expect(JSON.stringify(o)).not.toContain('not-logged');
  });

  it('BIND query log and dnsmasq', async () => {
    expect(messages(await scan('dns/query.log'))).toEqual(['1: 10.0.5.5 looked up api.x.ai 1 time']);
    expect(messages(await scan('dns/dnsmasq.log'))).toEqual(['1: 10.0.6.6 looked up api.perplexity.ai 2 times']);
  });

  it('HAR: requests to providers, the capture as client, line of the first request', async () => {
    const o = await scan('capture.har');
    expect(endpoints(o)).toEqual(['api.anthropic.com anthropic calls=2 line=14']);
    expect(messages(o)).toEqual(['14: HAR capture.har called api.anthropic.com 2 times']);
    const bad = await scanWith(networkScanners, memoryFile('x.har', '{"log": 1}')).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AttestError);
  });

  it('aggregates a large log in bounded memory with exact counts', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 50_000; i++) lines.push(`1732262401.${i} 1 10.1.${i % 50}.${i % 7} TCP_TUNNEL/200 10 CONNECT ${i % 3 === 0 ? 'api.openai.com' : 'example.com'}:443 - HIER_DIRECT/1.2.3.4 -`);
    const o = await scanWith(networkScanners, memoryFile('proxy/big.log', lines.join('\n')));
    expect(o.components?.[0]?.properties?.['calls']).toBe(String(Math.ceil(50_000 / 3)));
    const clients = new Set(lines.filter((l) => l.includes('openai')).map((l) => l.split(' ')[2])).size;
    expect(clients).toBe(350);
    // 200 clients itemised, the rest summed in one finding.
    expect(o.findings?.length).toBe(201);
    expect(o.findings?.[200]?.message).toMatch(/^150 more client\(s\) made \d+ more call/);
    const itemised = (o.findings ?? []).slice(0, 200).reduce((n, f) => n + Number(/ (\d+) times?/.exec(f.message)?.[1]), 0);
    const rest = Number(/made (\d+) more/.exec(o.findings?.[200]?.message ?? '')?.[1]);
    expect(itemised + rest).toBe(Math.ceil(50_000 / 3));
  });

  it('wants logs, rotated logs and JSON lines, not compressed archives', () => {
    expect(isLogPath('var/log/squid/access.log')).toBe(true);
    expect(isLogPath('access.log.1')).toBe(true);
    expect(isLogPath('events.ndjson')).toBe(true);
    expect(isLogPath('access.log.1.gz')).toBe(false);
    expect(isLogPath('catalog.md')).toBe(false);
    expect(isLogPath('backlog.txt')).toBe(false);
  });
});
