import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleEvents } from './__fixtures__/stores.js';
import { canonicalJson } from './canonical-json.js';
import type { AuditEventInput } from './event.js';
import { computeEventHash, EMPTY_HEAD, GENESIS_HASH, hashedBody, sealEvents } from './hash-chain.js';

const ctx = { writer: 'w', head: EMPTY_HEAD, now: '2026-01-01T00:00:00.000Z', newId: () => 'id-1' };

describe('sealEvents', () => {
  it('hashes exactly the canonical JSON of the event without hash and seq, and chains', () => {
    const { sealed, head } = sealEvents(sampleEvents(12), ctx);
    sealed.forEach((s, i) => {
      expect(s.doc).toBe(canonicalJson(hashedBody(s.event)));
      expect(s.hash).toBe(computeEventHash(s.event));
      expect(s.event.index).toBe(i);
      expect(s.event.prevHash).toBe(i === 0 ? GENESIS_HASH : sealed[i - 1]!.hash);
    });
    expect(head).toEqual({ nextIndex: 12, prevHash: sealed[11]!.hash });
  });

  it('fast canonical body equals generic canonical JSON for any optional fields and strings', () => {
    fc.assert(
      fc.property(
        fc.record({ actor: fc.option(fc.string(), { nil: undefined }), session: fc.option(fc.string(), { nil: undefined }), requestId: fc.option(fc.string(), { nil: undefined }), source: fc.option(fc.string(), { nil: undefined }), key: fc.string(), time: fc.option(fc.constant('2026-05-05T05:05:05.005Z'), { nil: undefined }) }),
        (r) => {
          const input = {
            type: 'key.use',
            data: { keyId: r.key, outcome: 'ok' },
            ...(r.actor !== undefined ? { actor: { id: r.actor, kind: 'user' } } : {}),
            ...(r.session !== undefined ? { session: r.session } : {}),
            ...(r.requestId !== undefined ? { requestId: r.requestId } : {}),
            ...(r.source !== undefined ? { source: r.source } : {}),
            ...(r.time !== undefined ? { time: r.time } : {}),
          } as AuditEventInput;
          const [s] = sealEvents([input], { ...ctx, writer: r.key || 'w' }).sealed;
          expect(s!.doc).toBe(canonicalJson(hashedBody(s!.event)));
          expect(Object.keys(s!.event).filter((k) => (s!.event as Record<string, unknown>)[k] === undefined)).toEqual([]);
        },
      ),
    );
  });

  it('drops properties that are not part of the event input', () => {
    const [s] = sealEvents([{ type: 'key.use', data: { keyId: 'k', outcome: 'ok' }, extra: 1 } as unknown as AuditEventInput], ctx).sealed;
    expect(s!.doc).not.toContain('extra');
  });
});
