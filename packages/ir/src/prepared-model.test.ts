import { formatType, parseType } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import { createInterpreter } from './interpret/create-interpreter';
import { isLayerOf } from './ops/builtin';
import { prepareModel } from './prepare-model';
import { isPreparedLayerOf, isPreparedModel } from './prepared-model';
import { buildPaperModel } from './testing/paper-models';
import { tinySparseModel, tinyStandardModel } from './testing/tiny-models';

describe('PreparedModel', () => {
  it('carries every precision and the input type parsed, equal to the canonical strings', () => {
    const p = prepareModel(buildPaperModel({ dataset: 'jet', variant: 'sparse', nMax: 8 }));
    expect(formatType(p.input.type)).toBe(p.model.input.type);
    for (const l of p.layers) {
      for (const [key, type] of Object.entries(l.precision))
        expect(formatType(type!)).toBe(l.layer.precision![key as 'result']);
      expect(l.inputTypes).toEqual(
        l.layer.inputs.map((r) => (r === 'x_in' ? p.input.type : p.layer(r)!.precision.result)),
      );
    }
    expect(p.outputs.map((o) => [o.name, formatType(o.type)])).toEqual([
      ['out', p.model.layers.at(-1)!.precision!.result],
    ]);
  });

  it('describes each tensor once: dense shapes, sparse {nMax, c, h, w}', () => {
    const p = prepareModel(tinySparseModel());
    expect(p.input.tensor).toEqual({ kind: 'dense', shape: [4, 4, 1], size: 16 });
    expect(p.layer('conv')!.output).toEqual({
      kind: 'sparse',
      shape: [4, 4, 1],
      nMax: 3,
      c: 1,
      h: 4,
      w: 4,
      size: 3,
    });
    expect(p.layer('pool')!.output).toEqual({
      kind: 'sparse',
      shape: [2, 2, 1],
      nMax: 3,
      c: 1,
      h: 2,
      w: 2,
      size: 3,
    });
    expect(p.layer('flat')!.inputs).toEqual([p.layer('pool')!.output]);
    expect(p.layer('flat')!.output).toEqual({ kind: 'dense', shape: [4], size: 4 });
    expect(p.layer('fc')!.inputIndex).toEqual([4]);
    expect(p.layers[0]!.inputIndex).toEqual([-1]);
  });

  it('resolves attributes (defaults filled in) and narrows prepared layers by op', () => {
    const doc = buildPaperModel({ dataset: 'neutrino', variant: 'standard' });
    const out = doc.layers.at(-1)!;
    if (!isLayerOf(out, 'Activation')) throw new Error('expected an Activation');
    delete out.attrs.tableSize;
    const p = prepareModel(doc);
    const act = p.layer('out')!;
    expect(act.attrs).toEqual({ activation: 'sigmoid', tableSize: 1024 });
    if (!isPreparedLayerOf(act, 'Activation')) throw new Error('not narrowed');
    expect(act.attrs.tableSize).toBe(1024);
    expect(isPreparedLayerOf(act, 'Dense')).toBe(false);
  });

  it('is prepared once: prepareModel and the interpreter take it as it is', () => {
    const p = prepareModel(tinyStandardModel());
    expect(isPreparedModel(p)).toBe(true);
    expect(isPreparedModel(p.model)).toBe(false);
    expect(prepareModel(p)).toBe(p);
    expect(createInterpreter(p).prepared).toBe(p);
    expect(Object.isFrozen(p) && Object.isFrozen(p.layers) && Object.isFrozen(p.layers[0])).toBe(true);
  });

  it('keeps the document as given (source) apart from the prepared one', () => {
    const doc = tinySparseModel();
    const text = JSON.stringify(doc);
    const p = prepareModel(text);
    expect(p.source).toEqual(doc);
    expect(p.model.layers[1]!.precision!.accum).not.toBe('auto');
    expect(JSON.stringify(doc)).toBe(text); // the caller's document is not changed
  });

  it("writes nMax into output; an old document's `slots` is accepted and recomputed", () => {
    const doc = tinySparseModel();
    const old = {
      ...doc,
      layers: doc.layers.map((l) =>
        l.name === 'conv' ? { ...l, output: { shape: [9, 9, 9], slots: 99 } } : l,
      ),
    };
    const p = prepareModel(old);
    expect(p.layer('conv')!.layer.output).toEqual({ shape: [4, 4, 1], nMax: 3 });
    expect(parseType(p.layer('conv')!.layer.precision!.result!)).toEqual(p.layer('conv')!.precision.result);
  });
});
