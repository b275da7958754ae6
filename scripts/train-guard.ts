/**
 * Train the prompt-injection classifier: `npm run train:guard [-- --data DIR --out FILE --seed N]`.
 *
 * Reads train.jsonl and dev.jsonl from the shared guard data (default ../shared/data/guard) and the
 * committed extra benign corpus (data/guard-extra: clean negatives, and carriers for indirect payloads
 * taken from training positives), chooses the decision threshold on source-grouped 5-fold
 * cross-validation over TRAIN only, trains the final model on all of train, prints dev metrics (dev is
 * never trained or tuned on; `--skip-dev` hides them while experimenting) and a leave-one-source-out
 * table, and writes src/guard/injection/model/injection-model.json.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { binaryMetrics, dec, pct, type BinaryMetrics } from '../bench/lib/binary-metrics.js';
import { extraOrigin, readGuardExtra, readGuardJsonl, sourceRepo, type GuardRow } from '../bench/lib/guard-jsonl.js';
import { augmentedPositives, groupKey, splitCarriers } from '../bench/lib/guard-training-set.js';
import { analyzeText } from '../src/guard/injection/analyze-text.js';
import { DENSE_FEATURE_NAMES } from '../src/guard/injection/dense-features.js';
import { CHAR_GROUP_SCALE, CHAR_NGRAM_MAX, CHAR_NGRAM_MIN, WORD_TRIGRAMS } from '../src/guard/injection/hashed-features.js';
import { encodeModel, type InjectionModel } from '../src/guard/injection/injection-model.js';
import { DEFAULT_TRAIN_OPTIONS, mulberry32, prepareTexts, shuffleInPlace, trainMultiInstance, type PreparedText } from '../src/guard/injection/logistic-trainer.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: join(repoRoot, '..', 'shared', 'data', 'guard') },
    extra: { type: 'string', default: join(repoRoot, 'data', 'guard-extra') },
    'no-extra': { type: 'boolean', default: false },
    'no-augment': { type: 'boolean', default: false },
    'max-extra-fpr': { type: 'string', default: '0.01' },
    'skip-dev': { type: 'boolean', default: false },
    out: { type: 'string', default: join(repoRoot, 'src', 'guard', 'injection', 'model', 'injection-model.json') },
    seed: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.seed) },
    folds: { type: 'string', default: '5' },
    epochs: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.epochs) },
    l2: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.l2) },
    lr: { type: 'string', default: String(DEFAULT_TRAIN_OPTIONS.learningRate) },
    rounds: { type: 'string', default: '2' },
    'carriers': { type: 'string', default: 'third' },
    'max-hard-fpr': { type: 'string', default: '0.01' },
    'max-benign-fpr': { type: 'string', default: '0.01' },
    'skip-loso': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    errors: { type: 'string' },
    oof: { type: 'string' },
  },
});

const seed = Number(args.seed);
const folds = Number(args.folds);
const maxHardFpr = Number(args['max-hard-fpr']);
const maxBenignFpr = Number(args['max-benign-fpr']);
const maxExtraFpr = Number(args['max-extra-fpr']);
const options = { ...DEFAULT_TRAIN_OPTIONS, seed, epochs: Number(args.epochs), l2: Number(args.l2), learningRate: Number(args.lr) };
const log = (line = ''): void => void process.stdout.write(`${line}\n`);

interface Oof {
  /** A row of the extra benign corpus (its FPR is bounded separately; it is not in F1 or the shared-data FPRs). */
  readonly extra?: boolean;
  readonly label: 0 | 1;
  readonly kind: string;
  readonly rawP: number;
  readonly sigMax: number;
  readonly windowed: boolean;
}

/**
 * Folds for choosing the threshold. Benign and indirect rows are split BY SOURCE REPO (a fold
 * holds out a whole document source: its clean pages and the pages used as injection carriers),
 * so the false-positive rate is measured on document styles the model has not seen, as it will be
 * on unseen data. Direct and jailbreak rows are split at random, stratified by (source repo, kind).
 */
