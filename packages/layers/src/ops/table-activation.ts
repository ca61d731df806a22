/**
 * The firmware's table-based sigmoid / softmax on exact values: a one-layer IR model (the input
 * typed exactly, then the Activation op) run by the IR interpreter, so the tables, their indexing
 * and the 'auto' types are the IR's own. Used by QActivation at inference time.
 */
import { formatType } from '@sparsepixels/core';
import { createInterpreter, type Interpreter, type ModelIR } from '@sparsepixels/ir';
import { exactTypeOf } from './exact-type';

export interface TableActivationOptions {
  readonly activation: 'sigmoid' | 'softmax';
  /** Absent: sized from the input type, as the IR does (docs/semantics.md). */
  readonly tableSize: number | undefined;
  /** Declared table / result types (canonical strings) or 'auto'. */
  readonly table: string;
  readonly result: string;
}

const cache = new Map<string, Interpreter>();

function interpreterFor(o: TableActivationOptions, inputType: string, units: number): Interpreter {
  const key = `${o.activation}|${o.tableSize}|${o.table}|${o.result}|${inputType}|${units}`;
  let it = cache.get(key);
  if (!it) {
    const model: ModelIR = {
      format: 'sparsepixels-ir',
      version: 2,
      name: 'table_activation',
      input: { name: 'x', shape: [units], type: inputType },
      layers: [
        {
          name: 'act',
          op: 'Activation',
          inputs: ['x'],
          attrs: { activation: o.activation, ...(o.tableSize !== undefined && { tableSize: o.tableSize }) },
          precision: { table: o.table, result: o.result },
        },
      ],
      outputs: ['act'],
    };
    it = createInterpreter(model);
    if (cache.size > 64) cache.clear();
    cache.set(key, it);
  }
  return it;
}

/** Rows of `units` values through the table activation; undefined if they lie on no exact grid. */
export function tableActivation(values: Float32Array, units: number, o: TableActivationOptions): Float32Array | undefined {
  const t = exactTypeOf(values);
  if (!t) return undefined;
  const it = interpreterFor(o, formatType(t), units);
  return Float32Array.from(it.run(values, values.length / units).values[0]!);
}
