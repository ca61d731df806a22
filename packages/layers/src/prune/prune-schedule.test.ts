import { describe, expect, it } from 'vitest';
import {
  finalMaskEpoch,
  parsePruneSchedule,
  resolveSchedule,
  sparsityAt,
  updateEpochs,
} from './prune-schedule';

describe('prune schedules', () => {
  it('polynomial: s(e) = final + (initial - final)(1 - (e - begin)/(end - begin))^3, hand-computed values', () => {
    const s = resolveSchedule({ kind: 'polynomial', beginEpoch: 1, endEpoch: 5 }, 10);
    // (1 - p)^3 for p = 0, 1/4, 1/2, 3/4, 1 is 1, 27/64, 1/8, 1/64, 0
    const expected = [0, 0.8 * (1 - 27 / 64), 0.8 * (1 - 1 / 8), 0.8 * (1 - 1 / 64), 0.8, 0.8, 0.8];
    expect([1, 2, 3, 4, 5, 6, 10].map((e) => sparsityAt(s, 0.8, e))).toEqual(expected);
    expect(expected[1]).toBeCloseTo(0.4625, 12); // float arithmetic of the formula
    expect(updateEpochs(s)).toEqual([1, 2, 3, 4, 5]);
    expect(finalMaskEpoch(s)).toBe(5);
  });

  it('polynomial: initial sparsity, another power, nothing before begin; begin = end jumps to the target', () => {
    const s = resolveSchedule(
      { kind: 'polynomial', beginEpoch: 3, endEpoch: 7, power: 1, initialSparsity: 0.2 },
      8,
    );
    expect([1, 2, 3, 5, 7].map((e) => sparsityAt(s, 0.6, e))).toEqual([
      0,
      0,
      0.2,
      0.6 + (0.2 - 0.6) * 0.5,
      0.6,
    ]);
    const jump = resolveSchedule({ kind: 'polynomial', beginEpoch: 4, endEpoch: 4 }, 8);
    expect([3, 4].map((e) => sparsityAt(jump, 0.5, e))).toEqual([0, 0.5]);
  });

  it('the end epoch is always an update epoch, even off the frequency grid (TF MOT would skip it)', () => {
    const s = resolveSchedule({ kind: 'polynomial', beginEpoch: 2, endEpoch: 9, frequency: 3 }, 12);
    expect(updateEpochs(s)).toEqual([2, 5, 8, 9]);
    expect(sparsityAt(s, 0.7, 9)).toBe(0.7);
  });

  it('defaults: one-shot after the first half; polynomial from epoch 1 to ceil(E/2), every epoch, power 3', () => {
    expect(resolveSchedule({ kind: 'one-shot' }, 10)).toEqual({ kind: 'one-shot', epoch: 6 });
    expect(resolveSchedule({ kind: 'one-shot' }, 1)).toEqual({ kind: 'one-shot', epoch: 1 });
    expect(resolveSchedule({ kind: 'polynomial' }, 9)).toEqual({
      kind: 'polynomial',
      beginEpoch: 1,
      endEpoch: 5,
      frequency: 1,
      power: 3,
      initialSparsity: 0,
    });
    const one = resolveSchedule({ kind: 'one-shot', epoch: 3 }, 5);
    expect([2, 3, 5].map((e) => sparsityAt(one, 0.9, e))).toEqual([0, 0.9, 0.9]);
    expect(updateEpochs(one)).toEqual([3]);
  });

  it('refuses schedules that cannot reach the target within the epochs, in one line', () => {
    expect(() => resolveSchedule({ kind: 'polynomial', beginEpoch: 2, endEpoch: 12 }, 10)).toThrow(
      'prune schedule: end epoch 12 is not allowed; expected an integer 2..10',
    );
    expect(() => resolveSchedule({ kind: 'one-shot', epoch: 0 }, 10)).toThrow(
      'one-shot epoch 0 is not allowed; expected an integer 1..10',
    );
    expect(() => resolveSchedule({ kind: 'polynomial', power: 0 }, 10)).toThrow('power 0 is not allowed');
    expect(() => resolveSchedule({ kind: 'polynomial', initialSparsity: 1 }, 10)).toThrow(
      'initial sparsity 1 is not allowed; expected a number in [0, 1)',
    );
  });

  it('parses the CLI spelling', () => {
    expect(parsePruneSchedule('one-shot')).toEqual({ kind: 'one-shot' });
    expect(parsePruneSchedule('one-shot:4')).toEqual({ kind: 'one-shot', epoch: 4 });
    expect(parsePruneSchedule('polynomial')).toEqual({ kind: 'polynomial' });
    expect(parsePruneSchedule('polynomial:2,8')).toEqual({ kind: 'polynomial', beginEpoch: 2, endEpoch: 8 });
    expect(parsePruneSchedule('polynomial:2,8,3')).toEqual({
      kind: 'polynomial',
      beginEpoch: 2,
      endEpoch: 8,
      frequency: 3,
    });
    for (const bad of [
      'polynomial:2',
      'polynomial:1,2,3,4',
      'one-shot:1,2',
      'one-shot:x',
      'cubic',
      'polynomial:',
      'polynomial:1.5,3',
      'one-shot:2:3',
    ]) {
      expect(() => parsePruneSchedule(bad), bad).toThrow(
        `"${bad}" is not a schedule; use one-shot[:epoch] or polynomial[:begin,end[,frequency]]`,
      );
    }
  });
});
