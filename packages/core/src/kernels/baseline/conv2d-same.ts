/**
 * Standard Conv2D of the baseline CNN: 'same' zero padding, stride 1, odd K, on a dense (h, w, c)
 * channels-last image; weights in Keras layout (kh, kw, cin, cout). For each output pixel and filter:
 * acc = bias (as hls4ml's latency conv and our Dense start), then acc += w * x over the taps kh, kw
 * ascending and channels ascending, padding taps included as zeros; then res = acc. The bit-exact
 * form reuses the MAC preparation of the sparse conv and dense kernels (mac-layer.ts): one cast per
 * step into the accumulator type, or a plain integer sum when that provably changes nothing.
 */
import { SparsePixelsError } from '../../errors';
import { checkInt, checkLength, whereOf } from '../kernel-checks';
import { bigToNumbers, chooseMacPath, exactArrays, prepareMac, stepBig, stepNumber, type MacPath, type MacConstants, type MacLayerConstants, type PreparedMac } from '../mac-layer';

export interface Conv2dSameGeometry {
  readonly h: number;
  readonly w: number;
  readonly cin: number;
  readonly cout: number;
  /** Kernel size K (odd, <= h and w). */
  readonly k: number;
  readonly name?: string;
}

/** Weights: k*k*cin*cout, Keras layout (kh, kw, cin, cout); bias: cout. */
export interface Conv2dSameParams extends Conv2dSameGeometry, MacConstants<ArrayLike<number>> {}

/** Weight raws in types.weight (Keras layout); bias raws in types.bias. */
export interface Conv2dSameFixedParams extends Conv2dSameGeometry, MacLayerConstants {}

export interface PreparedConv2dSame extends PreparedMac {
  readonly geometry: Conv2dSameGeometry;
  /** Reused buffers of the bigint entry point (inputs as numbers, accumulators). */
  readonly scratch: { readonly x: Float64Array; readonly acc: Float64Array };
}

function checkGeometry(
  g: Conv2dSameGeometry,
  weights: { length: number },
  bias: { length: number } | undefined,
): void {
  const where = whereOf(g.name);
  for (const [v, what] of [
    [g.h, 'Conv2D height'],
    [g.w, 'Conv2D width'],
    [g.cin, 'Conv2D input channels'],
    [g.cout, 'Conv2D filters'],
    [g.k, 'Conv2D kernel size K'],
  ] as const) {
    checkInt(v, 1, what, where);
  }
  if (g.k % 2 === 0)
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `Conv2D kernel size K = ${g.k} is even; K must be odd`,
      where,
    );
  if (g.k > g.h || g.k > g.w) {
    throw new SparsePixelsError(
      'SP_KERNEL_ARG',
      `Conv2D kernel size K = ${g.k} is larger than the ${g.h}x${g.w} grid; allowed K <= ${Math.min(g.h, g.w)}`,
      where,
    );
  }
  checkLength(
    weights,
    g.k * g.k * g.cin * g.cout,
    `Conv2D weights (${g.k}x${g.k}x${g.cin}x${g.cout})`,
    where,
  );
  if (bias !== undefined) checkLength(bias, g.cout, 'Conv2D bias', where);
}

function checkIo(x: { length: number }, g: Conv2dSameGeometry, out: { length: number } | undefined): void {
  const where = whereOf(g.name);
  checkLength(x, g.h * g.w * g.cin, `Conv2D input (${g.h}x${g.w}x${g.cin})`, where);
  if (out !== undefined) checkLength(out, g.h * g.w * g.cout, 'Conv2D output', where);
}

/**
 * Visits every tap of output pixel (y, x) in order: tap index t = kh*K + kw and the input pixel
 * index, or -1 for a padding tap.
 */
function forTaps(
  g: Conv2dSameGeometry,
  y: number,
  x: number,
  visit: (t: number, pixel: number) => void,
): void {
  const r = (g.k - 1) >> 1;
  for (let kh = 0; kh < g.k; kh++) {
    const iy = y + kh - r;
    for (let kw = 0; kw < g.k; kw++) {
      const ix = x + kw - r;
      const inside = iy >= 0 && iy < g.h && ix >= 0 && ix < g.w;
      visit(kh * g.k + kw, inside ? iy * g.w + ix : -1);
    }
  }
}

/** out = start + sum of w*x per output in float64 (floats, or integers whose sums are exact). */
function convSumsSame(
  x: ArrayLike<number>,
  weights: ArrayLike<number>,
  start: ArrayLike<number> | undefined,
  g: Conv2dSameGeometry,
  out: Float64Array,
): void {
  const { cin, cout } = g;
  for (let y = 0; y < g.h; y++) {
    for (let xx = 0; xx < g.w; xx++) {
      const o = (y * g.w + xx) * cout;
      for (let f = 0; f < cout; f++) out[o + f] = start === undefined ? 0 : (start[f] as number);
      forTaps(g, y, xx, (t, pixel) => {
        if (pixel < 0) return;
        for (let c = 0; c < cin; c++) {
          const v = x[pixel * cin + c] as number;
          if (v === 0) continue;
          const wb = (t * cin + c) * cout;
          for (let f = 0; f < cout; f++)
            out[o + f] = (out[o + f] as number) + (weights[wb + f] as number) * v;
        }
      });
    }
  }
}

