/**
 * The `export:` section of attest.yaml: SIEM exporters configured by name. Its JSON Schema is
 * composed into the attest.yaml schema by the config loader (src/config/section-schemas.ts).
 *
 * Secrets never live in the file: a field such as `tokenEnv` holds the NAME of the environment
 * variable that holds the secret. A literal secret field (`token`, `secret`, `apiKey`, `password`,
 * `headers`) or credentials in a URL are rejected with a located error that does not echo the value.
 */

/** Destinations, as `to:` (the same names as `attest audit export --to`). */
export const EXPORT_DESTINATIONS = ['ocsf', 'syslog', 'splunk', 'elastic', 'otlp', 'webhook'] as const;
export type ExportDestination = (typeof EXPORT_DESTINATIONS)[number];

/** One exporter as written in attest.yaml. */
export interface ExporterConfig {
  /** Cursor name; also what `--name` selects. In the map form the key is the name. */
  readonly name: string;
  readonly to: ExportDestination;
  /** http(s):// for splunk/elastic/otlp/webhook; udp|tcp|tls://host:port for syslog. */
  readonly url?: string;
  /** syslog: host, port and protocol instead of `url`. */
  readonly host?: string;
  readonly port?: number;
  readonly protocol?: 'udp' | 'tcp' | 'tls';
  /** ocsf: output file (rotated) or `-` for stdout. */
  readonly out?: string;
  /** PEM CA bundle file for https:// and tls://. */
  readonly ca?: string;
  readonly index?: string;
  readonly sourcetype?: string;
  readonly splunkAck?: boolean;
  readonly hostname?: string;
  readonly facility?: number;
  readonly batchSize?: number;
  readonly maxAttempts?: number;
  /** Milliseconds. */
  readonly maxDelay?: number;
  readonly pollInterval?: number;
  readonly maxBytes?: number;
  readonly keep?: number;
  /** Names of environment variables holding secrets. */
  readonly tokenEnv?: string;
  readonly apiKeyEnv?: string;
  readonly usernameEnv?: string;
  readonly passwordEnv?: string;
  readonly headersEnv?: string;
  readonly secretEnv?: string;
}

/** The env variables each secret is read from when the file names none (same as the CLI). */
export const DEFAULT_SECRET_ENV = {
  tokenEnv: 'ATTEST_SPLUNK_TOKEN',
  apiKeyEnv: 'ATTEST_ELASTIC_API_KEY',
  usernameEnv: 'ATTEST_ELASTIC_USERNAME',
  passwordEnv: 'ATTEST_ELASTIC_PASSWORD',
  headersEnv: 'ATTEST_OTLP_HEADERS',
  secretEnv: 'ATTEST_WEBHOOK_SECRET',
} as const;

const NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';

/** `x-problem` is the message the config loader prints instead of ajv's wording (never the value). */
const envName = (example: string): object => ({
  type: 'string',
  pattern: '^[A-Za-z_][A-Za-z0-9_]{0,127}$',
  'x-problem': `must be the NAME of an environment variable holding the secret (e.g. ${example}), not the secret itself`,
});

const literalSecret = (envField: string): object => ({
  not: {},
  'x-problem': `secrets must not be written in attest.yaml; put it in an environment variable and name it with ${envField}`,
});

const int = (minimum: number, maximum: number, description: string): object => ({ type: 'integer', minimum, maximum, description });

/** One exporter's properties (without `name`, which the map form takes from the key). */
const exporterProperties: Record<string, object> = {
  to: { enum: [...EXPORT_DESTINATIONS], description: 'Destination kind.' },
  url: {
    type: 'string',
    minLength: 1,
    // Linear: a bounded run of non-separator characters, then '@' right after the scheme.
    not: { pattern: '^[A-Za-z][A-Za-z0-9+.-]{0,20}://[^/@]{0,512}@' },
    'x-problem': 'must not contain credentials; name an environment variable with tokenEnv/apiKeyEnv/usernameEnv/passwordEnv instead',
    description: 'Endpoint URL.',
  },
  host: { type: 'string', minLength: 1, description: 'syslog: receiver host (with port and protocol, instead of url).' },
  port: int(1, 65535, 'syslog: receiver port (default 514, tls 6514).'),
  protocol: { enum: ['udp', 'tcp', 'tls'], description: 'syslog: transport (default tcp).' },
  out: { type: 'string', minLength: 1, description: 'ocsf: output file (rotated), or - for stdout.' },
  ca: { type: 'string', minLength: 1, description: 'PEM CA bundle file to trust.' },
  index: { type: 'string', minLength: 1, description: 'elastic: index; splunk: index.' },
  sourcetype: { type: 'string', minLength: 1, description: 'splunk: sourcetype.' },
  splunkAck: { type: 'boolean', description: 'splunk: wait for indexer acknowledgement.' },
  hostname: { type: 'string', minLength: 1, description: 'syslog: HOSTNAME field.' },
  facility: int(0, 23, 'syslog: facility number.'),
  batchSize: int(1, 50_000, 'Events per batch (default 500).'),
  maxAttempts: int(0, 1_000_000, 'Attempts per batch before giving up, 0 = forever.'),
  maxDelay: int(1, 3_600_000, 'Longest wait between retries, milliseconds.'),
  pollInterval: int(1, 3_600_000, '--follow: milliseconds between polls.'),
  maxBytes: int(1, Number.MAX_SAFE_INTEGER, 'ocsf file: rotate at this size.'),
  keep: int(0, 1000, 'ocsf file: rotated files to keep.'),
  tokenEnv: envName('SPLUNK_HEC_TOKEN'),
  apiKeyEnv: envName('ELASTIC_API_KEY'),
  usernameEnv: envName('ELASTIC_USERNAME'),
  passwordEnv: envName('ELASTIC_PASSWORD'),
  headersEnv: envName('OTLP_HEADERS'),
  secretEnv: envName('WEBHOOK_SECRET'),
  token: literalSecret('tokenEnv'),
  secret: literalSecret('secretEnv'),
  apiKey: literalSecret('apiKeyEnv'),
  password: literalSecret('passwordEnv'),
  username: literalSecret('usernameEnv'),
  headers: literalSecret('headersEnv'),
};

const exporterInList = {
  type: 'object',
  required: ['name', 'to'],
  additionalProperties: false,
  properties: { name: { type: 'string', pattern: NAME_PATTERN, 'x-problem': "exporter names are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit", description: 'Exporter (and cursor) name.' }, ...exporterProperties },
};

const exporterInMap = { type: 'object', required: ['to'], additionalProperties: false, properties: exporterProperties };

/**
 * JSON Schema of the `export:` section: a list of exporters with `name`, or a map from name to
 * exporter. `items` applies only to the list form and `additionalProperties` only to the map form,
 * so each form gets field-by-field (located) problems.
 */
export const exportConfigSchema = {
  type: ['array', 'object'],
  items: exporterInList,
  propertyNames: { type: 'string', pattern: NAME_PATTERN, 'x-problem': "exporter names are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit" },
  additionalProperties: exporterInMap,
} as const;

/** The `export:` section (already validated by the loader) as a list of named exporters. */
export function exportersFromConfig(section: unknown): ExporterConfig[] {
  if (section === null || section === undefined) return [];
  if (Array.isArray(section)) return section as ExporterConfig[];
  return Object.entries(section as Record<string, Omit<ExporterConfig, 'name'>>).map(([name, e]) => ({ ...e, name }));
}
