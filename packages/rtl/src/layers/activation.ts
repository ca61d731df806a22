import { defaultSoftmaxConfig, fracBits, sigmoidTable, softmaxTables, type SigmoidTable, type SoftmaxTables } from '@sparsepixels/core';
import type { AttrsOfType, LayerOfType, PreparedLayer } from '@sparsepixels/ir';
import type { LayerBase } from '../model/layer-base';
import { castGroup, clog2, packRaws, resultCast, stepGroup, type Params } from '../plan/type-params';
import { featureCount, type CorePorts, type LayerPlan, type PlanContext, type RtlEmitter } from './layer-emitter';

export type ActivationName = 'relu' | 'linear' | 'sigmoid' | 'softmax';

export interface ActivationDesc extends LayerBase {
  readonly op: 'SparseActivation' | 'Activation';
  readonly activation: ActivationName;
  /** Values normalised together (softmax: a vector, or one slot's channels). */
  readonly rowLength: number;
  readonly sigmoid?: SigmoidTable;
  readonly softmax?: SoftmaxTables;
}

function describeActivation(
  p: PreparedLayer<LayerOfType<'Activation' | 'SparseActivation'>, AttrsOfType<'Activation'>>,
  base: LayerBase,
): ActivationDesc {
  const op = p.layer.op;
  const { activation, tableSize } = p.attrs;
  const rowLength = op === 'SparseActivation' ? (base.input.shape[2] ?? 1) : base.input.shape.reduce((a, b) => a * b, 1);
  const { table, accum } = p.precision;
  // a logits head skips the table: its input converted to the result type, exactly like linear
  if (p.attrs.output === 'logits') return { ...base, op, activation: 'linear', rowLength };
  if (activation === 'sigmoid') {
    return { ...base, op, activation, rowLength, sigmoid: sigmoidTable({ ...(tableSize ? { tableSize } : {}), ...(table ? { tableType: table } : {}) }) };
  }
  if (activation === 'softmax') {
    const overrides = {
      ...(table && { expType: table, invType: table }),
      ...(accum && { sumType: accum }),
      ...(tableSize !== undefined && { expTableSize: tableSize, invTableSize: tableSize }),
    };
    return { ...base, op, activation, rowLength, softmax: softmaxTables(defaultSoftmaxConfig(rowLength, overrides)) };
  }
  return { ...base, op, activation, rowLength };
}

/** Stateless cores (clk only): the wrapper delays `done`, the hashes and the validity bits. */
const ACTIVATION_CORES: Readonly<Record<string, CorePorts>> = {
  sp_act_elem: { x: 'x', y: 'y', control: false },
  sp_act_sigmoid: { x: 'x', xv: 'x_valid', y: 'y', control: false },
  sp_act_softmax: { x: 'x', xv: 'x_valid', y: 'y', control: false },
};

/** Tables up to this many bits are Verilog parameters; larger ones are $readmemh files (rtl/). */
const INLINE_TABLE_BITS = 16384;

/** A table as a parameter (small) or as a hex file beside the layer's module (large, or asFile). */
function tableParam(ctx: PlanContext, layer: ActivationDesc, what: string, raws: ArrayLike<number>, width: number, asFile = false) {
  const list = Array.from(raws, (v) => BigInt(v));
  if (!asFile && list.length * width <= INLINE_TABLE_BITS) return { value: packRaws(list, width) };
  const path = `rtl/${ctx.model.project}_${layer.name}_${what}.hex`;
  const mask = (1n << BigInt(width)) - 1n;
  const digits = Math.ceil(width / 4);
  return { value: { file: path }, file: { path, content: `${list.map((v) => (v & mask).toString(16).padStart(digits, '0')).join('\n')}\n` } };
}

const ELEM_KEYS = ['SF', 'DF', 'DS', 'Q', 'O', 'NB'];
const TABLE_KEYS = ['SF', 'SS', 'DF', 'DS', 'Q', 'O', 'NB'];

/**
 * Activations (dense and sparse): stateless pipelines over every element each cycle, so the
 * output keeps the input's schedule. relu/linear: sp_act_elem, combinational (a cast and a
 * sign test fold into the next register stage); sigmoid: sp_act_sigmoid (table lookup, 2 cycles);
 * softmax: sp_act_softmax (max, exp table, sum, reciprocal table, product: 6 cycles). In a sparse
 * layer an inactive slot stays all-zero (sigmoid and softmax would not give 0 there).
 */
