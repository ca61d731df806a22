/**
 * The standard (dense) baseline CNN: Conv2D, AveragePooling2D and Flatten on whole images. One
 * output pixel per cycle. With io_stream (the published standard CNNs, hls4ml line buffers) a
 * 'same' conv streams its zero-padded image: (H+K-1)*(W+K-1) cycles, II per image
 * (H+K-1)*(W+K+3) (the published standard models' II is the padding stage's latency + 1). With
 * io_parallel (our kernels) each conv reads a fully partitioned image at run-time indices.
 */
import { law } from '../coefficients';
import type { LayerFacts } from '../ir-adapter';
import { CONV_FF, CONV_LUT } from '../laws/specs';
import { trivial } from './pruned-weights';
import { reuseCost } from './reuse';
import { channels, elements, whole, type LayerCost, type OpContext, type OpEstimator } from './op-estimator';

function conv(layer: LayerFacts, ctx: OpContext): LayerCost {
  const [h = 1, w = 1] = layer.input.shape;
  const c = channels(layer.input.shape);
  const f = layer.filters ?? 1;
  const k = layer.kernelSize ?? 3;
  const bits = layer.input.type.width;
  const wbits = layer.weightType?.width ?? bits;
  const accBits = (layer.accum ?? layer.output.type).width;
  // ours: one product per non-zero weight (sp_conv2d.h); the reference: every weight
  const nonZero = layer.kernel?.length ? layer.kernel.filter((x) => x !== 0).length : k * k * c * f;
  const products = ctx.kernels === 'ours' ? nonZero : k * k * c * f;
  // one output pixel's products, priced as one "slot pair" of the sparse law with K*K*C channels
  const p = {
    n: 1,
    c: k * k * c,
    f,
    k,
    bits,
    wbits,
    accBits,
    products,
    // constant weights: products stay in LUTs up to 10 bits, above that one DSP each (ours: none
    // for a weight +-2^k, a shift)
    dsp: Math.min(bits, wbits) <= 10 ? 0 : ctx.kernels === 'ours' && layer.kernel?.length ? layer.kernel.filter((x) => !trivial(x)).length : products,
  };
  let lut = law(ctx.coef, CONV_LUT, p);
  let ff = law(ctx.coef, CONV_FF, p);
  const stream = ctx.kernels === 'reference'; // hls4ml io_stream line buffers; ours reads whole tensors
  const notes: string[] = [];
  let latency: number;
  let ii: number;
  let bram = 0;
  if (stream) {
    latency = (h + k - 1) * (w + k - 1) + 7;
    ii = (h + k - 1) * (w + k + 3);
    const lineBits = (k - 1) * (w + k - 1) * c * bits;
    bram = lineBits > 4096 ? Math.ceil(lineBits / (18 * 1024)) * (k - 1) : 0;
    lut += bram ? 0 : lineBits / 32;
    ff += k * k * c * bits;
    notes.push('hls4ml io_stream: line buffers over the zero-padded image, one output pixel per cycle');
  } else {
    latency = h * w + 8;
    ii = h * w;
    const readMux = (k * k * c * bits * h * w) / 3;
    lut += readMux;
    notes.push(
      `io_parallel: ${k * k * c} run-time reads of a fully partitioned ${h}x${w}x${c} image (~${Math.round(readMux)} LUT of multiplexers); io_stream avoids them`,
    );
  }
  return whole(
    reuseCost(
      { latencyCycles: latency, ii, lut, ff, dsp: p.dsp, bram18: bram, notes },
      ctx,
      products,
      bits + wbits,
      notes,
    ),
  );
}

function pool(layer: LayerFacts, ctx: OpContext): LayerCost {
  const [h = 1, w = 1] = layer.input.shape;
  const c = channels(layer.input.shape);
  const pSize = layer.poolSize ?? 2;
  const bits = layer.input.type.width;
  const stream = ctx.kernels === 'reference';
  const outPixels = Math.floor(h / pSize) * Math.floor(w / pSize);
  // streamed: the window's last row arrives (P - 1) rows after its first; io_parallel: one output per cycle
  const latency = stream ? (pSize - 1) * w + pSize : outPixels + 4;
  const ii = stream ? h * w : outPixels;
  const lut =
    c * bits * pSize * pSize * 2 +
    (stream ? ((pSize - 1) * w * c * bits) / 32 : (pSize * pSize * c * bits * h * w) / 3);
  const isPow2 = (pSize & (pSize - 1)) === 0;
  return whole({
    latencyCycles: latency,
    ii,
    lut,
    ff: c * bits * pSize * pSize,
    dsp: isPow2 ? 0 : c,
    bram18: 0,
    notes: [],
  });
}

function flatten(layer: LayerFacts): LayerCost {
  return {
    latencyCycles: 0,
    ii: 1,
    lut: 0,
    ff: 0,
    dsp: 0,
    bram18: 0,
    notes: [`${elements(layer.input.shape)} values renamed (wires)`],
  };
}

export const conv2dEstimator: OpEstimator<'Conv2D'> = { op: 'Conv2D', facts: (a) => ({ filters: a.filters, kernelSize: a.kernelSize }), estimate: conv };
export const averagePooling2dEstimator: OpEstimator<'AveragePooling2D'> = { op: 'AveragePooling2D', facts: (a) => ({ poolSize: a.poolSize }), estimate: pool };
export const flattenEstimator: OpEstimator<'Flatten'> = { op: 'Flatten', estimate: flatten };
