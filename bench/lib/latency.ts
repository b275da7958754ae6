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

/** p50/p99 wall time per call in ms; stops early when `budgetMs` is spent (at least 5 calls). */
export async function latencySample(fn: (t: string) => unknown, inputs: readonly string[], budgetMs: number): Promise<{ p50: number; p99: number; n: number }> {
  for (let i = 0; i < Math.min(20, inputs.length); i++) await fn(inputs[i] as string);
  const times: number[] = [];
  const started = performance.now();
  for (const input of inputs) {
    const t0 = performance.now();
    await fn(input);
    times.push(performance.now() - t0);
    if (times.length >= 5 && performance.now() - started > budgetMs) break;
  }
  times.sort((a, b) => a - b);
  const q = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
  return { p50: q(0.5), p99: q(0.99), n: times.length };
}
