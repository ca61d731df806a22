import { SparsePixelsError } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics';
import { validateModel } from '../prepare-model';
import { tinySparseModel } from '../testing/tiny-models';
import { attr } from './attr-descriptors';
import { builtinOp } from './builtin';
import { assertAttrs, attrsOwnerOf, checkAttrs, resolveAttrs } from './check-attrs';
import { defineOp } from './define-op';

/** The message of what assertAttrs throws. */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SparsePixelsError);
    return `${(e as SparsePixelsError).code} ${(e as Error).message}`;
  }
  throw new Error('did not throw');
}

/** The formatted diagnostics of the tiny model with layer i's attrs replaced. */
function irProblems(i: number, attrs: object): string[] {
  const m = tinySparseModel();
  const layers = m.layers.map((l, j) => (j === i ? { ...l, attrs } : l));
  return validateModel({ ...m, layers }).diagnostics.map(formatDiagnostic);
}

describe('checkAttrs: one check for IR documents and trainable layers', () => {
  it('words a bad value alike in a document and in a layer constructor', () => {
    expect(irProblems(0, { nMax: 0, threshold: 0 })).toEqual([
      'SP2006 error /layers/0/attrs/nMax: 0 is out of range: must be >= 1',
    ]);
    expect(thrown(() => assertAttrs(builtinOp('InputReduce'), { nMax: 0, threshold: 0 }, 'reduce'))).toBe(
      'SP2006 layer "reduce": nMax 0 is out of range: must be >= 1',
    );
    expect(irProblems(3, { poolSize: 2, mode: 'avgs' })).toEqual([
      "SP2007 error /layers/3/attrs/mode: 'avgs' is not one of 'avg', 'max'; did you mean 'avg'?",
    ]);
    expect(
      thrown(() => assertAttrs(builtinOp('SparsePooling2D'), { poolSize: 2, mode: 'avgs' }, 'pool')),
    ).toBe(`SP2007 layer "pool": mode 'avgs' is not one of 'avg', 'max'; did you mean 'avg'?`);
  });

  it('reports the rules (odd, power of two) with the layer, in the IR after the schema', () => {
    expect(irProblems(1, { filters: 1, kernelSize: 4 })).toEqual([
      'SP4003 error /layers/1/attrs/kernelSize: layer "conv": kernelSize 4 must be odd',
      'SP5001 error /layers/1/weights/kernel/shape: layer "conv": weight \'kernel\' must have shape [4, 4, 1, 1], got [3, 3, 1, 1]',
    ]);
    expect(thrown(() => assertAttrs(builtinOp('SparseConv2D'), { filters: 1, kernelSize: 4 }, 'conv'))).toBe(
      'SP4003 layer "conv": kernelSize 4 must be odd',
    );
    expect(
      thrown(() => assertAttrs(builtinOp('Activation'), { activation: 'sigmoid', tableSize: 1000 }, 'act')),
    ).toBe('SP4011 layer "act": tableSize 1000 must be a power of two between 2 and 65536');
  });

  it('catches what JSON cannot carry but TypeScript can (NaN, wrong types)', () => {
    expect(thrown(() => assertAttrs(builtinOp('InputReduce'), { nMax: 4, threshold: Number.NaN }, 'r'))).toBe(
      'SP2004 layer "r": threshold must be a finite number, got NaN',
    );
    expect(thrown(() => assertAttrs(builtinOp('Dense'), { units: '3' }, 'fc'))).toBe(
      'SP2004 layer "fc": units must be an integer, got string',
    );
  });

  it('lists missing and unknown attributes (with the nearest name) before value problems', () => {
    const issues = checkAttrs(
      builtinOp('SparsePooling2D'),
      { pool_size: 2, mode: 'mean' },
      attrsOwnerOf('pool', 'SparsePooling2D', '/layers/3/attrs'),
    );
    expect(issues.map((i) => formatDiagnostic(i.diagnostic))).toEqual([
      'SP2002 error /layers/3/attrs: missing required property \'poolSize\' in attrs of layer "pool" (SparsePooling2D)',
      "SP2003 error /layers/3/attrs/pool_size: unknown property 'pool_size' in attrs of layer \"pool\" (SparsePooling2D); did you mean 'poolSize'?",
      "SP2007 error /layers/3/attrs/mode: 'mean' is not one of 'avg', 'max'",
    ]);
  });

  it('resolves defaults; assertAttrs returns the resolved attributes', () => {
    expect(resolveAttrs(builtinOp('Activation'), { activation: 'softmax' })).toEqual({
      activation: 'softmax',
      tableSize: 1024,
    });
    expect(
      assertAttrs(builtinOp('Activation'), { activation: 'sigmoid', tableSize: undefined }, 'act'),
    ).toEqual({ activation: 'sigmoid', tableSize: 1024 });
    expect(
      assertAttrs(builtinOp('Activation'), { activation: 'sigmoid', tableSize: 256 }, 'act').tableSize,
    ).toBe(256);
  });
});