function planActivation(layer: ActivationDesc, ctx: PlanContext): LayerPlan {
  const where = `layer "${layer.name}"`;
  const x = layer.input.type;
  const res = layer.output.type;
  const sparse = layer.op === 'SparseActivation';
  const e = featureCount(layer.input);
  const base = { E: e, XW: x.width, XS: x.signed ? 1 : 0, RW: res.width };
  const timing = (core: string, params: Params, latency: number, form: string, files: LayerPlan['files'] = []): LayerPlan => ({
    core,
    params,
    form,
    ...(files.length > 0 ? { files } : {}),
    needs: ctx.inputMode,
    output: ctx.inputMode,
    latency,
    minII: 1,
    reads: layer.source,
  });
  if (layer.activation === 'relu' || layer.activation === 'linear') {
    const kind = layer.activation === 'relu' ? 0 : 1;
    return timing('sp_act_elem', { ...base, KIND: kind, REG: 0, ...resultCast(x, res, ELEM_KEYS, where) }, 0, 'element-wise, combinational');
  }
  const row = { ROW: layer.rowLength, SPARSE: sparse ? 1 : 0, MASK: sparse && ctx.model.mask ? 1 : 0 };
  if (layer.activation === 'sigmoid') {
    const t = layer.sigmoid!;
    const size = t.config.tableSize;
    const tt = t.config.tableType;
    const table = tableParam(ctx, layer, 'sigmoid', t.raw, tt.width);
    return timing(
      'sp_act_sigmoid',
      {
        ...base,
        ...row,
        SH: clog2(size) - 4 - fracBits(x),
        T: size,
        TW: tt.width,
        ...(table.file ? { TF: 1, TFILE: table.value } : { TABLE: table.value }),
        ...resultCast(tt, res, TABLE_KEYS, where),
      },
      2,
      `table of ${size} entries`,
      table.file ? [table.file] : [],
    );
  }
  const s = layer.softmax!;
  const c = s.config;
  const outFrac = fracBits(c.expType) + fracBits(c.invType);
  // the core reads both tables the same way: both files when either is too large for a parameter
  const asFile = Math.max(s.exp.length * c.expType.width, s.inv.length * c.invType.width) > INLINE_TABLE_BITS;
  const exp = tableParam(ctx, layer, 'exp', s.exp, c.expType.width, asFile);
  const inv = tableParam(ctx, layer, 'inv', s.inv, c.invType.width, asFile);
  const files = exp.file && inv.file ? [exp.file, inv.file] : [];
  return timing(
    'sp_act_softmax',
    {
      ...base,
      ...row,
      ESH: clog2(c.expTableSize) - Math.round(Math.log2(c.expRange)) - fracBits(x),
      EN: c.expTableSize,
      EW: c.expType.width,
      ES: c.expType.signed ? 1 : 0,
      ISH: clog2(c.invTableSize) - Math.round(Math.log2(c.invRange)) - fracBits(c.sumType),
      IN: c.invTableSize,
      IW: c.invType.width,
      IS: c.invType.signed ? 1 : 0,
      SUW: c.sumType.width,
      SUS: c.sumType.signed ? 1 : 0,
      ...(asFile ? { TF: 1, EFILE: exp.value, IFILE: inv.value } : { EXP: exp.value, INV: inv.value }),
      ...stepGroup('S', c.sumType, c.expType, where),
      ...castGroup('O', { width: c.expType.width + c.invType.width, frac: outFrac, signed: c.expType.signed || c.invType.signed }, res, ['SF', 'DF', 'DS', 'Q', 'O', 'NB'], where),
    },
    6,
    `tables of ${c.expTableSize} and ${c.invTableSize} entries`,
    files,
  );
}

export const sparseActivationEmitter: RtlEmitter<ActivationDesc, 'SparseActivation'> = {
  op: 'SparseActivation',
  describe: describeActivation,
  plan: planActivation,
  cores: ACTIVATION_CORES,
};
export const activationEmitter: RtlEmitter<ActivationDesc, 'Activation'> = {
  op: 'Activation',
  describe: describeActivation,
  plan: planActivation,
  cores: ACTIVATION_CORES,
};
