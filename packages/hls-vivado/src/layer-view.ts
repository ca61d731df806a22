import { fracBits, type FixedType } from '@sparsepixels/core';
import type { LayerIR, PreparedLayer } from '@sparsepixels/ir';
import type { LayerContext, TensorVar } from './layer-emitter';

/** Declares a typedef and returns its name (see LayerContext.typedef). */
export type DeclareTypedef = (name: string, type: FixedType, comment: string) => string;

/** Template parameters W, F, S of exact printing (sp_tb_io.h) for a type. */
export function printParams(t: FixedType): string {
  return `${t.width}, ${fracBits(t)}, ${t.signed}`;
}

/** Bits of an unsigned coordinate up to `max` (1-based): ceil(log2(max + 1)). */
export function hashBits(max: number): number {
  return Math.max(1, Math.ceil(Math.log2(max + 1)));
}

/**
 * The output array of a prepared layer: `layerN_out` of type `layerN_t` (`result_t`, or
 * `result<k>_t` when the model has several outputs, for a model output); sparse outputs also get
 * `layerN_hash`. Shape, size and type come from the PreparedModel.
 */
export function outputVar(p: PreparedLayer<LayerIR>, index: number, outIndex: number, nOutputs: number, typedef: DeclareTypedef): TensorVar {
  const out = p.output;
  const fixed = p.precision.result;
  const typeName = outIndex < 0 ? `layer${index}_t` : nOutputs === 1 ? 'result_t' : `result${outIndex}_t`;
  return {
    var: `layer${index}_out`,
    type: typedef(typeName, fixed, `${p.layer.name} result`),
    fixed,
    size: out.size,
    shape: out.shape,
    ...(out.kind === 'sparse' ? { nMax: out.nMax, hash: `layer${index}_hash` } : {}),
  };
}

/**
 * Template data of one layer: the fields every layer partial sees (index, names, config struct,
 * input/output variables), the local buffers the top function declares, the trace calls, and the
 * emitter's own fields.
 */
export function layerView(ctx: LayerContext<LayerIR>, fields: Record<string, unknown>, isOutput: boolean, hashWidth: number) {
  const { layer, index, input, output } = ctx;
  const hashOut = output.hash;
  const hashSize = 2 * (output.nMax ?? 0);
  const buffers = [
    ...(isOutput ? [] : [{ type: output.type, var: output.var, size: output.size }]),
    ...(hashOut ? [{ type: ctx.hashType, var: hashOut, size: hashSize }] : []),
  ];
  const trace = [
    { kind: 'out', var: output.var, size: output.size, print: printParams(output.fixed) },
    ...(hashOut ? [{ kind: 'hash', var: hashOut, size: hashSize, print: `${hashWidth}, 0, false` }] : []),
  ];
  return {
    index,
    idx: index,
    name: layer.name,
    op: layer.op,
    partial: `layer/${layer.op}`,
    config: `config${index}`,
    hashType: ctx.hashType,
    in: { var: input.var, type: input.type, hash: input.hash ?? '', size: input.size },
    out: { var: output.var, type: output.type, hash: hashOut ?? '', size: output.size },
    isOutput,
    buffers,
    trace,
    ...fields,
  };
}