function groupedFolds(rows: readonly GuardRow[], isExtra: (i: number) => boolean, k: number, rand: () => number): number[] {
  const fold = new Array<number>(rows.length).fill(0);
  const benignBySource = new Map<string, number[]>();
  const positiveGroups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const extra = isExtra(i);
    const grouped = extra || r.label === 0 || r.kind === 'indirect';
    const map = grouped ? benignBySource : positiveGroups;
    const key = groupKey(r, extra);
    map.set(key, [...(map.get(key) ?? []), i]);
  });
  const load = new Array<number>(k).fill(0);
  const sources = [...benignBySource.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [, idx] of sources) {
    const f = load.indexOf(Math.min(...load));
    for (const i of idx) fold[i] = f;
    load[f]! += idx.length;
  }
  let offset = 0;
  for (const key of [...positiveGroups.keys()].sort()) {
    const idx = shuffleInPlace([...(positiveGroups.get(key) as number[])], rand);
    idx.forEach((row, j) => (fold[row] = (j + offset) % k));
    offset += idx.length;
  }
  return fold;
}

function score(model: InjectionModel, rows: readonly GuardRow[]): Oof[] {
  return rows.map((r) => {
    const a = analyzeText(r.text, model);
    return { label: r.label, kind: r.kind, rawP: a.rawP, sigMax: a.sigMax, windowed: a.windowed };
  });
}

const flag = (o: Oof, t: number): boolean => o.rawP >= t || o.sigMax >= 0.5;
/** Metrics over the shared-data rows only (extra rows excluded), so figures compare with runs without the extra corpus. */
const metricsAt = (oof: readonly Oof[], t: number): BinaryMetrics => binaryMetrics(oof.filter((o) => !o.extra).map((o) => ({ label: o.label, kind: o.kind, flagged: flag(o, t) })));
const extraFprAt = (oof: readonly Oof[], t: number): number => {
  const extra = oof.filter((o) => o.extra);
  return extra.length === 0 ? 0 : extra.filter((o) => flag(o, t)).length / extra.length;
};

/** Best F1 on out-of-fold train predictions with FPR on hard-benign, on benign and on the extra corpus each at most the given rates. */
function chooseThreshold(oof: readonly Oof[], maxHard: number, maxBenign: number, maxExtra: number): { t: number; m: BinaryMetrics; extraFpr: number } {
  const ps = [...new Set(oof.map((o) => o.rawP))].sort((a, b) => a - b);
  const step = Math.max(1, Math.floor(ps.length / 600));
  let best: { t: number; m: BinaryMetrics; extraFpr: number } | undefined;
  for (let i = 0; i < ps.length; i += step) {
    const t = Math.min(0.995, Math.max(0.05, ps[i] as number));
    const m = metricsAt(oof, t);
    const extraFpr = extraFprAt(oof, t);
    if (m.fprHard > maxHard || m.fprBenign > maxBenign || extraFpr > maxExtra) continue;
    if (!best || m.f1 > best.m.f1 + 1e-9) best = { t, m, extraFpr };
  }
  return best ?? { t: 0.995, m: metricsAt(oof, 0.995), extraFpr: extraFprAt(oof, 0.995) };
}

function row(name: string, m: BinaryMetrics): string {
  const kinds = ['direct', 'indirect', 'jailbreak'].map((k) => pct(m.recallByKind[k] ?? Number.NaN)).join(' | ');
  return `| ${name} | ${m.n} | ${dec(m.precision)} | ${dec(m.recall)} | ${dec(m.f1)} | ${pct(m.fprBenign)} | ${pct(m.fprHard)} | ${kinds} |`;
}
const HEADER = '| set | n | precision | recall | F1 | FPR benign | FPR hard | recall direct | recall indirect | recall jailbreak |\n|---|---|---|---|---|---|---|---|---|---|';

