import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics';
import type { LayerIR, ModelIR } from './model';
import { validateModel } from './prepare-model';
import { tinySparseModel } from './testing/tiny-models';

/** Every diagnostic of a document, one formatted line each. */
function problems(doc: unknown): string[] {
  return validateModel(doc).diagnostics.map(formatDiagnostic);
}

/** The model with layer i replaced by `patch(layer)`: a document for validation, possibly a broken one. */
function withLayer(i: number, patch: (l: LayerIR) => object, m: ModelIR = tinySparseModel()): ModelIR {
  return { ...m, layers: m.layers.map((l, j) => (j === i ? patch(l) : l)) as LayerIR[] };
}

describe('validateModel: schema problems, all at once', () => {
  it('suggests the nearest op, attribute and property names', () => {
    let m = withLayer(1, (l) => ({ ...l, op: 'SparseConv2d' }));
    m = withLayer(3, (l) => ({ ...l, attrs: { pool_size: 2, mode: 'avg' } }), m);
    m = withLayer(5, (l) => ({ ...l, precision: { weigth: 'ap_fixed<4,2>' } as LayerIR['precision'] }), m);
    expect(problems(m)).toMatchInlineSnapshot(`
      [
        "SP2005 error /layers/1/op: unknown op 'SparseConv2d'; did you mean 'SparseConv2D'?",
        "SP2002 error /layers/3/attrs: missing required property 'poolSize' in attrs of layer "pool" (SparsePooling2D)",
        "SP2003 error /layers/3/attrs/pool_size: unknown property 'pool_size' in attrs of layer "pool" (SparsePooling2D); did you mean 'poolSize'?",
        "SP2003 error /layers/5/precision/weigth: unknown property 'weigth' in precision of layer "fc" (Dense); did you mean 'weight'?",
      ]
    `);
  });

  it('reports missing and mistyped fields', () => {
    const { outputs: _o, ...noOutputs } = tinySparseModel();
    const m = withLayer(0, (l) => ({ ...l, attrs: { nMax: -3, threshold: 'zero' } }), noOutputs as ModelIR);
    expect(problems({ ...m, name: '1st model', build: { clockPeriod: 0, ioType: 'io_paralel' } })).toMatchInlineSnapshot(`
      [
        "SP2002 error (document): missing required property 'outputs' in the document",
        "SP2001 error /name: "1st model" is not a valid name: use letters, digits and '_', not starting with a digit",
        "SP2006 error /layers/0/attrs/nMax: -3 is out of range: must be >= 1",
        "SP2004 error /layers/0/attrs/threshold: must be a number, got string",
        "SP2006 error /build/clockPeriod: 0 is out of range: must be > 0",
        "SP2007 error /build/ioType: 'io_paralel' is not one of 'io_parallel', 'io_stream'; did you mean 'io_parallel'?",
      ]
    `);
  });
});

