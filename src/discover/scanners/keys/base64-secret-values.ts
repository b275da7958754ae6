/**
 * Kubernetes `Secret` manifests keep values base64-encoded under `data:`; a provider key there
 * is as hard-coded as a literal one. This finds `name: <base64>` lines in files that declare
 * `kind: Secret` and yields the decoded values with their line numbers. Scanning code only.
 */

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

export interface DecodedValue {
  readonly line: number;
  readonly name: string;
  readonly decoded: string;
}

/** Decoded base64 values of `key: value` lines (values of 16–8192 chars) in a Secret manifest. */
export function base64SecretValues(text: string): DecodedValue[] {
  if (!text.includes('kind: Secret') && !text.includes('"kind": "Secret"')) return [];
  const out: DecodedValue[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const colon = raw.indexOf(':');
    if (colon <= 0) continue;
    const name = raw.slice(0, colon).trim().replace(/^["']|["']$/g, '');
    const value = raw.slice(colon + 1).trim().replace(/^["']|["'],?$/g, '');
    if (value.length < 16 || value.length > 8192 || value.length % 4 !== 0 || !B64.test(value)) continue;
    let decoded: string;
    try {
      decoded = atob(value);
    } catch {
      continue;
    }
    out.push({ line: i + 1, name, decoded });
  }
  return out;
}
