/**
 * Group commit: units of work (one append, or one appendBatch) submitted while a commit is
 * in flight wait and go into the next transaction together, up to `maxBatch` events, so many
 * concurrent appenders share one fsync. Exclusive jobs (checkpoint, retention) run between
 * commits. Transactions run strictly one after another.
 *
 * A commit may return a `durable` promise (a WAL fsync still running in the thread pool):
 * the next transaction then starts at once, overlapping that fsync, and the batch's units
 * resolve only when `durable` does — acknowledgement still means "on stable storage".
 */

/** What a commit returns: outputs in order, and optionally when they become durable. */
export interface CommitResult<TOut> {
  readonly out: TOut[];
  readonly durable?: Promise<void>;
}
export interface Unit<TIn, TOut> {
  readonly items: readonly TIn[];
  resolve(out: TOut[]): void;
  reject(err: unknown): void;
}

type Job<TIn, TOut> = { kind: 'unit'; unit: Unit<TIn, TOut> } | { kind: 'exclusive'; run: () => Promise<void> };

export class GroupCommitter<TIn, TOut> {
  private readonly queue: Job<TIn, TOut>[] = [];
  private running = false;
  private scheduled = false;
  /** Transactions committed and events in them (for benchmarks and diagnostics). */
  readonly stats = { batches: 0, items: 0 };

  /**
   * @param commit  commits all items of the given units in one durable transaction and returns
   *                the outputs in the same order; a throw rejects every unit of that batch.
   */
  constructor(
    private readonly commit: (items: TIn[]) => Promise<CommitResult<TOut>>,
    private readonly maxBatch: number,
    private readonly afterCommit: (count: number) => void = () => {},
  ) {}

  /** Submit one unit; resolves when its transaction has committed. */
  submit(items: readonly TIn[]): Promise<TOut[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'unit', unit: { items, resolve, reject } });
      this.kick();
    });
  }

  /** Submit a single item (the common `append` path, without an array per call). */
  submitOne(item: TIn): Promise<TOut> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'unit', unit: { items: [item], resolve: (out) => resolve(out[0]!), reject } });
      this.kick();
    });
  }

  /** Run `fn` alone, after the commits queued before it. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'exclusive', run: () => fn().then(resolve, reject) });
      this.kick();
    });
  }

  /** Resolves when everything queued so far has run and is durable. */
  drain(): Promise<void> {
    return this.exclusive(() => this.lastDurable);
  }

  private lastDurable: Promise<void> = Promise.resolve();

  private kick(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // setImmediate lets every appender that is ready in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.loop();
    });
  }

  private async loop(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const head = this.queue[0]!;
        if (head.kind === 'exclusive') {
          this.queue.shift();
          await head.run();
          continue;
        }
        const units: Unit<TIn, TOut>[] = [];
        let n = 0;
        while (this.queue.length > 0) {
          const j = this.queue[0]!;
          if (j.kind !== 'unit' || (units.length > 0 && n + j.unit.items.length > this.maxBatch)) break;
          this.queue.shift();
          units.push(j.unit);
          n += j.unit.items.length;
        }
        await this.commitUnits(units, n);
      }
    } finally {
      this.running = false;
    }
  }

  private async commitUnits(units: Unit<TIn, TOut>[], n: number): Promise<void> {
    let res: CommitResult<TOut>;
    try {
      res = await this.commit(units.flatMap((u) => u.items));
    } catch (err) {
      for (const u of units) u.reject(err);
      return;
    }
    this.stats.batches++;
    this.stats.items += n;
    const settle = (): void => {
      let at = 0;
      for (const u of units) {
        u.resolve(res.out.slice(at, at + u.items.length));
        at += u.items.length;
      }
    };
    if (res.durable) {
      const d = res.durable.then(settle, (err: unknown) => {
        for (const u of units) u.reject(err);
      });
      this.lastDurable = d;
    } else settle();
    this.afterCommit(n);
  }
}
