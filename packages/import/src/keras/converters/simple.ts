import { importError } from '../../import-error';
import { irLayers } from '../../ir-build/ir-builder';
import { qkerasQuantizer, readQKerasSpec } from '../../quantizers/qkeras';
import type { GraphTensor, LayerConverter } from '../convert-context';
import { activationName, oneInput, poolGeometry, sparsePair } from '../layer-checks';
import { hgqDatalaneType } from '../weight-quantizers';

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

function kindOf(x: GraphTensor): 'dense' | 'sparse' {
  if (x.kind === 'mask') throw new Error('mask');
  return x.kind;
}

/** Activation (relu, sigmoid, softmax, linear) on dense or sparse tensors. */
export const activationConverter: LayerConverter = {
  classNames: ['Activation', 'ReLU', 'Softmax'],
  convert(ctx) {
    const x = oneInput(ctx, ['dense', 'sparse']);
    const cls = ctx.layer.className;
    const act = cls === 'ReLU' ? 'relu' : cls === 'Softmax' ? 'softmax' : activationName(ctx.layer.config['activation'], ctx.where);
    if (cls === 'ReLU' && Object.entries(ctx.layer.config).some(([k, v]) => ['max_value', 'negative_slope', 'threshold'].includes(k) && v !== null && v !== 0))
      throw importError(ctx.where, 'ReLU with max_value, negative_slope or threshold is not supported');
    // an explicit Activation('linear') layer stays a (no-op) linear layer, so the IR keeps the model's layers
    const linear = cls === 'Activation' && ctx.layer.config['activation'] === 'linear';
    if (!act && !linear) return [x];
    return [ctx.emit(irLayers.activation(x.kind === 'sparse', ctx.name(), x.ir, act ?? 'linear', undefined, ctx.options.tableSize), kindOf(x), x.shape, x.maskId)];
  },
};

/**
 * QKeras QActivation: quantized_relu(B, I) = relu with result ap_ufixed<B, I, AP_RND_CONV, AP_SAT>;
 * quantized_bits(B, I) = a cast (the model input's type when it follows the input); plain names as Activation.
 */
export const qActivationConverter: LayerConverter = {
  classNames: ['QActivation'],
  convert(ctx) {
    const x = oneInput(ctx, ['dense', 'sparse']);
    const raw = ctx.layer.config['activation'];
    const spec = readQKerasSpec(raw, ctx.where);
    if (!spec) return [x];
    if (spec.name === 'quantized_bits') {
      const q = qkerasQuantizer(raw, 'activation', ctx.where)!;
      return [ctx.quantizeTensor(x, q.type!, q.text)];
    }
    if (spec.name === 'quantized_relu') {
      const q = qkerasQuantizer(raw, 'activation', ctx.where)!;
      return [ctx.emit(irLayers.activation(x.kind === 'sparse', ctx.name(), x.ir, 'relu', q.type), kindOf(x), x.shape, x.maskId)];
    }
    const act = activationName(spec.name, ctx.where);
    if (!act) return [x];
    return [ctx.emit(irLayers.activation(x.kind === 'sparse', ctx.name(), x.ir, act, undefined, ctx.options.tableSize), kindOf(x), x.shape, x.maskId)];
  },
};

/** HGQ2's standalone Quantizer layer: a cast of its input (the input type when it follows the input). */
export const hgqQuantizerConverter: LayerConverter = {
  classNames: ['Quantizer'],
  convert(ctx) {
    const x = oneInput(ctx, ['dense', 'sparse']);
    const t = hgqDatalaneType(ctx.vars(), 'quantizer', ctx.layer.config['config'], size(x.shape), ctx.where);
    return [ctx.quantizeTensor(x, t, 'HGQ2 Quantizer')];
  },
};

/** AveragePooling2D / MaxPooling2D on a dense image (max pooling only exists sparse in the IR: see sparsify). */
export const poolConverter: LayerConverter = {
  classNames: ['AveragePooling2D', 'MaxPooling2D'],
  convert(ctx) {
    const x = oneInput(ctx, ['dense', 'sparse'], 3);
    const p = poolGeometry(ctx.layer.config, ctx.where);
    if (x.kind === 'sparse') throw importError(ctx.where, 'a standard pooling reads sparse features; use AveragePooling2DSparse/MaxPooling2DSparse there');
    const mode = ctx.layer.className === 'MaxPooling2D' ? 'max' : 'avg';
    const shape = [Math.floor(x.shape[0]! / p), Math.floor(x.shape[1]! / p), x.shape[2]!];
    return [ctx.emit(irLayers.pool(false, ctx.name(), x.ir, p, mode), 'dense', shape)];
  },
};

/** AveragePooling2DSparse / MaxPooling2DSparse: [x, mask] -> [pooled x, pooled mask]. */
export const sparsePoolConverter: LayerConverter = {
  classNames: ['AveragePooling2DSparse', 'MaxPooling2DSparse'],
  convert(ctx) {
    const x = sparsePair(ctx);
    const inner = ctx.layer.config['pool_config'];
    const cfg = (inner && typeof inner === 'object' ? ((inner as { config?: object }).config ?? inner) : {}) as Record<string, unknown>;
    const p = poolGeometry(cfg, ctx.where);
    const mode = ctx.layer.className === 'MaxPooling2DSparse' ? 'max' : 'avg';
    const shape = [Math.floor(x.shape[0]! / p), Math.floor(x.shape[1]! / p), x.shape[2]!];
    const y = ctx.emit(irLayers.pool(true, ctx.name(), x.ir, p, mode), 'sparse', shape, `${ctx.layer.name}:mask`);
    return [y, { kind: 'mask', ir: y.ir, shape: [shape[0]!, shape[1]!, 1], maskId: y.maskId! }];
  },
};

/** Flatten: dense -> Flatten, sparse -> SparseFlatten. */
export const flattenConverter: LayerConverter = {
  classNames: ['Flatten'],
  convert(ctx) {
    const x = oneInput(ctx, ['dense', 'sparse']);
    return [ctx.emit(irLayers.flatten(x.kind === 'sparse', ctx.name(), x.ir), 'dense', [size(x.shape)])];
  },
};

/** Layers that are the identity at inference (Dropout) or on masked features (RemoveDilatedPixels). */
export const identityConverter: LayerConverter = {
  classNames: ['Dropout', 'SpatialDropout2D', 'GaussianNoise', 'RemoveDilatedPixels'],
  convert(ctx) {
    if (ctx.layer.className === 'RemoveDilatedPixels') return [sparsePair(ctx)];
    return [oneInput(ctx, ['dense', 'sparse'])];
  },
};