/** Float form. */
export function conv2dSameFloat(x: ArrayLike<number>, p: Conv2dSameParams, out?: Float64Array): Float64Array {
  checkGeometry(p, p.weights, p.bias);
  checkIo(x, p, out);
  const res = out ?? new Float64Array(p.h * p.w * p.cout);
  convSumsSame(x, p.weights, p.bias, p, res);
  return res;
}

/** Checks and converts the constants once per layer and picks the MAC strategy. */
export function prepareConv2dSameFixed(p: Conv2dSameFixedParams): PreparedConv2dSame {
  checkGeometry(p, p.weights, p.bias);
  const geometry = { h: p.h, w: p.w, cin: p.cin, cout: p.cout, k: p.k, name: p.name };
  const mac = prepareMac(p.types, p.weights, p.bias, p.cout, 'Conv2D', whereOf(p.name), p.cin);
  const scratch = { x: new Float64Array(p.h * p.w * p.cin), acc: new Float64Array(p.h * p.w * p.cout) };
  return { ...mac, geometry, scratch };
}

/** Number raws in and out (declared types up to 53 bits); events that need it run on bigints inside. */
export function conv2dSameFixed(
  x: ArrayLike<number>,
  conv: PreparedConv2dSame,
  out?: Float64Array,
): Float64Array {
  const g = conv.geometry;
  checkIo(x, g, out);
  const res = out ?? new Float64Array(g.h * g.w * g.cout);
  const path = conv.numberTypes ? chooseMacPath(conv, x) : 'bigint';
  if (path === 'bigint') {
    if (!conv.numberTypes) conv.counts.bigint++;
    const big = conv2dSameFixedReference(Array.from(x, BigInt), conv);
    for (let o = 0; o < res.length; o++) res[o] = Number(big[o]);
    return res;
  }
  convAccSame(x, conv, path, res);
  for (let o = 0; o < res.length; o++) res[o] = conv.toResult(res[o] as number);
  return res;
}

/** Accumulator raws of every output on a number path. */
function convAccSame(
  x: ArrayLike<number>,
  conv: PreparedConv2dSame,
  path: Exclude<MacPath, 'bigint'>,
  res: Float64Array,
): void {
  if (path === 'exact') {
    const { weights, bias } = exactArrays(conv);
    convSumsSame(x, weights, bias, conv.geometry, res);
  } else {
    stepConvSame(x, conv, res);
  }
}

function stepConvSame(x: ArrayLike<number>, conv: PreparedConv2dSame, res: Float64Array): void {
  const g = conv.geometry;
  const { cin, cout } = g;
  const { stepWeights: w, stepBias } = conv.dynamic;
  const { term } = conv;
  const acc = conv.types.accum;
  for (let y = 0; y < g.h; y++) {
    for (let xx = 0; xx < g.w; xx++) {
      const o = (y * g.w + xx) * cout;
      for (let f = 0; f < cout; f++) res[o + f] = conv.biasToAcc(stepBias[f] as number);
      forTaps(g, y, xx, (t, pixel) => {
        for (let c = 0; c < cin; c++) {
          const v = pixel < 0 ? 0 : (x[pixel * cin + c] as number);
          const wb = (t * cin + c) * cout;
          for (let f = 0; f < cout; f++)
            res[o + f] = stepNumber(res[o + f] as number, (w[wb + f] as number) * v, term, acc);
        }
      });
    }
  }
}

/**
 * Bigint raws in and out (any declared width up to 64 bits). Events whose checks pass
 * (mac-dynamic.ts) run on numbers with the same bits; the others run the stepwise reference.
 */
export function conv2dSameFixedBig(x: ArrayLike<bigint>, conv: PreparedConv2dSame, out?: bigint[]): bigint[] {
  const g = conv.geometry;
  checkIo(x, g, out);
  const path = chooseMacPath(conv, bigToNumbers(x, conv.scratch.x));
  if (path === 'bigint') return conv2dSameFixedReference(x, conv, out);
  const acc = conv.scratch.acc;
  convAccSame(conv.scratch.x, conv, path, acc);
  const res = out ?? new Array<bigint>(acc.length);
  for (let o = 0; o < acc.length; o++) res[o] = conv.toResultBig(BigInt(acc[o] as number));
  return res;
}

/** The stepwise reference on bigints: every step cast, padding taps included. */
export function conv2dSameFixedReference(
  x: ArrayLike<bigint>,
  conv: PreparedConv2dSame,
  out?: bigint[],
): bigint[] {
  const g = conv.geometry;
  checkIo(x, g, out);
  const { cin, cout } = g;
  const res = out ?? new Array<bigint>(g.h * g.w * cout);
  const { weightsBig: w, term } = conv;
  const acc = conv.types.accum;
  for (let y = 0; y < g.h; y++) {
    for (let xx = 0; xx < g.w; xx++) {
      const o = (y * g.w + xx) * cout;
      for (let f = 0; f < cout; f++) res[o + f] = conv.biasToAccBig(conv.biasBig[f] as bigint);
      forTaps(g, y, xx, (t, pixel) => {
        for (let c = 0; c < cin; c++) {
          const v = pixel < 0 ? 0n : (x[pixel * cin + c] as bigint);
          const wb = (t * cin + c) * cout;
          for (let f = 0; f < cout; f++)
            res[o + f] = stepBig(res[o + f] as bigint, (w[wb + f] as bigint) * v, term, acc);
        }
      });
      for (let f = 0; f < cout; f++) res[o + f] = conv.toResultBig(res[o + f] as bigint);
    }
  }
  return res;
}
