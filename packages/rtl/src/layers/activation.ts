import { fracBits } from '@sparsepixels/core';
import type { ActivationDesc } from '../model/adapter';
import { castGroup, clog2, packRaws, resultCast, stepGroup, type Params } from '../plan/type-params';
import { featureCount, type LayerPlan, type PlanContext, type RtlEmitter } from './layer-emitter';

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
  const timing = (core: string, params: Params, latency: number, form: string): LayerPlan => ({
    core,
    params,
    form,
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
  const row = { ROW: layer.rowLength, SPARSE: sparse ? 1 : 0 };
  if (layer.activation === 'sigmoid') {
    const t = layer.sigmoid!;
    const size = t.config.tableSize;
    const tt = t.config.tableType;
    return timing(
      'sp_act_sigmoid',
      {
        ...base,
        ...row,
        SH: clog2(size) - 4 - fracBits(x),
        T: size,
        TW: tt.width,
        TABLE: packRaws(Array.from(t.raw, (v) => BigInt(v)), tt.width),
        ...resultCast(tt, res, TABLE_KEYS, where),
      },
      2,
      `table of ${size} entries`,
    );
  }
  const s = layer.softmax!;
  const c = s.config;
  const outFrac = fracBits(c.expType) + fracBits(c.invType);
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
      EXP: packRaws(Array.from(s.exp, (v) => BigInt(v)), c.expType.width),
      INV: packRaws(Array.from(s.inv, (v) => BigInt(v)), c.invType.width),
      ...stepGroup('S', c.sumType, c.expType, where),
      ...castGroup('O', { width: c.expType.width + c.invType.width, frac: outFrac, signed: c.expType.signed || c.invType.signed }, res, ['SF', 'DF', 'DS', 'Q', 'O', 'NB'], where),
    },
    6,
    `tables of ${c.expTableSize} and ${c.invTableSize} entries`,
  );
}

export const sparseActivationEmitter: RtlEmitter<ActivationDesc> = { op: 'SparseActivation', plan: planActivation };
export const activationEmitter: RtlEmitter<ActivationDesc> = { op: 'Activation', plan: planActivation };
