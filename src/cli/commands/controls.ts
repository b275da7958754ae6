import { defineCommand } from 'citty';
import {
  CONTROLS,
  FRAMEWORK_KEYS,
  FRAMEWORKS,
  SEVERITIES,
  filterControls,
  frameworkCoverage,
  isFrameworkKey,
  type Control,
  type ControlFilter,
  type FrameworkKey,
  type RequirementId,
  type Severity,
} from '../../catalog/index.js';
import { AttestError } from '../../core/errors.js';
import { colors, printJson } from '../_output.js';

function parseFilter(args: { framework?: string | undefined; item?: string | undefined; requirement?: string | undefined; severity?: string | undefined }): ControlFilter {
  const filter: { -readonly [K in keyof ControlFilter]: ControlFilter[K] } = {};
  if (args.framework !== undefined) {
    if (!isFrameworkKey(args.framework)) {
      throw new AttestError('BAD_INPUT', `unknown framework "${args.framework}" (one of: ${FRAMEWORK_KEYS.join(', ')})`, { where: '--framework' });
    }
    filter.framework = args.framework;
  }
  if (args.item !== undefined) filter.item = args.item;
  if (args.requirement !== undefined) {
    const r = args.requirement.toUpperCase();
    if (!/^R(?:[1-9]|1\d|2[0-3])$/.test(r)) throw new AttestError('BAD_INPUT', `unknown requirement "${args.requirement}" (R1–R23)`, { where: '--requirement' });
    filter.requirement = r as RequirementId;
  }
  if (args.severity !== undefined) {
    if (!SEVERITIES.includes(args.severity as Severity)) {
      throw new AttestError('BAD_INPUT', `unknown severity "${args.severity}" (one of: ${SEVERITIES.join(', ')})`, { where: '--severity' });
    }
    filter.severity = args.severity as Severity;
  }
  return filter;
}

function renderTable(controls: readonly Control[], framework: FrameworkKey | undefined): string {
  const c = colors();
  const sev: Record<Severity, (s: string) => string> = { critical: c.red, high: c.red, medium: c.yellow, low: c.cyan, info: c.dim };
  const lines = controls.map((ctl) => {
    const mapped = framework ? (ctl.mappings[framework] ?? []).join(', ') : ctl.requirements.join(', ');
    return `${c.bold(ctl.id.padEnd(10))} ${sev[ctl.severity](ctl.severity.padEnd(8))} ${ctl.title}\n${' '.repeat(20)}${c.dim(mapped)}`;
  });
  const header = framework ? `${controls.length} controls mapped to ${FRAMEWORKS[framework].name} (${FRAMEWORKS[framework].version})` : `${controls.length} controls`;
  return `${header}\n\n${lines.join('\n')}\n`;
}

export default defineCommand({
  meta: { name: 'controls', description: 'List and filter the Attest AI control catalog and its framework mappings.' },
  args: {
    framework: { type: 'string', description: `Only controls mapped to this framework (${FRAMEWORK_KEYS.join(', ')})` },
    item: { type: 'string', description: 'Only controls mapped to this framework item, e.g. LLM01 or CC7.2' },
    requirement: { type: 'string', description: 'Only controls covering this requirement, e.g. R4' },
    severity: { type: 'string', description: 'Only controls of this severity' },
    coverage: { type: 'boolean', description: 'Show the framework items covered and the controls behind each (needs --framework)' },
    json: { type: 'boolean', description: 'Print JSON on stdout' },
  },
  run({ args }) {
    const filter = parseFilter(args);
    if (args.coverage) {
      if (!filter.framework) throw new AttestError('BAD_INPUT', '--coverage needs --framework');
      const cov = frameworkCoverage(filter.framework);
      if (args.json) printJson(cov);
      else {
        const total = FRAMEWORKS[filter.framework].items.length;
        process.stdout.write(`${cov.items.length} of ${total} ${FRAMEWORKS[filter.framework].name} items covered\n\n`);
        for (const { item, controls } of cov.items) process.stdout.write(`${item.id.padEnd(14)} ${item.title.slice(0, 60).padEnd(60)} ${controls.join(', ')}\n`);
      }
      return 0;
    }
    const controls = filterControls(filter, CONTROLS);
    if (args.json) printJson(controls);
    else process.stdout.write(renderTable(controls, filter.framework));
    return 0;
  },
});
