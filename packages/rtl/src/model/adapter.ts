/**
 * The one place that reads a prepared IR model as a whole (build settings, the layer chain, the
 * outputs). Each layer's attrs, precisions and weights are read by its op's emitter (`describe` in
 * layers/<op>.ts, looked up through layers/registry.ts), so a new op is an emitter file and one
 * registration line, and a change of the IR's layer representation is an edit of those readers.
 */
import type { LayerIR, ModelIR, PreparedLayer, PreparedModel } from '@sparsepixels/ir';
import { describeLayer, type LayerDesc } from '../layers/registry';
import { modelFail, tensorOf, whereOf, type LayerBase, type TensorDesc } from './layer-base';

export type { LayerDesc } from '../layers/registry';
export type { LayerBase, MacDesc, TensorDesc } from './layer-base';

export interface ModelDesc {
  readonly name: string;
  /** build.project (the top module's name). */
  readonly project: string;
  readonly input: TensorDesc & { readonly name: string };
  readonly layers: readonly LayerDesc[];
  /** Layer index of each model output (-1 = the input). */
  readonly outputs: readonly number[];
  readonly outputNames: readonly string[];
  /** build.clockPeriod in ns. */
  readonly clockPeriod: number;
  readonly part: string;
  /** activity "mask": every sparse tensor carries a validity bit per slot (docs/semantics.md 5.1). */
  readonly mask: boolean;
}

/** The layer's description, from its op's emitter (layers/registry.ts), or a one-line refusal. */
function layerDesc(p: PreparedLayer<LayerIR>, base: LayerBase): LayerDesc {
  return (
    describeLayer(p, base) ??
    modelFail(`op ${p.layer.op} has no RTL implementation (the rtl backend emits the sparse path and the dense head)`, whereOf(base))
  );
}

/**
 * Build hints the RTL design cannot honour are refused, one line each (the HLS tool settings:
 * its pipeline is its own and fully parallel per beat, its threshold a constant).
 */
function checkBuild(model: ModelIR): void {
  const b = model.build ?? {};
  const refuse = (what: string, why: string) => modelFail(`/build/${what} is not supported by the rtl backend: ${why}`);
  if (b.ioType !== undefined && b.ioType !== 'io_parallel') refuse('ioType', `"${b.ioType}" (the design takes the whole input at once)`);
  if (b.reuseFactor !== undefined && b.reuseFactor !== 1) refuse('reuseFactor', `${b.reuseFactor} (the design schedules its own sharing: beats)`);
  if (b.strategy !== undefined && b.strategy !== 'latency') refuse('strategy', `"${b.strategy}"`);
  if (b.pipelineStyle !== undefined && b.pipelineStyle === 'pipeline') refuse('pipelineStyle', '"pipeline" (the design is one pipeline of layer modules)');
  if (b.clockUncertainty !== undefined) refuse('clockUncertainty', 'an HLS scheduling setting');
  if (b.thresholdInput === true) refuse('thresholdInput', 'the InputReduce threshold is a constant of the design');
  for (const l of model.layers) {
    if (l.build?.reuseFactor !== undefined && l.build.reuseFactor !== 1)
      modelFail(`build.reuseFactor ${l.build.reuseFactor} is not supported by the rtl backend`, `layer "${l.name}"`);
    if (l.build?.strategy !== undefined && l.build.strategy !== 'latency')
      modelFail(`build.strategy "${l.build.strategy}" is not supported by the rtl backend`, `layer "${l.name}"`);
  }
}

/** The typed description of a prepared model (prepareModel's output, read once). */
export function describeModel(prepared: PreparedModel): ModelDesc {
  const { model } = prepared;
  checkBuild(model);
  const input = { name: prepared.input.name, ...tensorOf(prepared.input.tensor, prepared.input.type) };
  const layers: LayerDesc[] = prepared.layers.map((p) => {
    const where = `layer "${p.layer.name}"`;
    if (p.inputIndex.length !== 1) modelFail(`has ${p.inputIndex.length} inputs; the rtl backend supports chains of one-input layers`, where);
    const source = p.inputIndex[0]!;
    const base: LayerBase = {
      index: p.index,
      name: p.layer.name,
      source,
      input: tensorOf(p.inputs[0]!, p.inputTypes[0]!),
      output: tensorOf(p.output, p.precision.result),
    };
    return layerDesc(p, base);
  });
  const build = model.build ?? {};
  return {
    name: model.name,
    project: build.project ?? 'myproject',
    input,
    layers,
    outputs: prepared.outputs.map((o) => o.index),
    outputNames: prepared.outputs.map((o) => o.name),
    clockPeriod: build.clockPeriod ?? 5,
    part: build.part ?? 'xcu250-figd2104-2L-e',
    mask: prepared.activity === 'mask',
  };
}
