import fc from 'fast-check';
import { stringify as toToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { memoryFile } from '../../../../test/fixtures/scanner-support/memory-file-input.js';
import { AttestError } from '../../../core/errors.js';
import type { FileScanner } from '../../model.js';
import { manifestScanners } from './index.js';

/** Either a clean observation or one BAD_INPUT AttestError: never a TypeError, never a crash. */
async function outcome(path: string, text: string): Promise<'ok' | 'bad-input'> {
  const scanner = manifestScanners.find((s) => s.wants(path, text.length)) as FileScanner;
  try {
    const obs = await scanner.scan(memoryFile(path, text));
    for (const c of obs.components ?? []) {
      expect(typeof c.name).toBe('string');
      expect(c.evidence.path).toBe(path);
    }
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(AttestError);
    expect((err as AttestError).code).toBe('BAD_INPUT');
    expect((err as AttestError).message).not.toContain('\n');
    return 'bad-input';
  }
}

const LINE_FORMATS = ['requirements.txt', 'go.mod', 'yarn.lock', 'build.gradle', 'build.gradle.kts'];
const JSON_FORMATS = ['package.json', 'package-lock.json'];
const TOML_FORMATS = ['pyproject.toml', 'Pipfile', 'poetry.lock', 'uv.lock', 'Cargo.toml', 'gradle/libs.versions.toml'];

describe('manifest scanners survive arbitrary input', () => {
  it('line formats: random text made of manifest-ish tokens', async () => {
    const token = fc.constantFrom('openai', '==1.0', '>=2', '[x]', ';', '#', '\\', '\n', ' ', '-r', '-e', 'require', '(', ')', 'v1.2.3', '"', "'", ':', '@', 'version', '  ', 'implementation', 'com.openai:openai-java:1', '//', '/*');
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 60 }), fc.constantFrom(...LINE_FORMATS), async (parts, file) => {
        await outcome(file, parts.join(''));
      }),
      { numRuns: 600 },
    );
  });

  it('JSON formats: any JSON value, including AI names in odd places', async () => {
    const value = fc.oneof(fc.jsonValue(), fc.record({ dependencies: fc.jsonValue(), packages: fc.jsonValue() }), fc.record({ dependencies: fc.dictionary(fc.constantFrom('openai', 'ai', '@ai-sdk/openai', 'x'), fc.jsonValue()) }));
    await fc.assert(
      fc.asyncProperty(value, fc.constantFrom(...JSON_FORMATS), async (v, file) => {
        await outcome(file, JSON.stringify(v) ?? 'null');
      }),
      { numRuns: 400 },
    );
  });

  it('TOML, YAML and XML formats: valid documents of unexpected shapes', async () => {
    const leaf = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constantFrom('openai>=1', 'langchain', 'com.openai:openai-java:1'));
    const doc = fc.dictionary(
      fc.constantFrom('project', 'package', 'packages', 'dependencies', 'tool', 'libraries', 'versions', 'dependency-groups', 'dev-packages', 'x'),
      fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.dictionary(fc.constantFrom('dependencies', 'openai', 'poetry', 'uv', 'name', 'version', 'module', 'a'), fc.oneof(leaf, fc.array(leaf, { maxLength: 3 })))),
    );
    await fc.assert(
      fc.asyncProperty(doc, fc.constantFrom(...TOML_FORMATS), async (d, file) => {
        await outcome(file, toToml(d));
      }),
      { numRuns: 400 },
    );
    await fc.assert(
      fc.asyncProperty(doc, async (d) => {
        await outcome('pnpm-lock.yaml', toYaml(d));
      }),
      { numRuns: 200 },
    );
    for (const xml of ['<project/>', '<project>text</project>', '<Project><ItemGroup>x</ItemGroup></Project>', '<a><b></a>', '', '<?xml version="1.0"?>']) {
      await outcome('pom.xml', xml);
      await outcome('App.csproj', xml);
    }
  });
});
