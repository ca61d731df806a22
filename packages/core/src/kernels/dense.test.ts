import { describe, expect, it } from 'vitest';
import { errorOf } from '../fixed/error-of.test-util';
import { denseFloat } from './dense';

describe('denseFloat', () => {
  it('starts from the bias and adds w[i][o] * x[i] with Keras (in, out) weights', () => {
    // W = [[1, 2], [3, 4], [5, 6]], x = [1, 10, 100], bias = [0.5, -1]:
    // o0 = 0.5 + 1 + 30 + 500 = 531.5; o1 = -1 + 2 + 40 + 600 = 641.
    expect(
      Array.from(denseFloat([1, 10, 100], { nIn: 3, nOut: 2, weights: [1, 2, 3, 4, 5, 6], bias: [0.5, -1] })),
    ).toEqual([531.5, 641]);
  });

  it('rejects wrong lengths', () => {
    const p = { nIn: 3, nOut: 2, weights: [1, 2, 3, 4, 5, 6], name: 'fc1' };
    expect(errorOf(() => denseFloat([1, 2], p))).toMatchInlineSnapshot(
      `"SP_ARRAY_LENGTH: layer "fc1": Dense input has 2 elements; expected 3"`,
    );
    expect(errorOf(() => denseFloat([1, 2, 3], { ...p, weights: [1] }))).toMatchInlineSnapshot(
      `"SP_ARRAY_LENGTH: layer "fc1": Dense weights (3x2) has 1 elements; expected 6"`,
    );
    expect(errorOf(() => denseFloat([1, 2, 3], { ...p, nOut: 0 }))).toMatchInlineSnapshot(
      `"SP_KERNEL_ARG: layer "fc1": Dense units = 0 is not allowed; expected an integer >= 1"`,
    );
  });
});
