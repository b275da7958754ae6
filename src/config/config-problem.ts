/** One problem in attest.yaml, located by line and column (both 1-based). */
export interface ConfigProblem {
  /** Dotted field path, e.g. `answers.incident_response` or `vendors[0].kind`; empty for syntax errors. */
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** `attest.yaml:12:3: answers.incident_response: expected boolean, got "yes please"` */
export function formatProblem(file: string, p: ConfigProblem): string {
  return `${file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}
