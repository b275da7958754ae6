// The `export:` section through the real attest.yaml loader: accepted forms, and one located,
// value-free problem per mistake (unknown kind, literal secret, credentials in a URL, wrong types).
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../config/config-problem.js';
import { parseConfig } from '../../config/load-config.js';
import { exportersFromConfig } from './config-schema.js';

const lines = (text: string): string[] => parseConfig(text).problems.map((p) => formatProblem('attest.yaml', p));

describe('attest.yaml export:', () => {
  it('accepts a list of named exporters and a map by name, with env variable names for secrets', () => {
    const list = parseConfig(
      [
        'export:',
        '  - name: splunk-prod',
        '    to: splunk',
        '    url: https://splunk.example:8088',
        '    tokenEnv: SPLUNK_HEC_TOKEN',
        '    splunkAck: true',
        '    batchSize: 200',
        '    maxAttempts: 0',
        '    maxDelay: 5000',
        '  - name: siem-syslog',
        '    to: syslog',
        '    host: siem.example',
        '    port: 6514',
        '    protocol: tls',
        '    ca: certs/siem-ca.pem',
        '    facility: 13',
      ].join('\n'),
    );
    expect(list.problems).toEqual([]);
    expect(exportersFromConfig(list.config?.export).map((e) => [e.name, e.to])).toEqual([
      ['splunk-prod', 'splunk'],
      ['siem-syslog', 'syslog'],
    ]);
    const map = parseConfig('export:\n  archive:\n    to: ocsf\n    out: /var/log/attest/ocsf.jsonl\n    maxBytes: 1048576\n    keep: 3\n  hooks:\n    to: webhook\n    url: https://hooks.example/attest\n    secretEnv: HOOK_KEY\n');
    expect(map.problems).toEqual([]);
    expect(exportersFromConfig(map.config?.export)).toEqual([
      { name: 'archive', to: 'ocsf', out: '/var/log/attest/ocsf.jsonl', maxBytes: 1048576, keep: 3 },
      { name: 'hooks', to: 'webhook', url: 'https://hooks.example/attest', secretEnv: 'HOOK_KEY' },
    ]);
  });

  it('rejects an unknown kind, literal secrets, credentials in URLs, a secret in an *Env field and wrong types, each on its line, never echoing a secret', () => {
    const text = [
      'export:',
      '  - name: es',
      '    to: kafka',
      '    apiKey: ZXMta2V5LWlkOmVzLWtleS1zZWNyZXQ=',
      '  - name: hec',
      '    to: splunk',
      '    token: hunter2-hec-token',
      '    url: https://admin:s3cr3tpw@splunk.example:8088',
      '  - name: hook',
      '    to: webhook',
      '    secretEnv: whsec-0123456789abcdef',
      '    batchSize: lots',
      '    port: 70000',
      '  - to: otlp',
      '    headers: {authorization: Bearer abc}',
    ].join('\n');
    const out = lines(text);
    expect(out).toEqual([
      'attest.yaml:3:9: export[0].to: expected one of ocsf, syslog, splunk, elastic, otlp, webhook, got "kafka"',
      'attest.yaml:4:13: export[0].apiKey: secrets must not be written in attest.yaml; put it in an environment variable and name it with apiKeyEnv',
      'attest.yaml:7:12: export[1].token: secrets must not be written in attest.yaml; put it in an environment variable and name it with tokenEnv',
      'attest.yaml:8:10: export[1].url: must not contain credentials; name an environment variable with tokenEnv/apiKeyEnv/usernameEnv/passwordEnv instead',
      'attest.yaml:11:16: export[2].secretEnv: must be the NAME of an environment variable holding the secret (e.g. WEBHOOK_SECRET), not the secret itself',
      'attest.yaml:12:16: export[2].batchSize: expected integer, got "lots"',
      'attest.yaml:13:11: export[2].port: must be <= 65535',
      'attest.yaml:14:5: export[3]: missing required key "name"',
      'attest.yaml:15:14: export[3].headers: secrets must not be written in attest.yaml; put it in an environment variable and name it with headersEnv',
    ]);
    const all = out.join('\n');
    for (const secret of ['ZXMta2V5', 'hunter2', 's3cr3tpw', 'whsec-0123', 'Bearer abc']) expect(all).not.toContain(secret);
    expect(parseConfig(text).config).toBeUndefined();
  });

  it('rejects unknown fields and bad names in the map form too', () => {
    expect(lines('export:\n  prod:\n    to: elastic\n    indx: audit\n  "../up":\n    to: ocsf\n')).toEqual([
      'attest.yaml:4:5: export.prod.indx: unknown key (did you mean "index"?)',
      "attest.yaml:5:3: export.../up: exporter names are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
    ]);
  });
});
