import type { FixedType } from '@sparsepixels/core';
import { importError } from '../../import-error';
import { irLayers, type MacLayerSpec } from '../../ir-build/ir-builder';
import type { ConvertContext, GraphTensor, LayerConverter } from '../convert-context';
import { activationName, convGeometry, expectValue, oneInput, sparsePair } from '../layer-checks';
import { findVar, type LayerVars } from '../layer-weights';
import { floatWeights, hgqDatalaneType, hgqWeights, isHgqConfig, qkerasWeights, type FloatWeightTypes } from '../weight-quantizers';

type Cfg = Readonly<Record<string, unknown>>;

/** hls4ml-config weight types for unquantized layers; set by importModel before conversion. */
export const floatTypes: { current: FloatWeightTypes } = { current: () => undefined };

interface MacWeights {
  readonly kernel: MacLayerSpec['kernel'];
  readonly weightType: MacLayerSpec['weightType'];
  readonly bias?: MacLayerSpec['bias'];
  readonly biasType?: MacLayerSpec['biasType'];
}

/**
 * Kernel and bias of a conv/dense layer, quantized as the layer's quantizers do. `quantCfg` holds
 * the quantizer keys (the layer's config, or the inner conv's for QConv2DSparse); `biasCfg` the bias
 * quantizer's place (QConv2DSparse keeps its own); `vars` the stored variables.
 */
function macWeights(ctx: ConvertContext, vars: LayerVars, kernelShape: number[], units: number, o: { quantCfg: Cfg; biasQuantizer: unknown; hgqBias: unknown; useBias: boolean }): MacWeights {
  const kernelVar = findVar(vars, kernelShape, 'kernel');
  if (!kernelVar) throw importError(ctx.where, `no stored kernel of shape [${kernelShape.join(', ')}] in the weights file`);
  const biasVar = o.useBias ? findVar(vars, [units], 'bias', kernelVar) : undefined;
  if (o.useBias && !biasVar) throw importError(ctx.where, `no stored bias of shape [${units}] in the weights file`);
  const hgq = isHgqConfig(o.quantCfg);
  const name = ctx.layer.name;
  const ft = floatTypes.current;
  const kernel = hgq
    ? hgqWeights(vars, 'kq', o.quantCfg['kq_conf'], kernelVar.array.values, ctx.where)
    : qkerasWeights(o.quantCfg['kernel_quantizer'], kernelVar.array.values, name, 'weight', ft, ctx.where);
  const out: MacWeights = { kernel: { shape: kernelShape, values: kernel.values }, weightType: kernel.type };
  if (!biasVar) return out;
  const bias = hgq
    ? hgqWeights(vars, 'bq', o.hgqBias, biasVar.array.values, ctx.where)
    : o.biasQuantizer === undefined
      ? floatWeights(biasVar.array.values, name, 'bias', ft, ctx.where)
      : qkerasWeights(o.biasQuantizer, biasVar.array.values, name, 'bias', ft, ctx.where);
  return { ...out, bias: { shape: [units], values: bias.values }, biasType: bias.type };
}

/** HGQ2 input quantizer: casts the layer's input. */
function applyIq(ctx: ConvertContext, cfg: Cfg, x: GraphTensor, vars: LayerVars): GraphTensor {
  if (!isHgqConfig(cfg) || cfg['enable_iq'] !== true) return x;
  const count = x.shape.reduce((a, b) => a * b, 1);
  return ctx.quantizeTensor(x, hgqDatalaneType(vars, 'iq', cfg['iq_conf'], count, ctx.where), 'input quantizer');
}

/** A fused activation, then an HGQ2 output quantizer, after the MAC layer. */
function after(ctx: ConvertContext, y: GraphTensor, act: string | undefined, cfg: Cfg, vars: LayerVars): GraphTensor {
  let out = y;
  if (act) {
    const sparse = y.kind === 'sparse';
    out = ctx.emit(irLayers.activation(sparse, ctx.name(act), y.ir, act, undefined, ctx.options.tableSize), y.kind as 'dense' | 'sparse', y.shape, y.maskId);
  }
  if (isHgqConfig(cfg) && cfg['enable_oq'] === true) {
    const count = out.shape.reduce((a, b) => a * b, 1);
    const t: FixedType = hgqDatalaneType(vars, 'oq', cfg['oq_conf'], count, ctx.where);
    out = ctx.quantizeTensor(out, t, 'output quantizer');
  }
  return out;
}

