import { AttestError } from '../core/errors.js';

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file (removed during the scan, or a broken link)',
  ELOOP: 'too many levels of symbolic links',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EMFILE: 'too many open files',
  EIO: 'I/O error',
};

/** One short phrase for a file-system error: errno meaning, never a stack. */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in ERRNO_TEXT) return `${ERRNO_TEXT[code]} (${code})`;
  if (err instanceof Error) return err.message.split('\n')[0] ?? err.message;
  return String(err);
}

/** The problem line for a scanner failure: AttestErrors keep their message and line; anything else is a scanner bug. */
export function describeScanError(scanner: string, err: unknown): { message: string; line?: number } {
  if (err instanceof AttestError) {
    const first = err.message.split('\n')[0] ?? err.message;
    return err.context.line !== undefined ? { message: first, line: err.context.line } : { message: first };
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in ERRNO_TEXT) return { message: `cannot read file: ${describeFsError(err)}` };
  return { message: `scanner ${scanner} failed: ${describeFsError(err)}` };
}
