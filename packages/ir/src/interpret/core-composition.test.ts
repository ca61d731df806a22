import {
  getActivation,
  inputReduceFixed,
  parseType,
  prepareDenseFixed,
  prepareSparseConv2dFixed,
  quantizeNumber,
  sparseActivationFixed,
  sparseConv2dFixed,
  sparseFlattenFixed,
  sparsePool2dFixed,
  denseFixed,
  type FixedType,
  type SparseTensor,
} from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import type { LayerIR, ModelIR } from '../model';
import { prepareModel } from '../prepare-model';
import { buildPaperModel } from '../testing/paper-models';
import { randomSparseEvents } from '../testing/random-events';
import { createInterpreter } from './create-interpreter';

/** Types and raw weights of a prepared layer, read straight from the document. */
function layerParts(m: ModelIR, name: string) {
  const l = m.layers.find((x) => x.name === name) as LayerIR;
  const p = l.precision ?? {};
  const t = (k: keyof typeof p): FixedType => parseType(p[k]!);
  const raws = (w: string, type: FixedType) => l.weights![w]!.values.map((v) => v * 2 ** (type.width - type.integer));
  return { l, p, t, raws };
}

/**
 * The neutrino sparse model written out by hand with core's kernels: an independent composition
 * (types parsed from the prepared document, weights converted here) that the interpreter must equal.
 */
function neutrinoByHand(m: ModelIR) {
  const input = parseType(m.input.type);
  const conv = (name: string, k: number, cin: number, cout: number, x: FixedType) => {
    const { t, raws } = layerParts(m, name);
    const types = { input: x, weight: t('weight'), bias: t('bias'), accum: t('accum'), result: t('result') };
    return prepareSparseConv2dFixed({ k, cin, cout, weights: raws('kernel', types.weight), bias: raws('bias', types.bias), types });
  };
  const dense = (name: string, nIn: number, nOut: number, x: FixedType) => {
    const { t, raws } = layerParts(m, name);
    const types = { input: x, weight: t('weight'), bias: t('bias'), accum: t('accum'), result: t('result') };
    return prepareDenseFixed({ nIn, nOut, weights: raws('kernel', types.weight), bias: raws('bias', types.bias), types });
  };
  const r = (name: string) => layerParts(m, name).t('result');
  const relu = (name: string, x: FixedType) => getActivation('relu').prepareFixed({ input: x, result: r(name) });
  const c1 = conv('conv1', 7, 1, 1, input);
  const a1 = relu('relu1', r('conv1'));
  const c2 = conv('conv2', 7, 1, 3, r('relu1'));
  const a2 = relu('relu2', r('conv2'));
  const pool = { p: 7, mode: 'avg' as const, types: { input: r('relu2'), accum: layerParts(m, 'pool1').t('accum'), result: r('pool1') } };
  const d1 = dense('fc1', 243, 16, r('flatten'));
  const a3 = relu('relu_fc1', r('fc1'));
  const d2 = dense('fc2', 16, 1, r('relu_fc1'));
  const out = layerParts(m, 'out');
  const sig = getActivation('sigmoid').prepareFixed({ input: r('fc2'), result: out.t('result'), table: out.t('table'), tableSize: 1024 });
  return (image: ArrayLike<number>) => {
    const raw = Float64Array.from(image, (v) => quantizeNumber(v, input));
    const { tensor, dropped } = inputReduceFixed(raw, { h: 63, w: 63, c: 1, nMax: 16, threshold: 0, input });
    let x: SparseTensor = sparseConv2dFixed(tensor, c1);
    x = sparseActivationFixed(x, a1);
    x = sparseConv2dFixed(x, c2);
    x = sparseActivationFixed(x, a2);
    x = sparsePool2dFixed(x, pool);
    const flat = sparseFlattenFixed(x, { types: { input: r('pool1'), result: r('flatten') } });
    const h1 = denseFixed(flat, d1);
    const h1r = new Float64Array(16);
    a3.run(h1, h1r, 0, 16);
    const o = denseFixed(h1r, d2);
    const y = new Float64Array(1);
    sig.run(o, y, 0, 1);
    return { y: y[0]!, dropped, fc2: o[0]! };
  };
}

describe('interpreter = core kernels composed by hand', () => {
  it('on the neutrino sparse-m model, every event, output and fc2 raw', () => {
    const { model } = prepareModel(buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, seed: 5 }));
    const events = randomSparseEvents({ h: 63, w: 63, count: 200, active: [0, 40], seed: 11 });
    const r = createInterpreter(model, { trace: true }).run(events, 200);
    const byHand = neutrinoByHand(model);
    const fc2 = r.trace!['fc2']!.raw;
    const distinct = new Set<number>();
    for (let e = 0; e < 200; e++) {
      const h = byHand(events.subarray(e * 3969, (e + 1) * 3969));
      expect(r.raw[0]![e]).toBe(h.y);
      expect(fc2[e]).toBe(h.fc2);
      expect(r.overflowCount[e]).toBe(h.dropped);
      distinct.add(h.fc2);
    }
    // the random model is not degenerate: events give different logits, and some overflow
    expect(distinct.size).toBeGreaterThan(20);
    expect(Math.max(...r.overflowCount)).toBeGreaterThan(0);
  });
});
