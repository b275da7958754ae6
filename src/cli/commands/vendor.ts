import { defineCommand } from 'citty';
import { readDiscoverJson, REPORT_FORMATS, isReportFormat, writeVendorReports, type ReportFormat } from '../../assess/adapters/assess-files.js';
import { discoveredVendors, type DiscoveredVendor } from '../../assess/vendor/discovered-vendors.js';
import { assessVendors } from '../../assess/vendor/vendor-assessment.js';
import { addVendorStubs } from '../../config/config-document.js';
import { editableConfig, writeFileAtomic } from '../../config/init-answers.js';
import { ConfigProblemsError } from '../../config/load-config.js';
import { CONTROLS } from '../../catalog/controls.js';
import { AttestError } from '../../core/errors.js';
import { renderDiscoveredVendors, renderVendorTerminal } from '../../report/assess-vendor.js';
import { VERSION } from '../../version.js';
import { colors, printJson, warn } from '../_output.js';
import { checkedPositionals, loadAnswers } from './assess.js';

async function discovered(from: string | undefined, scan: string | undefined): Promise<DiscoveredVendor[] | undefined> {
  if (from !== undefined && scan !== undefined) throw new AttestError('BAD_INPUT', 'give either --from or --scan, not both', { where: '--scan' });
  if (from !== undefined) return discoveredVendors(await readDiscoverJson(from));
  if (scan !== undefined) {
    const { discoverPaths } = await import('../../discover/index.js');
    return discoveredVendors(await discoverPaths(scan.split(',').filter(Boolean), { onProblem: (p) => warn(`${p.path}: ${p.message}`) }));
  }
  return undefined;
}

function configProblems(err: unknown): number {
  if (err instanceof ConfigProblemsError) {
    for (const line of err.lines()) warn(line);
    return 2;
  }
  throw err;
}

const init = defineCommand({
  meta: { name: 'init', description: 'Add the discovered vendors to attest.yaml `vendors:` as stubs with every question commented.' },
  args: {
    answers: { type: 'string', description: 'attest.yaml to update (default attest.yaml)' },
    from: { type: 'string', description: 'A saved discover result (attest discover --json)' },
    scan: { type: 'string', description: 'Folders to scan instead (comma-separated; default .)' },
  },
  async run({ args, rawArgs }) {
    checkedPositionals(rawArgs, new Set(['--answers', '--from', '--scan']), new Set(), 'vendor init');
    const path = (args.answers as string | undefined) ?? 'attest.yaml';
    const from = args.from as string | undefined;
    const vendors = (await discovered(from, from === undefined ? ((args.scan as string | undefined) ?? '.') : undefined)) ?? [];
    try {
      const { doc } = await editableConfig(path, CONTROLS);
      const added = addVendorStubs(doc, vendors);
      if (added > 0) await writeFileAtomic(path, String(doc));
      process.stdout.write(added > 0 ? `Added ${added} vendor stub${added === 1 ? '' : 's'} to ${path}; answer their questions, then run attest vendor.\n` : `Every discovered vendor is already in ${path}.\n`);
      return 0;
    } catch (err) {
      return configProblems(err);
    }
  },
});

export default defineCommand({
  meta: {
    name: 'vendor',
    description: 'Third-party AI risk (R20): score model providers, data providers, MCP servers and plugins from their questionnaires in attest.yaml.',
  },
  args: {
    answers: { type: 'string', description: 'attest.yaml with `vendors:` (default ./attest.yaml)' },
    from: { type: 'string', description: 'A saved discover result: list its vendors and flag the unreviewed ones' },
    scan: { type: 'string', description: 'Folders to scan for vendors instead of --from (comma-separated)' },
    format: { type: 'string', description: 'Report files to write: html, md, json (comma-separated)' },
    'out-dir': { type: 'string', description: 'Folder for vendor-report.{html,md,json} (default attest-report)' },
    json: { type: 'boolean', description: 'Print the vendor report JSON on stdout' },
  },
  subCommands: { init },
  async run({ args, rawArgs }) {
    checkedPositionals(rawArgs, new Set(['--answers', '--from', '--scan', '--format', '--out-dir']), new Set(['--json']), 'vendor');
    const formats = ((args.format as string | undefined) ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    for (const f of formats) if (!isReportFormat(f)) throw new AttestError('BAD_INPUT', `unknown format "${f}" (one of: ${REPORT_FORMATS.join(', ')})`, { where: '--format' });
    const outDir = (args['out-dir'] as string | undefined) ?? 'attest-report';
    if (args['out-dir'] !== undefined && formats.length === 0) formats.push(...REPORT_FORMATS);
    let config;
    try {
      config = (await loadAnswers(args.answers as string | undefined, false)).config;
    } catch (err) {
      return configProblems(err);
    }
    const found = await discovered(args.from as string | undefined, args.scan as string | undefined);
    const entries = config?.vendors ?? [];
    if (entries.length === 0 && found && !args.json && formats.length === 0) {
      process.stdout.write(renderDiscoveredVendors(found, colors()));
      return 0;
    }
    const report = assessVendors(entries, found ?? [], { generatedAt: new Date().toISOString(), toolVersion: VERSION });
    const written = await writeVendorReports(report, formats as ReportFormat[], outDir);
    if (args.json) printJson(report);
    else {
      process.stdout.write(renderVendorTerminal(report, colors()));
      if (written.length > 0) process.stdout.write(`Reports: ${written.join(', ')}\n`);
    }
    return 0;
  },
});
