import { apUint, formatType, SparsePixelsError, type FixedType } from '@sparsepixels/core';
import type { LayerIR, ModelIR, PreparedLayer, PreparedModel } from '@sparsepixels/ir';
import { constantView, type ConstantView } from './constant-view';
import { findEmitter, listEmitterOps } from './emitters';
import type { LayerContext, TensorVar } from './layer-emitter';
import { hashBits, layerView, outputVar, printParams } from './layer-view';
import { cIdentifier, checkProjectName } from './names';
import type { ToolProfile } from './tool-profile';

export interface TypedefView {
  readonly name: string;
  readonly cpp: string;
  readonly comment: string;
}

/** Everything the project templates need; built once per emission. */
export interface ProjectView {
  readonly project: string;
  readonly guard: string;
  readonly modelName: string;
  readonly input: TensorVar & { readonly cppType: string; readonly shapeText: string };
  readonly outputs: readonly (TensorVar & { readonly cpp: string; readonly print: string })[];
  readonly typedefs: readonly TypedefView[];
  readonly headers: readonly string[];
  readonly weights: readonly ConstantView[];
  readonly layers: readonly Record<string, unknown>[];
  readonly interfacePorts: string;
  /** Scalar input ports after the input array (e.g. the run-time InputReduce threshold). */
  readonly scalarInputs: readonly {
    readonly name: string;
    readonly type: string;
    readonly tbValue: string;
  }[];
}

const HASH_TYPE = 'sparse_hash_t';

/** Collects typedefs, constants, headers and tensor variables while the layers are visited in order. */
class ViewBuilder {
  readonly typedefs = new Map<string, TypedefView>();
  readonly weights: ConstantView[] = [];
  readonly headers = new Set<string>();
  readonly tensors = new Map<string, TensorVar>();
  readonly scalarInputs: { name: string; type: string; tbValue: string }[] = [];
  hashWidth = 1;

  constructor(
    private readonly prepared: PreparedModel,
    private readonly profile: ToolProfile,
  ) {}

  readonly typedef = (name: string, type: FixedType, comment: string): string => {
    const cpp = formatType(type);
    const old = this.typedefs.get(name);
    if (old && old.cpp !== cpp) {
      throw new SparsePixelsError('SP_HLS_TYPEDEF', `typedef ${name} declared twice (${old.cpp} and ${cpp})`);
    }
    if (!old) this.typedefs.set(name, { name, cpp, comment });
    return name;
  };

  /** The top function's input array, and the slot coordinate type if the model is sparse. */
  input() {
    const { name, type: fixed, tensor } = this.prepared.input;
    const view = {
      var: cIdentifier(name),
      type: this.typedef('input_t', fixed, `input ${name}`),
      fixed,
      size: tensor.size,
      shape: tensor.shape,
      cppType: formatType(fixed),
      shapeText: tensor.shape.join('x'),
    };
    this.tensors.set(name, view);
    const [h = 1, w = 1] = tensor.shape;
    this.hashWidth = hashBits(Math.max(h, w));
    if (this.prepared.layers.some((l) => l.op.sparse)) {
      this.typedef(HASH_TYPE, apUint(this.hashWidth), 'slot coordinates (1-based row, column)');
    }
    return view;
  }

  /** One layer: its emitter's view plus the common fields (index = position + 2, as hls4ml counts). */
  layer(p: PreparedLayer<LayerIR>): Record<string, unknown> {
    const { layer } = p;
    const index = p.index + 2;
    const emitter = findEmitter(layer.op);
    if (!emitter) {
      throw new SparsePixelsError(
        'SP_HLS_UNSUPPORTED',
        `op "${layer.op}" has no ${this.profile.name} emitter; supported: ${listEmitterOps().join(', ')}`,
        `layer "${layer.name}"`,
      );
    }
    emitter.headers.forEach((h) => this.headers.add(h));
    const input = this.tensors.get(layer.inputs[0] ?? '');
    if (!input) throw new SparsePixelsError('SP_HLS_GRAPH', `input "${layer.inputs[0]}" is unknown`, `layer "${layer.name}"`);
    const outputs = this.prepared.model.outputs;
    const outIndex = outputs.indexOf(layer.name);
    const output = outputVar(p, index, outIndex, outputs.length, this.typedef);
    this.tensors.set(layer.name, output);
    const ctx: LayerContext<LayerIR> = {
      layer,
      attrs: p.attrs,
      index,
      reuseFactor: reuseFactorOf(layer, this.prepared.model, emitter.reuse === true),
      build: this.prepared.model.build ?? {},
      topInput: (spec) => {
        const name = cIdentifier(spec.name);
        this.scalarInputs.push({ ...spec, name });
        return name;
      },
      input,
      output,
      precision: p.precision,
      hashType: HASH_TYPE,
      typedef: this.typedef,
      constant: (spec) => {
        this.weights.push(constantView(spec, `layer "${layer.name}"`));
        return spec.name;
      },
    };
    return layerView(ctx, emitter.view(ctx), outIndex >= 0, this.hashWidth);
  }
}

/**
 * The reuse factor of a layer: its own `build.reuseFactor`, else the model's. The model-wide value
 * applies to the ops whose kernels share multipliers (Dense, SparseConv2D); a layer's own value on
 * another op is refused. A strategy other than "latency" is refused (no resource-strategy kernels).
 */
function reuseFactorOf(layer: LayerIR, model: ModelIR, supported: boolean): number {
  const where = `layer "${layer.name}"`;
  const strategy = layer.build?.strategy ?? model.build?.strategy ?? 'latency';
  if (strategy !== 'latency') {
    throw new SparsePixelsError(
      'SP_HLS_UNSUPPORTED',
      `strategy "${strategy}" is not supported by the HLS backends (latency strategy only); share multipliers with reuseFactor`,
      layer.build?.strategy ? where : '/build/strategy',
    );
  }
  const own = layer.build?.reuseFactor;
  if (own !== undefined && own > 1 && !supported) {
    throw new SparsePixelsError(
      'SP_HLS_UNSUPPORTED',
      `reuseFactor ${own}: op ${layer.op} has no reuse-factor kernel (Dense and SparseConv2D have)`,
      where,
    );
  }
  return supported ? (own ?? model.build?.reuseFactor ?? 1) : 1;
}

/** Builds the template view of a prepared model (its parsed types and tensors, no re-parsing). */
export function buildProjectView(prepared: PreparedModel, profile: ToolProfile): ProjectView {
  const { model } = prepared;
  const project = checkProjectName(model.build?.project ?? 'myproject');
  const b = new ViewBuilder(prepared, profile);
  const input = b.input();
  const layers = prepared.layers.map((p) => b.layer(p));
  const outputs = model.outputs.map((name) => {
    const t = b.tensors.get(name)!;
    return { ...t, cpp: formatType(t.fixed), print: printParams(t.fixed) };
  });
  return {
    project,
    guard: project.toUpperCase(),
    modelName: model.name,
    input,
    outputs,
    typedefs: [...b.typedefs.values()],
    headers: [...b.headers].sort(),
    weights: b.weights,
    layers,
    interfacePorts: [input.var, ...b.scalarInputs.map((p) => p.name), ...outputs.map((o) => o.var)].join(','),
    scalarInputs: b.scalarInputs,
  };
}
