import { defaultSoftmaxConfig, fracBits, softmaxTables, type SoftmaxConfig } from '@sparsepixels/core';
import type { ActivationContext, ActivationEmitter } from './activation-emitter';

/** The softmax configuration the interpreter uses for this layer (core's defaults + IR precisions). */
function softmaxConfig(ctx: ActivationContext, rowLength: number): SoftmaxConfig {
  const { table, accum } = ctx.precision;
  const { tableSize } = ctx.attrs;
  return defaultSoftmaxConfig(rowLength, {
    ...(table && { expType: table, invType: table }),
    ...(accum && { sumType: accum }),
    expTableSize: tableSize,
    invTableSize: tableSize,
  });
}

/** Softmax: exp and reciprocal tables of core's softmaxTables, emitted as constants (sp_softmax.h). */
export const softmaxEmitter: ActivationEmitter = {
  name: 'softmax',
  view(ctx, rowLength) {
    const config = softmaxConfig(ctx, rowLength);
    const tables = softmaxTables(config);
    const i = ctx.index;
    const name = ctx.layer.name;
    const expT = ctx.typedef(`exp_table${i}_t`, config.expType, `${name} softmax exp table`);
    const invT = ctx.typedef(`inv_table${i}_t`, config.invType, `${name} softmax reciprocal table`);
    const sumT = ctx.typedef(`layer${i}_sum_t`, config.sumType, `${name} softmax sum`);
    const expVar = ctx.constant({
      name: `exp_table${i}`,
      typeName: expT,
      type: config.expType,
      raws: tables.exp,
      comment: `${name} softmax exp(-d) table: ${config.expTableSize} entries over d in [0, ${config.expRange})`,
    });
    const invVar = ctx.constant({
      name: `inv_table${i}`,
      typeName: invT,
      type: config.invType,
      raws: tables.inv,
      comment: `${name} softmax 1/s table: ${config.invTableSize} entries over s in [0, ${config.invRange})`,
    });
    const expBits = Math.round(Math.log2(config.expTableSize));
    const invBits = Math.round(Math.log2(config.invTableSize));
    return {
      fn: 'softmax',
      constants: [
        { type: 'int', name: 'in_width', value: ctx.input.fixed.width },
        { type: 'unsigned', name: 'exp_bits', value: expBits },
        { type: 'unsigned', name: 'inv_bits', value: invBits },
        {
          type: 'int',
          name: 'exp_shift',
          value: expBits - Math.round(Math.log2(config.expRange)) - fracBits(ctx.input.fixed),
        },
        {
          type: 'int',
          name: 'inv_shift',
          value: invBits - Math.round(Math.log2(config.invRange)) - fracBits(config.sumType),
        },
        { type: 'int', name: 'sum_width', value: config.sumType.width },
        { type: 'bool', name: 'sum_signed', value: config.sumType.signed },
      ],
      types: [
        { name: 'exp_t', type: expT },
        { name: 'inv_t', type: invT },
        { name: 'sum_t', type: sumT },
      ],
      tables: [expVar, invVar],
    };
  },
};
