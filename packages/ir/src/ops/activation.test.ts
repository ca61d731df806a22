import { describe, expect, it } from 'vitest';
import { createRng } from '../testing/prng';
import { randomGridValues } from '../testing/random-grid-values';
import { coreActivationOf, eventOf, modelOf, prepared, problems, traceOf } from './op-test-utils';

const act = (activation: string, extra: Record<string, unknown> = {}) => ({ name: 'act', op: 'Activation', inputs: ['x_in'], attrs: { activation, ...extra } });

describe('Activation op', () => {
  it('softmax needs a vector; tableSize must be a power of two', () => {
    expect(problems(modelOf([2, 2, 3], 'ap_fixed<8,3>', [act('softmax')]))).toMatchInlineSnapshot(`
      [
        "SP4007 error /layers/0/inputs/0: layer "act" (Activation) needs a 1-D [n] vector input, got shape [2, 2, 3]",
      ]
    `);
    expect(problems(modelOf([5], 'ap_fixed<8,3>', [act('sigmoid', { tableSize: 1000 })]))).toMatchInlineSnapshot(`
      [
        "SP4011 error /layers/0/attrs/tableSize: layer "act": tableSize 1000 must be a power of two between 2 and 65536",
      ]
    `);
  });

  it('relu on an image keeps its shape; result auto = input type', () => {
    expect(prepared(modelOf([2, 2, 3], 'ap_fixed<8,3>', [act('relu')]), 'act')).toMatchObject({ output: { shape: [2, 2, 3] }, precision: { result: 'ap_fixed<8,3>' } });
  });

  it.each([
    ['relu', {}],
    ['linear', { precision: { result: 'ap_fixed<5,2,AP_RND,AP_SAT>' } }],
    ['sigmoid', { attrs: { activation: 'sigmoid', tableSize: 256 } }],
    ['softmax', { precision: { table: 'ap_ufixed<12,1,AP_RND,AP_SAT>' } }],
  ] as const)('%s equals core getActivation().prepareFixed', (name, patch) => {
    const layer = { ...act(name), ...patch };
    const m = modelOf([6], 'ap_fixed<8,3>', [layer]);
    const p = prepared(m, 'act').precision!;
    const f = coreActivationOf(name, 'ap_fixed<8,3>', p, 6, name === 'sigmoid' ? 256 : undefined);
    const events = randomGridValues(createRng(2), 6 * 20, 'ap_fixed<8,3>', 1);
    const t = traceOf(m, events, 20);
    for (let e = 0; e < 20; e++) {
      const y = new Float64Array(6);
      f.run(events.slice(e * 6, (e + 1) * 6).map((v) => v * 32), y, 0, 6);
      expect(Array.from(eventOf(t['act']!, e, 20).raw)).toEqual(Array.from(y));
    }
  });
});