function conv(ctx: ConvertContext, x: GraphTensor, cfg: Cfg, sparse: boolean, bias: { use: boolean; quantizer: unknown; hgq: unknown }, act: string | undefined): GraphTensor {
  const { kernelSize, filters } = convGeometry(cfg, ctx.where);
  const vars = ctx.vars();
  const xin = applyIq(ctx, cfg, x, vars);
  const cin = xin.shape[2] ?? 0;
  const w = macWeights(ctx, vars, [kernelSize, kernelSize, cin, filters], filters, { quantCfg: cfg, biasQuantizer: bias.quantizer, hgqBias: bias.hgq, useBias: bias.use });
  const l = irLayers.conv(sparse, { name: ctx.name(), input: xin.ir, filters, kernelSize, ...w });
  const y = ctx.emit(l, sparse ? 'sparse' : 'dense', [xin.shape[0]!, xin.shape[1]!, filters], x.maskId);
  return after(ctx, y, act, cfg, vars);
}

/** Conv2D, QConv2D (QKeras or HGQ2): a standard 'same' convolution on a dense image. */
export const convConverter: LayerConverter = {
  classNames: ['Conv2D', 'QConv2D'],
  convert(ctx) {
    const cfg = ctx.layer.config;
    const x = ctx.inputs[0];
    if (x?.kind === 'sparse')
      throw importError(ctx.where, 'a standard convolution reads sparse features (after InputReduce); use QConv2DSparse there');
    const xin = oneInput(ctx, ['dense'], 3);
    const use = cfg['use_bias'] !== false;
    return [conv(ctx, xin, cfg, false, { use, quantizer: cfg['bias_quantizer'] ?? null, hgq: cfg['bq_conf'] }, activationName(cfg['activation'], ctx.where))];
  },
};

/**
 * QConv2DSparse (sparsepixels): QKeras era = {conv_config, bias_quantizer}; HGQ2 era =
 * {conv_config, use_bias, bq_conf, activation}. The bias sits on the wrapper and is added only where
 * the conv sum is non-zero, as the IR's SparseConv2D does.
 */
export const sparseConvConverter: LayerConverter = {
  classNames: ['QConv2DSparse'],
  convert(ctx) {
    const cfg = ctx.layer.config;
    const inner = cfg['conv_config'];
    if (!inner || typeof inner !== 'object') throw importError(ctx.where, 'conv_config is missing');
    const convCfg = ((inner as { config?: Cfg }).config ?? inner) as Cfg;
    const x = sparsePair(ctx);
    const hgq = isHgqConfig(convCfg);
    // the QKeras-era wrapper always has its bias; `use_bias: false` (HGQ2 era, and our exporter) drops it
    const use = cfg['use_bias'] !== false;
    if (!hgq) expectValue(convCfg, 'use_bias', [false, undefined], ctx.where, 'the inner conv carries no bias; the wrapper does');
    const act = activationName(hgq ? cfg['activation'] : convCfg['activation'], ctx.where);
    return [conv(ctx, x, convCfg, true, { use, quantizer: cfg['bias_quantizer'] ?? null, hgq: cfg['bq_conf'] }, act)];
  },
};

/** Dense, QDense (QKeras or HGQ2) on a vector. */
export const denseConverter: LayerConverter = {
  classNames: ['Dense', 'QDense'],
  convert(ctx) {
    const cfg = ctx.layer.config;
    const x = oneInput(ctx, ['dense'], 1);
    const units = cfg['units'];
    if (!Number.isInteger(units)) throw importError(ctx.where, 'units is missing');
    const vars = ctx.vars();
    const xin = applyIq(ctx, cfg, x, vars);
    const use = cfg['use_bias'] !== false;
    const w = macWeights(ctx, vars, [xin.shape[0]!, units as number], units as number, { quantCfg: cfg, biasQuantizer: cfg['bias_quantizer'] ?? null, hgqBias: cfg['bq_conf'], useBias: use });
    const y = ctx.emit(irLayers.dense({ name: ctx.name(), input: xin.ir, units: units as number, ...w }), 'dense', [units as number]);
    return [after(ctx, y, activationName(cfg['activation'], ctx.where), cfg, vars)];
  },
};

