import { sparseActivationFixed } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import type { LayerIR } from '../model';
import { randomSparseEvents } from '../testing/random-events';
import { coreActivationOf, eventOf, modelOf, prepared, reduce, traceOf, type DocLayer } from './op-test-utils';

function act(activation: string, precision?: LayerIR['precision']): DocLayer {
  return { name: 'act', op: 'SparseActivation', inputs: ['reduce'], attrs: { activation }, ...(precision && { precision }) };
}

describe('SparseActivation op', () => {
  it('keeps shape and slots; relu/linear result auto = input type; tables for sigmoid/softmax', () => {
    const m = (a: string) => modelOf([4, 4, 3], 'ap_fixed<6,3>', [reduce(5), act(a)]);
    expect(prepared(m('relu'), 'act')).toMatchObject({ output: { shape: [4, 4, 3], nMax: 5 }, precision: { result: 'ap_fixed<6,3>' } });
    expect(prepared(m('softmax'), 'act').precision).toEqual({
      table: 'ap_ufixed<17,1,AP_RND,AP_SAT>',
      accum: 'ap_ufixed<19,3,AP_TRN,AP_SAT>', // 3 channels per slot: b = 2
      result: 'ap_ufixed<16,0,AP_RND,AP_SAT>',
    });
  });

  it.each(['relu', 'linear', 'sigmoid', 'softmax'])('%s equals core sparseActivationFixed per slot', (name) => {
    const precision = name === 'relu' ? { result: 'ap_ufixed<4,2,AP_RND_CONV,AP_SAT>' } : undefined;
    const m = modelOf([4, 4, 3], 'ap_fixed<6,3>', [reduce(5), act(name, precision)]);
    const p = prepared(m, 'act').precision!;
    const f = coreActivationOf(name, 'ap_fixed<6,3>', p, 3);
    const events = randomSparseEvents({ h: 4, w: 4, c: 3, count: 20, active: [0, 7], seed: 8, type: 'ap_fixed<6,3>' });
    const t = traceOf(m, events, 20);
    for (let e = 0; e < 20; e++) {
      const x = eventOf(t['reduce']!, e, 20);
      const y = sparseActivationFixed({ shape: { nMax: 5, c: 3, h: 4, w: 4 }, feat: x.raw, hash: x.hash! }, f);
      expect(Array.from(eventOf(t['act']!, e, 20).raw)).toEqual(Array.from(y.feat));
    }
  });
});
