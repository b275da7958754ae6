import { readFile, writeFile } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { AttestError } from '../../core/errors.js';
import { EVENT_TYPES, type AuditEventType } from '../../audit/event.js';
import type { ChainedAuditStore } from '../../audit/chained-audit-store.js';
import { colors, printJson, progress, warn } from '../_output.js';
import { intFlag, isoFlag, resolveAuditConfig, storeArgs, type StoreFlags } from './_audit-options.js';

// The audit API loads lazily so `attest --help` does not open drivers.
const api = () => import('../../audit/index.js');
const ingestApi = () => import('../../audit/adapters/ingest-jsonl.js');

async function withStore<T>(flags: StoreFlags, readOnly: boolean, fn: (s: ChainedAuditStore) => Promise<T>): Promise<T> {
  const { openStore } = await api();
  const store = await openStore(await resolveAuditConfig(flags), { readOnly, checkpoint: readOnly ? { onClose: false, everySeconds: 0, everyEvents: 0 } : {} });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function trusted(flags: StoreFlags, publicKey: string | undefined): Promise<string[]> {
  const { readPublicKey, trustedKeysFor } = await api();
  if (publicKey) return [readPublicKey(publicKey)];
  return trustedKeysFor(await resolveAuditConfig(flags));
}

const verify = defineCommand({
  meta: { name: 'verify', description: 'Recompute every hash chain and checkpoint; exit 0 intact, 1 not (naming the first bad event).' },
  args: {
    ...storeArgs,
    since: { type: 'string', description: 'verify from the checkpoint before this ISO time' },
    until: { type: 'string', description: 'verify up to the checkpoint covering this ISO time' },
    'public-key': { type: 'string', description: 'public key trusted for checkpoints (default: the signing key\'s)' },
    json: { type: 'boolean', description: 'print the report as JSON' },
    quiet: { type: 'boolean', alias: 'q', description: 'print nothing but errors' },
  },
  async run({ args }) {
    const since = isoFlag(args.since, '--since');
    const until = isoFlag(args.until, '--until');
    const keys = await trusted(args, args['public-key']);
    const report = await withStore(args, true, (s) => s.verify({ trustedKeys: keys, ...(since ? { since } : {}), ...(until ? { until } : {}) }));
    if (args.json) printJson(report);
    else if (!args.quiet) {
      const c = colors();
      const scope = `${report.events} events, ${report.checkpoints} checkpoints${report.prunedSegments ? ` (${report.prunedSegments} pruned)` : ''}, ${report.writers} writers, seq ${report.fromSeq + 1}..${report.toSeq}`;
      if (report.ok) process.stdout.write(`${c.green('intact')}: ${scope}\n`);
      else {
        const b = report.firstBreak!;
        process.stdout.write(`${c.red('BROKEN')} (${b.kind}): ${b.message}\n`);
        if (b.event) process.stdout.write(`first bad event: ${b.event.id} (writer ${b.event.writer}, index ${b.event.index}, seq ${b.event.seq})\n`);
        if (b.checkpoint !== undefined) process.stdout.write(`checkpoint: ${b.checkpoint}\n`);
        if (report.events > 0) process.stdout.write(`intact before the break: ${scope}\n`);
      }
    }
    if (!report.keysTrusted && !args.quiet) warn('no trusted public key found: checkpoint signatures were checked against their embedded keys only (pass --public-key)');
    return report.ok ? 0 : 1;
  },
});

const prove = defineCommand({
  meta: { name: 'prove', description: 'Print an inclusion proof (event, audit path, signed checkpoint) as JSON.' },
  args: {
    ...storeArgs,
    id: { type: 'positional', required: true, description: 'event id' },
    out: { type: 'string', alias: 'o', description: 'write the proof to this file instead of stdout' },
  },
  async run({ args }) {
    const r = await withStore(args, true, (s) => s.prove(args.id));
    if (!r.ok) {
      warn(r.message);
      return 1;
    }
    const text = `${JSON.stringify(r.proof, null, 2)}\n`;
    if (args.out) await writeFile(args.out, text).catch((err: Error) => Promise.reject(new AttestError('IO', err.message, { where: args.out ?? '--out' })));
    else process.stdout.write(text);
    return 0;
  },
});

const checkProofCmd = defineCommand({
  meta: { name: 'check-proof', description: 'Verify an inclusion proof offline (no database); exit 0 valid, 1 not.' },
  args: {
    file: { type: 'positional', required: true, description: 'proof JSON file' },
    'public-key': { type: 'string', description: 'public key file the checkpoint must be signed with' },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  async run({ args }) {
    const { checkProof, readPublicKey } = await api();
    let value: unknown;
    try {
      value = JSON.parse(await readFile(args.file, 'utf8'));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new AttestError('NOT_FOUND', 'file not found', { where: args.file });
      if (code) throw new AttestError('IO', (err as Error).message, { where: args.file });
      throw new AttestError('BAD_INPUT', `not valid JSON: ${(err as Error).message}`, { where: args.file });
    }
    const keys = args['public-key'] ? [readPublicKey(args['public-key'])] : [];
    const r = checkProof(value, keys);
    if (args.json) printJson({ ...r, keyPinned: keys.length > 0 });
    else if (r.ok) process.stdout.write(`valid: event ${(value as { event: { id: string } }).event.id} is in checkpoint ${(value as { checkpoint: { number: number } }).checkpoint.number}\n`);
    else process.stdout.write(`INVALID: ${r.problem}\n`);
    if (r.ok && keys.length === 0 && !args.json) warn('the checkpoint key was not pinned: pass --public-key to check who signed it');
    return r.ok ? 0 : 1;
  },
});

const ingest = defineCommand({
  meta: { name: 'ingest', description: 'Append events from a JSON-lines file (validated first; a bad line writes nothing; exactly once per file content, resumable).' },
  args: {
    ...storeArgs,
    file: { type: 'positional', required: true, description: 'events.jsonl' },
    batch: { type: 'string', description: 'events per transaction (default 1000)' },
    json: { type: 'boolean', description: 'print the result as JSON' },
    quiet: { type: 'boolean', alias: 'q', description: 'print nothing but errors' },
  },
  async run({ args }) {
    const { ingestJsonl } = await ingestApi();
    const batchSize = intFlag(args.batch, '--batch') ?? 1000;
    const bar = progress();
    const r = await withStore(args, false, (s) => ingestJsonl(args.file, s, { batchSize, onProgress: (n) => bar.update(`ingested ${n} events`) }));
    bar.done();
    if (args.json) printJson(r);
    else if (args.quiet) return 0;
    else if (r.alreadyIngested) process.stdout.write(`already ingested (${r.totalEvents} events)\n`);
    else {
      const resumed = r.resumedAfterLine > 0 ? `; resumed after line ${r.resumedAfterLine}, ${r.totalEvents} events from this file in total` : '';
      process.stdout.write(`ingested ${r.appended} events${r.firstSeq !== undefined ? ` (seq ${r.firstSeq}..${r.lastSeq})` : ''}${resumed}\n`);
    }
    return 0;
  },
});

const query = defineCommand({
  meta: { name: 'query', description: 'Stream events in seq order (one line each; JSON lines with --json).' },
  args: {
    ...storeArgs,
    since: { type: 'string', description: 'ISO time, inclusive' },
    until: { type: 'string', description: 'ISO time, exclusive' },
    actor: { type: 'string', description: 'actor id' },
    type: { type: 'string', description: `event types, comma-separated (${EVENT_TYPES.join(', ')})` },
    session: { type: 'string', description: 'session id' },
    'request-id': { type: 'string', description: 'request id' },
    'after-seq': { type: 'string', description: 'only events with a greater seq' },
    limit: { type: 'string', description: 'at most this many events' },
    json: { type: 'boolean', description: 'JSON lines (one stored event per line)' },
  },
  async run({ args }) {
    const types = args.type?.split(',').map((t) => t.trim()).filter(Boolean);
    const bad = types?.find((t) => !(EVENT_TYPES as readonly string[]).includes(t));
    if (bad) throw new AttestError('BAD_INPUT', `unknown event type "${bad.slice(0, 40)}" (one of ${EVENT_TYPES.join(', ')})`, { where: '--type' });
    const since = isoFlag(args.since, '--since');
    const until = isoFlag(args.until, '--until');
    const afterSeq = intFlag(args['after-seq'], '--after-seq');
    const limit = intFlag(args.limit, '--limit');
    const q = {
      ...(since ? { since } : {}),
      ...(until ? { until } : {}),
      ...(args.actor ? { actor: args.actor } : {}),
      ...(types ? { types: types as AuditEventType[] } : {}),
      ...(args.session ? { session: args.session } : {}),
      ...(args['request-id'] ? { requestId: args['request-id'] } : {}),
      ...(afterSeq !== undefined ? { afterSeq } : {}),
      ...(limit !== undefined ? { limit } : {}),
    };
    await withStore(args, true, async (s) => {
      for await (const e of s.query(q)) {
        const line = args.json ? JSON.stringify(e) : `${e.seq}\t${e.time}\t${e.type}\t${e.actor?.id ?? '-'}\t${e.writer}#${e.index}\t${e.id}`;
        if (!process.stdout.write(`${line}\n`)) await new Promise((r) => process.stdout.once('drain', r));
      }
    });
    return 0;
  },
});

const checkpoint = defineCommand({
  meta: { name: 'checkpoint', description: 'Sign a checkpoint over the events appended since the last one.' },
  args: { ...storeArgs, json: { type: 'boolean', description: 'print the checkpoint as JSON' } },
  async run({ args }) {
    const cp = await withStore(args, false, (s) => s.checkpoint());
    if (args.json) printJson(cp ?? null);
    else if (cp) process.stdout.write(`checkpoint ${cp.number}: ${cp.treeSize} events, seq ${cp.fromSeq + 1}..${cp.toSeq}, root ${cp.merkleRoot}, key ${cp.keyId}\n`);
    else process.stdout.write('nothing to checkpoint: no events since the last checkpoint\n');
    return 0;
  },
});

const retention = defineCommand({
  meta: { name: 'retention', description: 'Retention: prune expired, checkpointed, un-held segments (signed prune records).' },
  subCommands: {
    apply: defineCommand({
      meta: { name: 'apply', description: 'Remove segments whose events are all older than --days (default audit.retentionDays).' },
      args: { ...storeArgs, days: { type: 'string', description: 'retention in days' }, json: { type: 'boolean', description: 'print the result as JSON' } },
      async run({ args }) {
        const config = await resolveAuditConfig(args);
        const days = intFlag(args.days, '--days') ?? config.retentionDays;
        if (days === undefined) throw new AttestError('BAD_CONFIG', 'no retention configured: set audit.retentionDays or pass --days', { where: 'attest.yaml' });
        const holds = (config.legalHolds ?? []).map((h) => ({ ...h }));
        const r = await withStore(args, false, (s) => s.applyRetention({ days, holds }));
        if (args.json) printJson(r);
        else process.stdout.write(`removed ${r.eventsRemoved} events in ${r.prunedCheckpoints.length} segments (cut-off ${r.cutoff})${r.heldCheckpoints.length ? `; kept ${r.heldCheckpoints.length} segments under legal hold (checkpoints ${r.heldCheckpoints.join(', ')})` : ''}\n`);
        return 0;
      },
    }),
  },
});

const hold = defineCommand({
  meta: { name: 'hold', description: 'Legal holds: events they match are never pruned.' },
  subCommands: {
    add: defineCommand({
      meta: { name: 'add', description: 'Add (or replace) a legal hold.' },
      args: {
        ...storeArgs,
        id: { type: 'positional', required: true, description: 'hold id, e.g. a case number' },
        actor: { type: 'string', description: 'hold events of this actor' },
        session: { type: 'string', description: 'hold events of this session' },
        since: { type: 'string', description: 'hold events at or after this ISO time' },
        until: { type: 'string', description: 'hold events before this ISO time' },
        reason: { type: 'string', description: 'why' },
      },
      async run({ args }) {
        const since = isoFlag(args.since, '--since');
        const until = isoFlag(args.until, '--until');
        const h = {
          id: args.id,
          createdAt: new Date().toISOString(),
          ...(args.actor ? { actor: args.actor } : {}),
          ...(args.session ? { session: args.session } : {}),
          ...(since ? { since } : {}),
          ...(until ? { until } : {}),
          ...(args.reason ? { reason: args.reason } : {}),
        };
        await withStore(args, true, (s) => s.addHold(h));
        process.stdout.write(`hold ${args.id} added\n`);
        return 0;
      },
    }),
    list: defineCommand({
      meta: { name: 'list', description: 'List legal holds (stored ones and audit.legalHolds from config).' },
      args: { ...storeArgs, json: { type: 'boolean', description: 'JSON' } },
      async run({ args }) {
        const config = await resolveAuditConfig(args);
        const stored = await withStore(args, true, (s) => s.holds());
        const all = [...(config.legalHolds ?? []).map((h) => ({ ...h, from: 'config' })), ...stored.map((h) => ({ ...h, from: 'store' }))];
        if (args.json) printJson(all);
        else for (const h of all) process.stdout.write(`${h.id}\t${h.from}\tactor=${h.actor ?? '*'} session=${h.session ?? '*'} ${h.since ?? '-∞'}..${h.until ?? '∞'}${h.reason ? `\t${h.reason}` : ''}\n`);
        return 0;
      },
    }),
    remove: defineCommand({
      meta: { name: 'remove', description: 'Remove a stored legal hold.' },
      args: { ...storeArgs, id: { type: 'positional', required: true, description: 'hold id' } },
      async run({ args }) {
        const removed = await withStore(args, true, (s) => s.removeHold(args.id));
        if (!removed) throw new AttestError('NOT_FOUND', `no stored legal hold "${args.id.slice(0, 80)}" (holds in attest.yaml are removed there)`);
        process.stdout.write(`hold ${args.id} removed\n`);
        return 0;
      },
    }),
  },
});

export default defineCommand({
  meta: { name: 'audit', description: 'The tamper-evident audit trail: verify, prove, ingest, query, checkpoint, retention, export.' },
  subCommands: {
    verify,
    prove,
    'check-proof': checkProofCmd,
    ingest,
    query,
    checkpoint,
    retention,
    hold,
    export: () => import('./audit-export.js').then((m) => m.default),
  },
});
