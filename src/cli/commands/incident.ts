/**
 * `attest incident list|show|ack|close|scan`: AI incidents (R8) over the audit trail. Incident
 * state changes are appended to the trail as incident.* events.
 */
import { defineCommand } from 'citty';
import { AttestError } from '../../core/errors.js';
import type { ChainedAuditStore } from '../../audit/chained-audit-store.js';
import type { BlastRadius, LinkKind, ReachedEntity } from '../../audit/incidents/blast-radius.js';
import type { Incident, IncidentStatus } from '../../audit/incidents/incident-model.js';
import type { IncidentService } from '../../audit/incidents/incident-service.js';
import type { IncidentSeverity } from '../../audit/incidents/taxonomy.js';
import { colors, printJson, warn } from '../_output.js';
import { intFlag, resolveAuditConfig, storeArgs, type StoreFlags } from './_audit-options.js';
import type { IncidentsConfig } from '../../audit/incidents/config-schema.js';
import { ConfigProblemsError } from '../../config/load-config.js';
import { loadAttestYaml, reportProblems, stateDirFor } from './audit-export.js';

const api = () => import('../../audit/incidents/index.js');

const common = {
  ...storeArgs,
  'state-dir': { type: 'string', description: 'where the scan position lives (default: the audit database directory, else .attest)' },
  json: { type: 'boolean', description: 'print JSON' },
} as const;

/** The `incidents:` section of attest.yaml (`--config`, else ./attest.yaml when present). */
async function incidentsSection(flags: StoreFlags): Promise<IncidentsConfig | undefined> {
  return (await loadAttestYaml(flags.config))?.incidents as IncidentsConfig | undefined;
}

async function withService<T>(
  flags: StoreFlags & { 'state-dir'?: string | undefined },
  readOnly: boolean,
  fn: (svc: IncidentService, store: ChainedAuditStore, section: IncidentsConfig | undefined) => Promise<T>,
): Promise<T> {
  const section = await incidentsSection(flags);
  const config = await resolveAuditConfig(flags);
  const { openStore } = await import('../../audit/adapters/open-store.js');
  const { IncidentService, DEFAULT_RULES } = await api();
  const { applyIncidentsConfig } = await import('../../audit/incidents/config-schema.js');
  const rules = applyIncidentsConfig(DEFAULT_RULES, section);
  const store = await openStore(config, { readOnly, ...(readOnly ? { checkpoint: { onClose: false, everySeconds: 0, everyEvents: 0 } } : {}) });
  try {
    return await fn(new IncidentService(store, { stateDir: stateDirFor(config, flags['state-dir']), rules }), store, section);
  } finally {
    await store.close();
  }
}

/** Run a subcommand body; attest.yaml problems print one located line each and exit 2. */
async function reportingProblems(body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof ConfigProblemsError) return reportProblems(err);
    throw err;
  }
}

const SEV_RANK: Record<IncidentSeverity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

function severityFlag(value: string | undefined): IncidentSeverity | undefined {
  if (value === undefined) return undefined;
  if (!(value in SEV_RANK)) throw new AttestError('BAD_INPUT', `--fail-on must be critical, high, medium or low, got "${value.slice(0, 20)}"`, { where: '--fail-on' });
  return value as IncidentSeverity;
}

/** `24h`, `90m`, `2d`, `30s` or plain milliseconds. */
export function durationFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{1,9})(ms|s|m|h|d)?$/.exec(value.trim());
  if (!m) throw new AttestError('BAD_INPUT', `not a duration (e.g. 24h, 90m, 2d): "${value.slice(0, 20)}"`, { where: flag });
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 'ms') as 'ms'];
  return Number(m[1]) * unit;
}

function line(i: Incident): string {
  const c = colors();
  const sev = i.severity === 'critical' || i.severity === 'high' ? c.red(i.severity.toUpperCase()) : c.yellow(i.severity.toUpperCase());
  return `${i.id}  ${sev}  ${i.category}  ${i.status}  ${i.openedAt}  ${i.title}`;
}

