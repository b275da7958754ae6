/**
 * OCSF JSON lines to a rotating file (fsync, then the runner moves the cursor) or to stdout.
 * The file exporter reads its own last line on start (`metadata.sequence`), so events written
 * just before a crash that beat the cursor update are not written twice: idempotent.
 * Stdout has no acknowledgement beyond the pipe accepting the bytes: at-least-once.
 */
import type { Writable } from 'node:stream';
import type { StoredEvent } from '../event.js';
import { DeliveryError, type Exporter } from './exporter.js';
import { formatOcsfLines } from './ocsf-formatter.js';
import { RotatingFileWriter, type RotatingFileOptions } from './rotating-file-writer.js';

export interface OcsfExporterOptions extends RotatingFileOptions {
  /** Output file; omitted or `-` writes to `stream` (stdout by default). */
  readonly path?: string | undefined;
  readonly stream?: Writable;
}

export function createOcsfExporter(opts: OcsfExporterOptions): Exporter {
  if (opts.path && opts.path !== '-') return fileExporter(new RotatingFileWriter(opts.path, opts));
  const out = opts.stream ?? process.stdout;
  return {
    kind: 'ocsf',
    semantics: 'at-least-once',
    target: 'stdout',
    send: (batch) =>
      new Promise<void>((resolve, reject) => {
        out.write(formatOcsfLines(batch), (err) => (err ? reject(new DeliveryError(`stdout: ${err.message}`, { retryable: false })) : resolve()));
      }),
    close: async () => {},
  };
}

function fileExporter(writer: RotatingFileWriter): Exporter {
  return {
    kind: 'ocsf',
    semantics: 'idempotent',
    target: writer.path,
    async send(batch: readonly StoredEvent[]) {
      try {
        await writer.write(formatOcsfLines(batch));
      } catch (err) {
        throw new DeliveryError((err as Error).message, { retryable: true, cause: err });
      }
    },
    async resumeAfter() {
      await writer.repair();
      const line = await writer.lastLine();
      if (!line) return undefined;
      try {
        const seq = (JSON.parse(line) as { metadata?: { sequence?: unknown } }).metadata?.sequence;
        return typeof seq === 'number' ? seq : undefined;
      } catch {
        return undefined;
      }
    },
    close: () => writer.close(),
  };
}
