import { describe, expect, it } from 'vitest';
import { apFixed, apUfixed } from '../fixed';
import type { SparseTensor } from '../sparse/sparse-tensor';
import { getActivation } from './activation-registry';
import { sigmoidTable } from './sigmoid';
import { sparseActivationFixed, sparseActivationFixedBig, sparseActivationFloat } from './sparse-activation';

// Three slots of two channels: s0 active [-1, 2], s1 active [-3, -1] (ReLU makes it inactive), s2 unused.
const x: SparseTensor = {
  shape: { nMax: 3, c: 2, h: 4, w: 4 },
  feat: Float64Array.from([-1, 2, -3, -1, 0, 0]),
  hash: Int32Array.from([2, 2, 3, 3, 1, 1]),
};

describe('sparseActivation', () => {
  it('ReLU element-wise, hash unchanged', () => {
    const y = sparseActivationFloat(x, getActivation('relu'));
    expect(Array.from(y.feat)).toEqual([0, 2, 0, 0, 0, 0]);
    expect(y.hash).toBe(x.hash);
  });

  it('sigmoid on active slots only: unused slots stay empty', () => {
    const y = sparseActivationFloat(x, getActivation('sigmoid'));
    expect(y.feat[4]).toBe(0);
    expect(y.feat[5]).toBe(0);
    expect(y.feat[1]).toBe(1 / (1 + Math.exp(-2)));
  });

  it("softmax over each active slot's channels", () => {
    const y = sparseActivationFloat(x, getActivation('softmax'));
    expect(y.feat[0]! + y.feat[1]!).toBeCloseTo(1, 15); // float math: tolerance
    expect(Array.from(y.feat.subarray(4))).toEqual([0, 0]);
  });

  it('fixed: prepared once, run per event; number and bigint forms agree', () => {
    // ap_fixed<8,4> raws; sigmoid with a 16-entry table of ap_ufixed<8,0,AP_RND,AP_SAT>: index = 8 + floor(raw/16).
    // raws [-16, 32] -> indices 7, 10 -> entries 69, 225 (see sigmoid.test.ts); slot 1 [-48, -16] -> 5, 7 -> 12, 69.
    const fx = { ...x, feat: Float64Array.from([-16, 32, -48, -16, 0, 0]) };
    const act = getActivation('sigmoid').prepareFixed({
      input: apFixed(8, 4),
      result: apUfixed(8, 0, 'AP_RND', 'AP_SAT'),
      tableSize: 16,
      table: apUfixed(8, 0, 'AP_RND', 'AP_SAT'),
    });
    expect(sigmoidTable({ tableSize: 16, tableType: apUfixed(8, 0, 'AP_RND', 'AP_SAT') }).raw[10]).toBe(225);
    const y = sparseActivationFixed(fx, act);
    expect(Array.from(y.feat)).toEqual([69, 225, 12, 69, 0, 0]);
    expect(sparseActivationFixedBig({ ...fx, feat: Array.from(fx.feat, BigInt) }, act).feat).toEqual([
      69n,
      225n,
      12n,
      69n,
      0n,
      0n,
    ]);
  });
});
