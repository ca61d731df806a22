import { DIAGNOSTICS } from '../diagnostics';
import type { ModelIR } from '../model';
import { findOp } from '../ops/registry';
import { didYouMean } from '../util/did-you-mean';
import type { Pass, PassContext } from './pass';

/** Every name must be unique: the input's and each layer's. */
function checkNames(model: ModelIR, ctx: PassContext): void {
  const first = new Map<string, string>([[model.input.name, '/input/name']]);
  model.layers.forEach((layer, i) => {
    const where = `/layers/${i}/name`;
    const prev = first.get(layer.name);
    if (prev !== undefined) ctx.report(DIAGNOSTICS.duplicateName.at(where, layer.name, prev));
    else first.set(layer.name, where);
  });
}

/** Inputs name the model input or an earlier layer (so the list is topologically ordered, acyclic). */
function checkInputs(model: ModelIR, ctx: PassContext): void {
  const all = [model.input.name, ...model.layers.map((l) => l.name)];
  const seen = new Set<string>([model.input.name]);
  model.layers.forEach((layer, i) => {
    const op = findOp(layer.op);
    const arity = op?.arity ?? 1;
    if (op && layer.inputs.length !== arity) {
      ctx.report(DIAGNOSTICS.inputCount.at(`/layers/${i}/inputs`, layer.name, layer.op, layer.inputs.length, String(arity)));
    }
    layer.inputs.forEach((ref, j) => {
      const where = `/layers/${i}/inputs/${j}`;
      if (seen.has(ref)) return;
      if (all.includes(ref)) ctx.report(DIAGNOSTICS.forwardReference.at(where, layer.name, ref));
      else ctx.report(DIAGNOSTICS.unknownInput.at(where, layer.name, ref, didYouMean(ref, [...seen])));
    });
    seen.add(layer.name);
  });
}

/** Outputs name existing tensors; layers that feed no output get a warning. */
function checkOutputs(model: ModelIR, ctx: PassContext): void {
  const names = [model.input.name, ...model.layers.map((l) => l.name)];
  let known = true;
  model.outputs.forEach((ref, i) => {
    if (names.includes(ref)) return;
    known = false;
    ctx.report(DIAGNOSTICS.unknownOutput.at(`/outputs/${i}`, ref, didYouMean(ref, names)));
  });
  if (!known) return; // every layer would look unused
  const live = new Set(model.outputs);
  for (let i = model.layers.length - 1; i >= 0; i--) {
    const layer = model.layers[i]!;
    if (!live.has(layer.name)) {
      ctx.report(DIAGNOSTICS.unusedLayer.at(`/layers/${i}`, layer.name));
      continue;
    }
    layer.inputs.forEach((r) => live.add(r));
  }
}

/** Names, references and order of the layer graph (docs/architecture.md#walk-ir: a DAG, in practice a chain). */
export const checkGraphPass: Pass = {
  name: 'check-graph',
  description: 'unique names; inputs reference the input or earlier layers; outputs exist',
  run(model, ctx) {
    checkNames(model, ctx);
    checkInputs(model, ctx);
    checkOutputs(model, ctx);
    return model;
  },
};
