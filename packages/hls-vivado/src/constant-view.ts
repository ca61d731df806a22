import {
  formatType,
  fromRaw,
  quantizeNumberBig,
  SparsePixelsError,
  toNumber,
  type FixedType,
} from '@sparsepixels/core';
import { cppLiteral } from './cpp-literal';
import type { ConstantSpec } from './layer-emitter';

/** Template data of one `weights/<name>.h` file. */
export interface ConstantView {
  readonly var: string;
  readonly guard: string;
  readonly type: string;
  readonly size: number;
  readonly comment: string;
  /** Initializer lines (comma-separated literals, wrapped). */
  readonly lines: readonly string[];
}

const LINE_WIDTH = 100;

/** Turns a constant array into exact C++ literals, checking every value lies on the type's grid. */
export function constantView(spec: ConstantSpec, where: string): ConstantView {
  const literals: string[] = [];
  if (spec.raws) {
    for (let k = 0; k < spec.raws.length; k++)
      literals.push(cppLiteral(BigInt(spec.raws[k]!), spec.type, where));
  } else {
    const values = spec.values ?? [];
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!;
      const raw = quantizeNumberBig(v, spec.type);
      if (!onGrid(v, raw, spec.type)) {
        throw new SparsePixelsError(
          'SP_HLS_CONSTANT',
          `${spec.name}[${k}] = ${v} is not exactly representable in ${formatType(spec.type)}`,
          where,
        );
      }
      literals.push(cppLiteral(raw, spec.type, where));
    }
  }
  return {
    var: spec.name,
    guard: spec.name.toUpperCase(),
    type: spec.typeName,
    size: literals.length,
    comment: `${spec.comment}; type ${formatType(spec.type)}`,
    lines: wrap(literals),
  };
}

/** The quantized raw is exactly v (values of JSON weights are doubles; cppLiteral refuses > 53 bits). */
function onGrid(v: number, raw: bigint, t: FixedType): boolean {
  return toNumber(fromRaw(raw, t)) === v;
}

function wrap(literals: readonly string[]): string[] {
  const lines: string[] = [];
  let line = '';
  literals.forEach((lit, k) => {
    const item = k < literals.length - 1 ? `${lit},` : lit;
    if (line && line.length + 1 + item.length > LINE_WIDTH) {
      lines.push(line);
      line = item;
    } else line = line ? `${line} ${item}` : item;
  });
  if (line) lines.push(line);
  return lines;
}