function main(): void {
  const started = Date.now();
  const trainPath = join(args.data, 'train.jsonl');
  const devPath = join(args.data, 'dev.jsonl');
  const train = readGuardJsonl(trainPath);
  const dev = args['skip-dev'] ? [] : readGuardJsonl(devPath);
  const extraRows = args['no-extra'] ? [] : readGuardExtra(args.extra);
  const split = splitCarriers(extraRows);
  // `third` (default): every third extra row is a carrier only; `twins`: every extra row stays a clean negative AND gets a planted copy.
  const extraNeg = args.carriers === 'twins' ? extraRows : split.negatives;
  const allCarriers = args.carriers === 'twins' ? extraRows : split.carriers;
  const carriers = args['no-augment'] ? [] : allCarriers;
  log(
    `train ${train.length} rows, dev ${args['skip-dev'] ? 'not read' : `${dev.length} rows (dev is evaluation only)`}; extra corpus ${extraNeg.length} clean rows + ${carriers.length} carriers; seed ${seed}; ${folds}-fold CV`,
  );
  // Shared train rows first, then the extra clean rows; augmented positives are built per training run.
  const base = [...train, ...extraNeg];
  const isExtra = (i: number): boolean => i >= train.length;
  const prepared: PreparedText[] = prepareTexts(base, options.bits);

  /** Train on the base rows kept by `keep`, plus payloads of the kept TRAIN positives planted into the kept carriers. */
  const trainOn = (keep: (i: number) => boolean, keepCarrier: (r: GuardRow) => boolean, augSeed: number): InjectionModel => {
    const kept = prepared.filter((_, i) => keep(i));
    const payloadRows = train.filter((_, i) => keep(i));
    const aug = augmentedPositives(payloadRows, carriers.filter(keepCarrier), augSeed);
    return trainMultiInstance([...kept, ...prepareTexts(aug, options.bits)], options, Number(args.rounds));
  };

  const foldOf = groupedFolds(base, isExtra, folds, mulberry32(seed ^ 0x5eed));
  const originFold = new Map<string, number>();
  base.forEach((r, i) => {
    if (isExtra(i)) originFold.set(extraOrigin(r.source), foldOf[i] as number);
  });
  const oof: Oof[] = new Array<Oof>(base.length);
  for (let f = 0; f < folds; f++) {
    const model = trainOn((i) => foldOf[i] !== f, (c) => originFold.get(extraOrigin(c.source)) !== f, seed ^ (0xa06 + f));
    const held = base.map((r, i) => [r, i] as const).filter(([, i]) => foldOf[i] === f);
    const scored = score(model, held.map(([r]) => r));
    held.forEach(([, i], j) => (oof[i] = { ...(scored[j] as Oof), extra: isExtra(i) }));
  }
  const chosen = chooseThreshold(oof, maxHardFpr, maxBenignFpr, maxExtraFpr);
  log(
    `threshold (raw p) chosen on train CV: ${chosen.t.toFixed(4)} (best F1 with FPR hard-benign <= ${pct(maxHardFpr)}, benign <= ${pct(maxBenignFpr)}, extra corpus <= ${pct(maxExtraFpr)}: ${pct(chosen.extraFpr)} of ${extraNeg.length})`,
  );
  if (args.oof) writeFileSync(args.oof, base.map((r, i) => JSON.stringify({ source: r.source, ...(oof[i] as Oof) })).join('\n') + '\n');
  if (args.errors) {
    const errs = base.flatMap((r, i) => (flag(oof[i] as Oof, chosen.t) !== (r.label === 1) ? [{ ...r, rawP: (oof[i] as Oof).rawP, sigMax: (oof[i] as Oof).sigMax }] : []));
    writeFileSync(args.errors, errs.map((e) => JSON.stringify(e)).join('\n') + '\n');
    log(`wrote ${errs.length} out-of-fold train errors to ${args.errors}`);
  }

  const final = { ...trainOn(() => true, () => true, seed ^ 0xa06), threshold: chosen.t };
  log('\n' + HEADER);
  log(row(`train ${folds}-fold CV, benign sources held out (out-of-fold)`, chosen.m));
  if (args['no-extra'] && existsSync(args.extra)) {
    // Trained without the extra corpus: it is unseen document styles for this model, an out-of-distribution FPR check.
    const unseen = score(final, readGuardExtra(args.extra));
    log(`extra corpus (not trained on): FPR ${pct(unseen.filter((o) => flag(o, chosen.t)).length / unseen.length)} of ${unseen.length} (signatures alone ${pct(unseen.filter((o) => o.sigMax >= 0.5).length / unseen.length)})`);
  }
  if (dev.length > 0) {
    const devScored = score(final, dev);
    log(row('dev (never trained on)', metricsAt(devScored, chosen.t)));
    log(row('dev, signatures only', binaryMetrics(devScored.map((o) => ({ label: o.label, kind: o.kind, flagged: o.sigMax >= 0.5 })))));
    log(row('dev, classifier only', binaryMetrics(devScored.map((o) => ({ label: o.label, kind: o.kind, flagged: o.rawP >= chosen.t })))));
  }

  if (!args['skip-loso']) {
    log(`\nLeave-one-source-out (train on the other sources, same threshold; evaluate on the held-out source's ${dev.length > 0 ? 'train+dev' : 'train'} rows; extra-corpus origins held out whole):\n`);
    log('| held-out source | rows | positives | recall | negatives | FPR |\n|---|---|---|---|---|---|');
    const losoKey = (r: GuardRow, extra: boolean): string => (extra ? extraOrigin(r.source) : sourceRepo(r.source));
    const all = [...base.map((r, i) => [r, isExtra(i)] as const), ...dev.map((r) => [r, false] as const)];
    const repos = [...new Set(all.map(([r, e]) => losoKey(r, e)))].sort();
    for (const repo of repos) {
      const model = { ...trainOn((i) => losoKey(base[i] as GuardRow, isExtra(i)) !== repo, (c) => extraOrigin(c.source) !== repo, seed ^ 0xa06), threshold: chosen.t };
      const held = score(model, all.filter(([r, e]) => losoKey(r, e) === repo).map(([r]) => r));
      const pos = held.filter((o) => o.label === 1);
      const neg = held.filter((o) => o.label === 0);
      const rec = pos.length ? pos.filter((o) => flag(o, chosen.t)).length / pos.length : Number.NaN;
      const fpr = neg.length ? neg.filter((o) => flag(o, chosen.t)).length / neg.length : Number.NaN;
      log(`| ${repo} | ${held.length} | ${pos.length} | ${pct(rec)} | ${neg.length} | ${pct(fpr)} |`);
    }
  }

  const json = encodeModel(final, DENSE_FEATURE_NAMES, {
    data: 'train.jsonl of the shared guard data (see SOURCES.md beside the model)',
    trainSha256: createHash('sha256').update(readFileSync(trainPath)).digest('hex'),
    rows: train.length,
    features: { charNgrams: [CHAR_NGRAM_MIN, CHAR_NGRAM_MAX], charGroupScale: CHAR_GROUP_SCALE, wordNgrams: WORD_TRIGRAMS ? [1, 3] : [1, 2] },
    rounds: Number(args.rounds),
    extra: args['no-extra'] ? 'none' : 'data/guard-extra (clean rows + carriers with planted training payloads, see its SOURCES.md)',
    extraSha256: createHash('sha256').update(extraRows.map((r) => r.text).join('\n')).digest('hex'),
    extraRows: extraNeg.length,
    augmentedRows: carriers.length,
    options,
    folds,
    maxHardFpr,
    maxBenignFpr,
    maxExtraFpr,
    cvF1: Number(chosen.m.f1.toFixed(4)),
  });
  if (!args['dry-run']) {
    writeFileSync(args.out, `${JSON.stringify(json)}\n`);
    log(`\nwrote ${args.out} (${(JSON.stringify(json).length / 1024).toFixed(0)} KiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

main();
