import { describe, expect, it } from 'vitest';
import { guardRedactor } from './guard-redactor.js';

describe('guardRedactor', () => {
  it('redacts what the guard finds and what the built-in scan finds, and keeps the rest', () => {
    const out = guardRedactor('ask alice.smith@acme-corp.com, key AKIAIOSFODNN7EXAMPLE, account 123456789012, order 42');
    expect(out).toBe('ask [REDACTED:email], key [REDACTED:aws_access_key_id], account [NUMBER], order 42');
  });
});