const scan = defineCommand({
  meta: { name: 'scan', description: 'Run the incident rules over events since the last scan and open incidents.' },
  args: { ...common, 'fail-on': { type: 'string', description: 'exit 1 when a new incident is at or above this severity (critical|high|medium|low)' } },
  run: ({ args }) => reportingProblems(async () => {
    const failOn = severityFlag(args['fail-on']);
    const r = await withService(args, false, (svc) => svc.scan());
    if (args.json) printJson(r);
    else {
      process.stdout.write(`scanned ${r.scanned} events (seq ${r.fromSeq}→${r.toSeq}): ${r.opened.length} new incident${r.opened.length === 1 ? '' : 's'}${r.deduped ? `, ${r.deduped} matches of incidents already open` : ''}\n`);
      for (const i of r.opened) process.stdout.write(`${line(i)}\n`);
    }
    return failOn && r.opened.some((i) => SEV_RANK[i.severity] >= SEV_RANK[failOn]) ? 1 : 0;
  }),
});

const list = defineCommand({
  meta: { name: 'list', description: 'List incidents, newest first.' },
  args: { ...common, status: { type: 'string', description: 'open | acknowledged | closed (default: all)' } },
  run: ({ args }) => reportingProblems(async () => {
    const status = args.status;
    if (status !== undefined && !['open', 'acknowledged', 'closed'].includes(status)) throw new AttestError('BAD_INPUT', `--status must be open, acknowledged or closed, got "${status.slice(0, 20)}"`, { where: '--status' });
    const all = await withService(args, true, (svc) => svc.list(status ? { status: status as IncidentStatus } : {}));
    if (args.json) printJson(all);
    else if (all.length === 0) process.stdout.write('no incidents\n');
    else for (const i of all) process.stdout.write(`${line(i)}\n`);
    return 0;
  }),
});

function entities(name: string, xs: readonly ReachedEntity[]): string {
  if (xs.length === 0) return `  ${name}: none\n`;
  return `  ${name} (${xs.length}): ${xs.map((x) => `${x.id} [${x.before} before, ${x.after} after]`).join(', ')}\n`;
}

function renderRadius(r: BlastRadius): string {
  const hours = (Date.parse(r.window.until) - Date.parse(r.anchor)) / 3_600_000;
  let out = `\nBlast radius (±${hours}h around ${r.anchor}, ${r.hops} hops via ${r.via.join(',')}; ${r.linkedEvents} linked events${r.truncated ? ', TRUNCATED' : ''}):\n`;
  out += entities('users', r.users) + entities('agents/services', r.principals) + entities('sessions', r.sessions) + entities('documents', r.documents);
  out += entities('tools', r.tools) + entities('provider keys', r.keys) + entities('models', r.models);
  return out;
}

