import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readGuardExtra, readGuardJsonl } from '../bench/lib/guard-jsonl.js';
import { isPermissive } from '../bench/lib/licence.js';
import { augmentedPositives, groupKey, splitCarriers } from '../bench/lib/guard-training-set.js';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const extraDir = join(root, 'data', 'guard-extra');
const sharedDir = join(root, '..', 'shared', 'data', 'guard');

describe('guard extra corpus and augmentation', () => {
  it('loads the committed extra corpus deterministically, benign only, with a permissive licence on every row', () => {
    const a = readGuardExtra(extraDir);
    const b = readGuardExtra(extraDir);
    expect(a.length).toBeGreaterThan(500);
    expect(b).toEqual(a);
    expect(a.every((r) => r.label === 0 && r.kind === 'benign')).toBe(true);
    const sources = a.map((r) => r.source);
    expect(new Set(sources).size).toBe(sources.length);
    for (const file of ['npm-readmes.jsonl', 'debian-docs.jsonl', 'attest-docs.jsonl']) {
      for (const line of readFileSync(join(extraDir, file), 'utf8').trim().split('\n')) {
        const row = JSON.parse(line) as { license: string; package: string; version: string };
        expect(isPermissive(row.license), `${file}: ${row.package} ${row.license}`).toBe(true);
        expect(row.package.length).toBeGreaterThan(0);
        expect(row.version.length).toBeGreaterThan(0);
      }
    }
  });

  it('accepts permissive licence expressions and rejects copyleft ones', () => {
    expect(isPermissive('MIT')).toBe(true);
    expect(isPermissive('(BSD-2-Clause OR MIT OR Apache-2.0)')).toBe(true);
    expect(isPermissive('BSD-3-clause or GPL-2')).toBe(true);
    expect(isPermissive('GPL-2+')).toBe(false);
    expect(isPermissive('MPL-2.0')).toBe(false);
    expect(isPermissive('GPL-2+ or AFL-2.1, and Expat')).toBe(false);
  });

  it('keeps carriers and clean rows disjoint and groups extra rows by origin', () => {
    const extra = readGuardExtra(extraDir);
    const { negatives, carriers } = splitCarriers(extra);
    expect(negatives.length + carriers.length).toBe(extra.length);
    const clean = new Set(negatives.map((r) => r.text));
    expect(carriers.some((c) => clean.has(c.text))).toBe(false);
    expect(new Set(extra.map((r) => groupKey(r, true)))).toEqual(new Set(['npm (extra)', 'debian (extra)', 'attest (extra)']));
  });

  it('plants only payloads found in the training rows it is given, never dev rows', () => {
    const train = readGuardJsonl(join(sharedDir, 'train.jsonl'));
    const dev = readGuardJsonl(join(sharedDir, 'dev.jsonl'));
    const { carriers } = splitCarriers(readGuardExtra(extraDir));
    const aug = augmentedPositives(train, carriers, 1);
    expect(aug).toHaveLength(carriers.length);
    expect(augmentedPositives(train, carriers, 1)).toEqual(aug);
    const trainPositives = train.filter((r) => r.label === 1).map((r) => r.text);
    const devOnly = dev.filter((r) => r.label === 1 && r.kind === 'direct' && !trainPositives.includes(r.text)).map((r) => r.text.trim());
    expect(devOnly.length).toBeGreaterThan(0);
    for (const row of aug) expect(devOnly.some((d) => row.text.includes(d))).toBe(false);
    // Every planted row holds one of the training payloads.
    const pool = train.filter((r) => r.label === 1 && r.kind === 'direct').map((r) => r.text.trim());
    expect(aug.filter((row) => pool.some((p) => row.text.includes(p))).length).toBeGreaterThan(aug.length / 2);
    // With no training positives there is nothing to plant.
    expect(augmentedPositives(train.filter((r) => r.label === 0), carriers, 1)).toEqual([]);
  });
});
