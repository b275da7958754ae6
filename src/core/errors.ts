/**
 * Operational failures (bad input, unreadable config, unavailable store) use one
 * error class with a closed code table. Findings are data, never exceptions.
 * The CLI maps codes to exit codes; HTTP adapters map them to status codes.
 */
export const ERROR_CODES = {
  BAD_INPUT: { exit: 2, http: 400 },
  BAD_CONFIG: { exit: 2, http: 400 },
  NOT_FOUND: { exit: 2, http: 404 },
  IO: { exit: 1, http: 500 },
  STORE: { exit: 1, http: 503 },
  INTEGRITY: { exit: 1, http: 409 },
  INTERNAL: { exit: 70, http: 500 },
} as const;

export type AttestErrorCode = keyof typeof ERROR_CODES;

export interface AttestErrorContext {
  /** File, URL or record the error is about. */
  readonly where?: string;
  readonly line?: number;
  readonly [key: string]: unknown;
}

/**
 * @example
 * throw new AttestError('BAD_CONFIG', 'unknown question "foo"', { where: 'attest.yaml', line: 12 });
 */
export class AttestError extends Error {
  override readonly name = 'AttestError';
  readonly code: AttestErrorCode;
  readonly context: AttestErrorContext;

  constructor(code: AttestErrorCode, message: string, context: AttestErrorContext = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.context = context;
  }

  /** One line: `where:line: message`. */
  toLine(): string {
    const { where, line } = this.context;
    const loc = where ? `${where}${line !== undefined ? `:${line}` : ''}: ` : '';
    return `${loc}${this.message}`;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }
}

/** Normalise anything thrown at a boundary into an AttestError. */
export function toAttestError(err: unknown): AttestError {
  if (err instanceof AttestError) return err;
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new AttestError('NOT_FOUND', err.message, {}, { cause: err });
    if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') return new AttestError('IO', err.message, {}, { cause: err });
    return new AttestError('INTERNAL', err.message, {}, { cause: err });
  }
  return new AttestError('INTERNAL', String(err));
}