const show = defineCommand({
  meta: { name: 'show', description: 'Show an incident: checklist, history, framework references, and optionally its blast radius.' },
  args: {
    ...common,
    id: { type: 'positional', required: true, description: 'incident id' },
    'blast-radius': { type: 'boolean', description: 'also compute every user, session, document, tool and key the incident reached' },
    window: { type: 'string', description: 'blast radius: time window either side (default 24h)' },
    hops: { type: 'string', description: 'blast radius: transitive link depth (default 2)' },
    via: { type: 'string', description: 'blast radius: link through session,request,actor,key (default all)' },
  },
  run: ({ args }) => reportingProblems(async () => {
    const windowMs = durationFlag(args.window, '--window');
    const hops = intFlag(args.hops, '--hops');
    const via = args.via?.split(',').map((v) => v.trim());
    const { LINK_KINDS, blastRadius, incidentCategory, frameworkRefs } = await api();
    for (const v of via ?? []) if (!(LINK_KINDS as readonly string[]).includes(v)) throw new AttestError('BAD_INPUT', `--via: unknown link "${v.slice(0, 20)}" (session, request, actor, key)`, { where: '--via' });
    const { blastRadiusDefaults } = await import('../../audit/incidents/config-schema.js');
    const { incident, radius } = await withService(args, true, async (svc, store, section) => {
      const inc = await svc.get(args.id);
      if (!inc) throw new AttestError('NOT_FOUND', `no incident ${args.id.slice(0, 80)} (see \`attest incident list\`)`, { where: args.id.slice(0, 80) });
      // attest.yaml `incidents.blastRadius` gives the defaults; flags win.
      const opts = { ...blastRadiusDefaults(section), ...(windowMs !== undefined ? { windowMs } : {}), ...(hops !== undefined ? { hops } : {}), ...(via ? { via: via as LinkKind[] } : {}) };
      const br = args['blast-radius'] ? await blastRadius(store, inc, opts) : undefined;
      return { incident: inc, radius: br };
    });
    const cat = incidentCategory(incident.category);
    const refs = frameworkRefs(cat);
    const checklist = cat.checklist.map((c) => ({ ...c, done: incident.ticked.includes(c.id) }));
    if (args.json) {
      printJson({ incident, category: { id: cat.id, title: cat.title, description: cat.description, controls: cat.controls, frameworks: refs }, checklist, ...(radius ? { blastRadius: radius } : {}) });
      return 0;
    }
    const c = colors();
    let out = `${line(incident)}\n${cat.description}\n`;
    out += `triggered by: ${incident.triggeredBy.join(', ')}${incident.ruleId ? ` (rule ${incident.ruleId})` : ''}\n`;
    out += `controls: ${cat.controls.join(', ')}\n`;
    for (const [fw, ids] of Object.entries(refs)) out += `  ${fw}: ${ids.join(', ')}\n`;
    out += '\nResponse checklist (tick with `attest incident ack|close <id> --tick <item>`):\n';
    for (const item of checklist) out += `  ${item.done ? c.green('[x]') : '[ ]'} ${item.id}  ${item.text}\n`;
    out += '\nHistory:\n';
    for (const h of incident.history) out += `  ${h.at}  ${h.status} by ${h.by}${h.note ? `: ${h.note}` : ''}${h.ticked ? ` (ticked ${h.ticked.join(', ')})` : ''}\n`;
    if (radius) out += renderRadius(radius);
    process.stdout.write(out);
    return 0;
  }),
});

function transition(to: 'acknowledged' | 'closed') {
  return defineCommand({
    meta: { name: to === 'closed' ? 'close' : 'ack', description: to === 'closed' ? 'Close an incident (recorded in the audit trail).' : 'Acknowledge an open incident (recorded in the audit trail).' },
    args: {
      ...common,
      id: { type: 'positional', required: true, description: 'incident id' },
      note: { type: 'string', alias: 'm', description: 'note recorded with the change' },
      tick: { type: 'string', description: 'checklist item ids done, comma-separated' },
      by: { type: 'string', description: 'who (default: $ATTEST_USER, else $USER)' },
    },
    run: ({ args }) => reportingProblems(async () => {
      const by = args.by ?? process.env.ATTEST_USER ?? process.env.USER ?? 'unknown';
      if (args.note !== undefined && args.note.length > 4000) throw new AttestError('BAD_INPUT', 'note is longer than 4000 characters', { where: '--note' });
      const tick = args.tick?.split(',').map((t) => t.trim()).filter(Boolean);
      const inc = await withService(args, false, (svc) => (to === 'closed' ? svc.close(args.id, { by, note: args.note, tick }) : svc.acknowledge(args.id, { by, note: args.note, tick })));
      if (args.json) printJson(inc);
      else {
        process.stdout.write(`${line(inc)}\n`);
        const { incidentCategory } = await api();
        const left = incidentCategory(inc.category).checklist.filter((c) => !inc.ticked.includes(c.id));
        if (to === 'closed' && left.length > 0) warn(`closed with ${left.length} checklist item${left.length === 1 ? '' : 's'} not ticked: ${left.map((l) => l.id).join(', ')}`);
      }
      return 0;
    }),
  });
}

export default defineCommand({
  meta: { name: 'incident', description: 'AI incidents: scan the audit trail with rules, list, show (with blast radius), acknowledge and close.' },
  subCommands: { list, show, ack: transition('acknowledged'), close: transition('closed'), scan },
});
