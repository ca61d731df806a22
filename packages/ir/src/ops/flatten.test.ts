import { describe, expect, it } from 'vitest';
import { createRng } from '../testing/prng';
import { randomGridValues } from '../testing/random-grid-values';
import { eventOf, modelOf, prepared, traceOf } from './op-test-utils';

describe('Flatten op (standard baseline)', () => {
  it('flattens in (h, w, c) order and converts to a declared result type', () => {
    const m = modelOf([2, 3, 2], 'ap_fixed<6,2>', [{ name: 'flat', op: 'Flatten', inputs: ['x_in'], precision: { result: 'ap_fixed<4,2>' } }]);
    expect(prepared(m, 'flat').output).toEqual({ shape: [12] });
    const x = randomGridValues(createRng(3), 12, 'ap_fixed<6,2>', 1);
    // ap_fixed<6,2> (F=4) -> ap_fixed<4,2> (F=2), AP_TRN: floor(raw / 4)
    expect(Array.from(eventOf(traceOf(m, x, 1)['flat']!, 0, 1).raw)).toEqual(x.map((v) => Math.floor((v * 16) / 4)));
  });
});
