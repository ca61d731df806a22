import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics';
import { IRValidationError } from './ir-validation-error';
import type { LayerIR, ModelIR } from './model';
import { prepareModel, validateModel } from './prepare-model';
import { tinySparseModel } from './testing/tiny-models';

/** Every diagnostic of a document, one formatted line each. */
function problems(doc: unknown): string[] {
  return validateModel(doc).diagnostics.map(formatDiagnostic);
}

/** The model with layer i replaced by `patch(layer)`: a document for validation, possibly a broken one. */
function withLayer(i: number, patch: (l: LayerIR) => object, m: ModelIR = tinySparseModel()): ModelIR {
  return { ...m, layers: m.layers.map((l, j) => (j === i ? patch(l) : l)) as LayerIR[] };
}

describe('validateModel: document, format and version', () => {
  it('accepts the tiny model without diagnostics', () => {
    expect(problems(tinySparseModel())).toEqual([]);
  });

  it('accepts a JSON string and reports invalid JSON', () => {
    expect(validateModel(JSON.stringify(tinySparseModel())).valid).toBe(true);
    expect(problems('{"format": ')).toMatchInlineSnapshot(`
      [
        "SP1001 error (document): the document is not valid JSON (Unexpected end of JSON input)",
      ]
    `);
  });

  it('checks format and version before anything else', () => {
    expect(problems([1, 2])).toMatchInlineSnapshot(`
      [
        "SP1002 error (document): the document must be a JSON object, got array",
      ]
    `);
    expect(problems({ ...tinySparseModel(), format: 'onnx' })).toMatchInlineSnapshot(`
      [
        "SP1003 error /format: "format" must be 'sparsepixels-ir', got 'onnx'",
      ]
    `);
    expect(problems({ ...tinySparseModel(), version: 2 })).toMatchInlineSnapshot(`
      [
        "SP1005 error /version: version 2 is newer than this @sparsepixels/ir supports (up to 1); upgrade the package",
      ]
    `);
    expect(problems({ ...tinySparseModel(), version: -1 })).toMatchInlineSnapshot(`
      [
        "SP1006 error /version: unknown version -1; known versions are 0..1",
      ]
    `);
    expect(problems({ ...tinySparseModel(), version: '1' })).toMatchInlineSnapshot(`
      [
        "SP1004 error /version: "version" must be an integer (0..1), got '1'",
      ]
    `);
  });
});

describe('prepareModel', () => {
  it('throws one IRValidationError carrying every diagnostic', () => {
    const m = withLayer(1, (l) => ({ ...l, op: 'SparseConv2d' }));
    try {
      prepareModel({ ...m, outputs: [] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IRValidationError);
      const err = e as IRValidationError;
      expect(err.message).toMatchInlineSnapshot(`"2 errors in the model; first: SP2005 error /layers/1/op: unknown op 'SparseConv2d'; did you mean 'SparseConv2D'?"`);
      expect(err.report()).toMatchInlineSnapshot(`
        "SP2005 error /layers/1/op: unknown op 'SparseConv2d'; did you mean 'SparseConv2D'?
        SP2001 error /outputs: must have at least 1 item"
      `);
    }
  });

  it('returns the prepared model: canonical types, shapes, resolved precisions, build defaults', () => {
    const m = withLayer(5, (l) => ({ ...l, precision: { weight: 'fixed<4,2,TRN,WRAP,0>', bias: 'auto' } }));
    const { model, warnings } = prepareModel(m);
    expect(warnings).toEqual([]);
    expect(model.layers.map((l) => [l.name, l.output, l.precision])).toMatchInlineSnapshot(`
      [
        [
          "reduce",
          {
            "nMax": 3,
            "shape": [
              4,
              4,
              1,
            ],
          },
          {
            "result": "ap_ufixed<4,2>",
          },
        ],
        [
          "conv",
          {
            "nMax": 3,
            "shape": [
              4,
              4,
              1,
            ],
          },
          {
            "accum": "ap_fixed<12,8>",
            "bias": "ap_fixed<4,2>",
            "result": "ap_fixed<12,8>",
            "weight": "ap_fixed<4,2>",
          },
        ],
        [
          "relu",
          {
            "nMax": 3,
            "shape": [
              4,
              4,
              1,
            ],
          },
          {
            "result": "ap_ufixed<6,3,AP_RND_CONV,AP_SAT>",
          },
        ],
        [
          "pool",
          {
            "nMax": 3,
            "shape": [
              2,
              2,
              1,
            ],
          },
          {
            "accum": "ap_ufixed<8,5>",
            "result": "ap_ufixed<8,3>",
          },
        ],
        [
          "flat",
          {
            "shape": [
              4,
            ],
          },
          {
            "result": "ap_ufixed<8,3>",
          },
        ],
        [
          "fc",
          {
            "shape": [
              2,
            ],
          },
          {
            "accum": "ap_fixed<15,8>",
            "bias": "ap_fixed<1,0>",
            "result": "ap_fixed<15,8>",
            "weight": "ap_fixed<4,2>",
          },
        ],
        [
          "out",
          {
            "shape": [
              2,
            ],
          },
          {
            "result": "ap_fixed<15,8>",
          },
        ],
      ]
    `);
    expect(model.build).toMatchInlineSnapshot(`
      {
        "clockPeriod": 5,
        "ioType": "io_parallel",
        "part": "xcu250-figd2104-2L-e",
        "pipelineStyle": "dataflow",
        "project": "myproject",
        "reuseFactor": 1,
        "strategy": "latency",
      }
    `);
  });

  it('is idempotent and leaves its argument unchanged', () => {
    const doc = tinySparseModel();
    const copy = structuredClone(doc);
    const once = prepareModel(doc).model;
    expect(doc).toEqual(copy);
    expect(prepareModel(once).model).toEqual(once);
  });
});
