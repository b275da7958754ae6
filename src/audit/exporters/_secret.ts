/** A secret for messages: at most a 4-character prefix, never the whole value. */
export function redactSecret(secret: string): string {
  return secret.length <= 8 ? '***' : `${secret.slice(0, 4)}…`;
}
