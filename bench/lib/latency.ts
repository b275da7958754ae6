/** Deterministic inputs of ~`size` characters: consecutive pool texts joined by blank lines, cut at `size`. */
export function synthesizeInputs(pool: readonly string[], size: number, count: number): string[] {
  const out: string[] = [];
  let k = 0;
  for (let i = 0; i < count; i++) {
    let s = '';
    while (s.length < size) {
      s += `${pool[k % pool.length] ?? ''}\n\n`;
      k += 7;
    }
    out.push(s.slice(0, size));
  }
  return out;
}

/** Percentiles of per-call wall time and process CPU time (ms); CPU time is not inflated when a busy machine preempts us. */
export interface LatencyStats {
  readonly p50: number;
  readonly p99: number;
  readonly cpuP50: number;
  readonly cpuP99: number;
  readonly n: number;
}

const quantile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;

/**
 * Time each call after `warmup` warm-up calls (cycling over the inputs; default 100, at most a
 * quarter of the budget); stops early when `budgetMs` is spent (at least 5 calls).
 */
export async function latencySample(fn: (t: string) => unknown, inputs: readonly string[], budgetMs: number, warmup = 100): Promise<LatencyStats> {
  const warmStart = performance.now();
  for (let i = 0; i < warmup && inputs.length > 0 && performance.now() - warmStart < budgetMs / 4; i++) await fn(inputs[i % inputs.length] as string);
  const wall: number[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  for (const input of inputs) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn(input);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (wall.length >= 5 && performance.now() - started > budgetMs) break;
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { p50: quantile(wall, 0.5), p99: quantile(wall, 0.99), cpuP50: quantile(cpu, 0.5), cpuP99: quantile(cpu, 0.99), n: wall.length };
}
