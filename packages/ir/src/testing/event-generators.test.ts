// The event generators of ./testing are thin configurations of core's sparseEvents; these
// fingerprints were captured from the generators as they were before that (a63e49b), so the
// random sequences (and with them the golden files and v1-golden.json) cannot drift unseen.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ModelIR } from '../model';
import { randomSparseEvents } from './random-events';
import { randomInputs } from './random-inputs';
import { tinySparseModel, tinyStandardModel } from './tiny-models';

function fingerprint(x: Float64Array): string {
  return createHash('sha256').update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength)).digest('hex').slice(0, 16);
}

function withShape(model: ModelIR, shape: number[]): ModelIR {
  return { ...model, input: { ...model.input, shape } };
}

describe('event generators keep their sequences', () => {
  it('randomSparseEvents', () => {
    const got = [
      fingerprint(randomSparseEvents({ h: 4, w: 4, count: 8, active: 3, seed: 1 })),
      fingerprint(randomSparseEvents({ h: 5, w: 7, c: 3, count: 10, active: [0, 12], seed: 42, type: 'ap_fixed<10,3>', threshold: 0.5 })),
      fingerprint(randomSparseEvents({ h: 3, w: 3, c: 2, count: 6, active: [5, 20], seed: 7, type: 'ap_ufixed<6,2>' })),
    ];
    expect(got).toEqual(['b5e96d2848bb6d93', 'afe8af781cb43954', '0d76f39b2dbe4071']);
  });

  it('randomInputs', () => {
    const got = [
      fingerprint(randomInputs(tinySparseModel(), 12, 3)),
      fingerprint(randomInputs(withShape(tinySparseModel(), [6, 5, 3]), 20, 11, 1.5)),
      fingerprint(randomInputs(tinyStandardModel(), 5, 9)),
    ];
    expect(got).toEqual(['d090b5389eab5c5e', '1d621daad23e3275', 'e48b480cb3ab1d6c']);
  });
});
