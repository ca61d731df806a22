import { fracBits, SparsePixelsError, type FixedType } from '@sparsepixels/core';
import { exactDecimalToRaw } from './exact-decimal';

/** One output array of the top function: its element count and type. */
export interface OutputSpec {
  readonly name: string;
  readonly size: number;
  readonly type: FixedType;
}

/**
 * Parses a results file (one event per line; all outputs' values concatenated, exact decimals)
 * into raws: result[event][output][k].
 */
export function parseResults(text: string, outputs: readonly OutputSpec[], file: string): bigint[][][] {
  const total = outputs.reduce((a, o) => a + o.size, 0);
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, e) => {
    const tokens = line.trim().split(/\s+/);
    if (tokens.length !== total) {
      throw new SparsePixelsError(
        'SP_CSIM_VALUE',
        `line has ${tokens.length} values, expected ${total}`,
        `${file}:${e + 1}`,
      );
    }
    let k = 0;
    return outputs.map((o) => {
      const frac = fracBits(o.type);
      const raws: bigint[] = [];
      for (let i = 0; i < o.size; i++) raws.push(exactDecimalToRaw(tokens[k++]!, frac, `${file}:${e + 1}`));
      return raws;
    });
  });
}

/** One traced array: event index, layer name, kind ("out" or "hash") and its decimal values. */
export interface TraceLine {
  readonly event: number;
  readonly layer: string;
  readonly kind: string;
  readonly values: readonly string[];
}

/** Parses a trace file written by sp_trace.h (`<event> <layer> <kind> <values...>`). */
export function parseTrace(text: string): TraceLine[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [event, layer, kind, ...values] = line.trim().split(/\s+/);
      return { event: Number(event), layer: layer ?? '', kind: kind ?? '', values };
    });
}
