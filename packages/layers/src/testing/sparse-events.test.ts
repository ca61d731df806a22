// Fingerprints of randomSparseBatch captured before it became a configuration of core's
// sparseEvents (a63e49b): the layers' tests draw their batches from it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomSparseBatch } from './sparse-events.test-util';

function fingerprint(b: { feat: Float32Array; hash: Int32Array }): string {
  const h = createHash('sha256');
  h.update(new Uint8Array(b.feat.buffer, b.feat.byteOffset, b.feat.byteLength));
  h.update(new Uint8Array(b.hash.buffer, b.hash.byteOffset, b.hash.byteLength));
  return h.digest('hex').slice(0, 16);
}

describe('randomSparseBatch', () => {
  it('keeps its sequences', () => {
    const got = [
      fingerprint(randomSparseBatch({ batch: 3, nMax: 6, c: 2, h: 5, w: 5, active: 4, seed: 1 })),
      fingerprint(randomSparseBatch({ batch: 2, nMax: 4, c: 3, h: 3, w: 4, active: 9, seed: 8, positive: true })),
      fingerprint(randomSparseBatch({ batch: 4, nMax: 10, c: 1, h: 2, w: 3, active: 10, seed: 21 })),
    ];
    expect(got).toEqual(['b915710c38ec5e85', '9e9845c9f052428d', 'e4e933046db08b02']);
  });
});
