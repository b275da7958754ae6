import pc from 'picocolors';

/** Colour only when stdout is a TTY and NO_COLOR is unset. */
export function colors(stream: NodeJS.WriteStream = process.stdout): ReturnType<typeof pc.createColors> {
  const enabled = Boolean(stream.isTTY) && !process.env.NO_COLOR;
  return pc.createColors(enabled);
}

/** A progress line on stderr, shown only on a TTY; returns a function that clears it. */
export function progress(stream: NodeJS.WriteStream = process.stderr): { update(text: string): void; done(): void } {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  return {
    update(text: string) {
      const now = Date.now();
      if (now - last < 80) return;
      last = now;
      const width = (stream.columns || 80) - 1;
      stream.write(`\r${text.slice(0, width).padEnd(width)}`);
    },
    done() {
      stream.write(`\r${' '.repeat((stream.columns || 80) - 1)}\r`);
    },
  };
}

/** Write JSON to stdout with a trailing newline. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Warnings and per-item problems: one line each on stderr. */
export function warn(line: string): void {
  process.stderr.write(`attest: ${line}\n`);
}