describe('validateModel: graph, shapes, weights', () => {
  it('reports dangling, forward and duplicate references with suggestions', () => {
    let m = withLayer(2, (l) => ({ ...l, inputs: ['cnv'] }));
    m = withLayer(4, (l) => ({ ...l, name: 'pool' }), m);
    m = withLayer(1, (l) => ({ ...l, inputs: ['relu'] }), m);
    expect(problems({ ...m, outputs: ['outt'] })).toMatchInlineSnapshot(`
      [
        "SP3001 error /layers/4/name: duplicate name 'pool' (first used at /layers/3/name)",
        "SP3003 error /layers/1/inputs/0: layer "conv" reads 'relu', which is itself or a later layer (layers must be in topological order, no cycles)",
        "SP3002 error /layers/2/inputs/0: layer "relu" reads unknown tensor 'cnv'; did you mean 'conv'?",
        "SP3002 error /layers/5/inputs/0: layer "fc" reads unknown tensor 'flat'",
        "SP3005 error /outputs/0: output 'outt' is not a layer or the input; did you mean 'out'?",
      ]
    `);
  });

  it('reports op semantics: even kernel, missing weights, sparse ops outside the sparse section', () => {
    let m = withLayer(1, (l) => ({ ...l, attrs: { filters: 1, kernelSize: 2 }, weights: undefined }));
    m = withLayer(6, (l) => ({ ...l, op: 'SparseActivation' }), m);
    expect(problems(m)).toMatchInlineSnapshot(`
      [
        "SP4003 error /layers/1/attrs/kernelSize: layer "conv": kernelSize 2 must be odd",
        "SP4001 error /layers/6/inputs: layer "out" (SparseActivation) needs a sparse input (insert it after InputReduce and before SparseFlatten)",
        "SP5007 error /layers/1/weights: layer "conv" (SparseConv2D) needs weight 'kernel'",
      ]
    `);
  });

  it('reports a pool or kernel larger than the grid', () => {
    let m = withLayer(3, (l) => ({ ...l, attrs: { poolSize: 5, mode: 'avg' } }));
    expect(problems(m)).toMatchInlineSnapshot(`
      [
        "SP4005 error /layers/3/attrs/poolSize: layer "pool": poolSize 5 must not exceed the 4x4 grid",
      ]
    `);
    m = withLayer(1, (l) => ({ ...l, attrs: { filters: 1, kernelSize: 5 } }));
    expect(problems(m)).toMatchInlineSnapshot(`
      [
        "SP4004 error /layers/1/attrs/kernelSize: layer "conv": kernelSize 5 must not exceed the 4x4 grid",
        "SP5001 error /layers/1/weights/kernel/shape: layer "conv": weight 'kernel' must have shape [5, 5, 1, 1], got [3, 3, 1, 1]",
      ]
    `);
  });

  it('warns (does not fail) when the pool size does not divide the grid', () => {
    const m = { ...tinySparseModel(), input: { name: 'x_in', shape: [5, 5, 1], type: 'ap_ufixed<4,2>' } };
    const r = validateModel(m);
    expect(r.valid).toBe(true);
    expect(r.diagnostics.map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "SP4006 warning /layers/3/attrs/poolSize: layer "pool": the 5x5 grid is not divisible by poolSize 2; pixels beyond 4x4 are dropped",
      ]
    `);
  });

  it('reports weights off the grid, out of range, wrongly shaped and channel mismatches', () => {
    let m = withLayer(1, (l) => ({
      ...l,
      weights: { kernel: { shape: [3, 3, 1, 1], values: [0.1, 0, 0, 0, 9, 0.5, 0, 0.3, 0] }, bias: { shape: [2], values: [0, 0] } },
    }));
    m = withLayer(5, (l) => ({ ...l, weights: { kernel: { shape: [4, 2], values: [1, 2, 3] } } }), m);
    m = { ...m, input: { ...m.input, shape: [4, 4, 2] } };
    expect(problems(m)).toMatchInlineSnapshot(`
      [
        "SP5001 error /layers/1/weights/kernel/shape: layer "conv": weight 'kernel' must have shape [3, 3, 2, 1], got [3, 3, 1, 1]",
        "SP5003 error /layers/1/weights/kernel/values/0: layer "conv": kernel[0] = 0.1 is not on the grid of ap_fixed<4,2> (and 1 more such value)",
        "SP5004 error /layers/1/weights/kernel/values/4: layer "conv": kernel[4] = 9 is outside the range of ap_fixed<4,2>",
        "SP5001 error /layers/1/weights/bias/shape: layer "conv": weight 'bias' must have shape [1], got [2]",
        "SP5002 error /layers/5/weights/kernel/values: layer "fc": weight 'kernel' needs 8 values (product of its shape), got 3",
        "SP5004 error /layers/5/weights/kernel/values/1: layer "fc": kernel[1] = 2 is outside the range of ap_fixed<4,2> (and 1 more such value)",
      ]
    `);
  });

  it('reports an exact type wider than 64 bits and unparsable type strings', () => {
    let m = withLayer(1, (l) => ({ ...l, precision: { ...l.precision, weight: 'ap_fixed<40,20>' } }));
    m = withLayer(2, (l) => ({ ...l, precision: { result: 'ufixd<6,3>' } }), m);
    m = { ...m, input: { ...m.input, type: 'ap_fixed<40,2>' } };
    expect(problems(m)).toMatchInlineSnapshot(`
      [
        "SP2008 error /layers/2/precision/result: cannot parse type "ufixd<6,3>" (not of the form family<args>): expected e.g. ap_fixed<16,6>, ap_fixed<16,6,AP_RND_CONV,AP_SAT,0>, ap_ufixed<8,1>, ap_int<8>, ap_uint<3>, fixed<8,3,TRN,WRAP,0>, int<8>",
        "SP5005 error /layers/1/precision/accum: layer "conv": an exact accum type needs 83 bits, more than the 64 allowed; declare a narrower input/weight type or fix the accum type",
      ]
    `);
    expect(problems({ ...m, input: { ...m.input, type: 'ap_fixed<65,2>' } })).toMatchInlineSnapshot(`
      [
        "SP2008 error /input/type: ap_fixed width 65 is out of range: declared widths must be integers 1..64 (in type "ap_fixed<65,2>")",
        "SP2008 error /layers/2/precision/result: cannot parse type "ufixd<6,3>" (not of the form family<args>): expected e.g. ap_fixed<16,6>, ap_fixed<16,6,AP_RND_CONV,AP_SAT,0>, ap_ufixed<8,1>, ap_int<8>, ap_uint<3>, fixed<8,3,TRN,WRAP,0>, int<8>",
      ]
    `);
  });

  it('allows only one InputReduce', () => {
    const m = tinySparseModel();
    const second: LayerIR = { name: 'reduce2', op: 'InputReduce', inputs: ['reduce'], attrs: { nMax: 2, threshold: 0 } };
    const layers = [m.layers[0]!, second, ...m.layers.slice(1).map((l) => (l.name === 'conv' ? { ...l, inputs: ['reduce2'] } : l))];
    expect(problems({ ...m, layers })).toMatchInlineSnapshot(`
      [
        "SP4008 error /layers/1: layer "reduce2": a model may hold 1 InputReduce layer(s); the first is "reduce"",
        "SP4002 error /layers/1/inputs: layer "reduce2" (InputReduce) needs a dense input, got a sparse one (insert SparseFlatten before it)",
      ]
    `);
  });
});

