import { DEFAULT_SIGMOID_TABLE_TYPE, fracBits, sigmoidTable } from '@sparsepixels/core';
import type { ActivationEmitter } from './activation-emitter';

/** Sigmoid: the 2^t-entry table of core's sigmoidTable, emitted as constants (sp_sigmoid.h). */
export const sigmoidEmitter: ActivationEmitter = {
  name: 'sigmoid',
  view(ctx) {
    const tableSize = ctx.attrs.tableSize;
    const tableType = ctx.precision.table ?? DEFAULT_SIGMOID_TABLE_TYPE;
    const table = sigmoidTable({ tableSize, tableType });
    const typeName = ctx.typedef(`table${ctx.index}_t`, tableType, `${ctx.layer.name} sigmoid table`);
    const tableVar = ctx.constant({
      name: `sigmoid_table${ctx.index}`,
      typeName,
      type: tableType,
      raws: table.raw,
      comment: `${ctx.layer.name} sigmoid table: ${tableSize} entries over [-8, 8)`,
    });
    const x = ctx.input.fixed;
    return {
      fn: 'sigmoid',
      constants: [
        { type: 'int', name: 'in_width', value: x.width },
        { type: 'int', name: 'in_frac', value: fracBits(x) },
        { type: 'bool', name: 'in_signed', value: x.signed },
        { type: 'unsigned', name: 'table_bits', value: Math.round(Math.log2(tableSize)) },
      ],
      types: [{ name: 'table_t', type: typeName }],
      tables: [tableVar],
    };
  },
};
