// Fingerprints of randomInputEvents captured before it became a configuration of core's
// sparseEvents (a63e49b): the events `csim --events` and `convert --tb-events` generate for a
// seed must not change.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareModel } from '@sparsepixels/ir';
import { tinySparseModel, tinyStandardModel } from '@sparsepixels/ir/testing';
import { randomEvents, randomInputEvents } from './random-events';

function fingerprint(x: Float64Array): string {
  return createHash('sha256').update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength)).digest('hex').slice(0, 16);
}

describe('randomInputEvents', () => {
  it('keeps its sequences', () => {
    const sparse = prepareModel(tinySparseModel());
    const dense = prepareModel(tinyStandardModel());
    const got = [
      fingerprint(randomEvents(sparse, 16, 1)),
      fingerprint(randomEvents(sparse, 9, 12345)),
      fingerprint(randomEvents(dense, 7, 5)),
    ];
    expect(got).toEqual(['7bd614e9477b0254', 'b13d82a565adbdc9', '6ad541b598ca23e9']);
  });

  it('reads any slice as the same events', () => {
    const sparse = prepareModel(tinySparseModel());
    const all = randomEvents(sparse, 10, 3);
    const slice = randomInputEvents(sparse, 10, 3).read(4, 3);
    expect(Array.from(slice)).toEqual(Array.from(all.subarray(4 * 16, 7 * 16)));
  });
});