describe('attribute descriptors', () => {
  const probe = defineOp({
    type: 'Probe',
    since: 1,
    description: 'every descriptor once',
    sparse: false,
    inputKind: 'dense',
    outputKind: 'dense',
    attrs: {
      flag: attr.bool({ description: 'a switch' }),
      type: attr.fixedType({ description: 'a fixed-point type' }),
      shape: attr.intList({ min: 1, max: 9, minItems: 1, maxItems: 3, description: 'a shape' }),
      gain: attr.optional(attr.number({ min: 0, max: 2, description: 'a gain' })),
    },
    precisions: ['result'],
    weights: [],
    inferShape: (ctx) => ctx.inputs[0],
    inferPrecision: () => undefined,
    compile: () => ({ run: ([x]) => x! }),
    compileFloat: () => ({ run: ([x]) => x! }),
    paramCount: () => 0,
    opCount: () => 0,
  });
  const problems = (attrs: object) =>
    checkAttrs(probe, attrs, attrsOwnerOf('p', 'Probe', '/a')).map((i) => i.diagnostic.message);

  it('derive the JSON Schema of attrs', () => {
    expect(probe.attrsSchema).toEqual({
      type: 'object',
      properties: {
        flag: { type: 'boolean', description: 'a switch' },
        type: { type: 'string', minLength: 1, maxLength: 200, description: 'a fixed-point type' },
        shape: {
          type: 'array',
          minItems: 1,
          maxItems: 3,
          items: { type: 'integer', minimum: 1, maximum: 9 },
          description: 'a shape',
        },
        gain: { type: 'number', minimum: 0, maximum: 2, description: 'a gain' },
      },
      required: ['flag', 'type', 'shape'],
      additionalProperties: false,
    });
  });

  it('check values of every kind', () => {
    expect(problems({ flag: true, type: 'ap_fixed<8,3>', shape: [3, 3] })).toEqual([]);
    expect(problems({ flag: 1, type: 'ap_fixd<8,3>', shape: [3, 0, 1, 1], gain: 3 })).toEqual([
      'must be a boolean, got integer',
      'cannot parse type "ap_fixd<8,3>" (not of the form family<args>): expected e.g. ap_fixed<16,6>, ap_fixed<16,6,AP_RND_CONV,AP_SAT,0>, ap_ufixed<8,1>, ap_int<8>, ap_uint<3>, fixed<8,3,TRN,WRAP,0>, int<8>',
      '[3,0,1,1] is out of range: must be a list of 1..3 integers',
      '3 is out of range: must be <= 2',
    ]);
    const item = checkAttrs(
      probe,
      { flag: false, type: 'ap_int<4>', shape: [2, 0] },
      attrsOwnerOf('p', 'Probe', '/a'),
    );
    expect(item.map((i) => formatDiagnostic(i.diagnostic))).toEqual([
      'SP2006 error /a/shape/1: 0 is out of range: must be >= 1',
    ]);
    expect(thrown(() => assertAttrs(probe, { flag: false, type: 'ap_int<4>', shape: [2, 0.5] }, 'p'))).toBe(
      'SP2004 layer "p": shape[1] must be an integer, got number',
    );
  });

  it('refuse impossible declarations', () => {
    expect(() => attr.int({ min: 4, max: 2, description: '' })).toThrow(/min <= max/);
    expect(() => attr.optional(attr.int({ min: 1, max: 8, description: '' }), 9)).toThrow(
      /fails its own check/,
    );
  });
});
