/**
 * Dense 'same' convolution, stride 1, odd K, on [B, H, W, Cin] (the standard CNN baseline),
 * differentiable. Sparse images make most inputs zero, so the forward pass and the kernel gradient
 * scatter from the non-zero input pixels only (cost nnz * K*K * Cout instead of H*W*K*K*Cin*Cout),
 * into zero-padded float64 planes without bounds checks; the input gradient is a dense correlation
 * of the padded output gradient with the flipped kernel, skipped when the caller needs none (the
 * first conv of a model). The stock pure-JS tfjs conv2d is ~50x slower here. acc = bias + sum of
 * taps, exact in float64; the output stage (relu, quantizer) sees that exact value.
 */
import type * as tf from '@tensorflow/tfjs';
import { jsOp } from './js-op';
import type { OutputStage } from './output-stage';

export interface ConvGeometry {
  readonly batch: number;
  readonly h: number;
  readonly w: number;
  readonly cin: number;
  readonly cout: number;
  readonly k: number;
  /** False when nothing upstream is trainable: the input gradient is returned as zeros. */
  readonly inputGrad?: boolean;
}

/** Planes padded by 2R on each side, so scatters and correlations need no bounds checks. */
interface Pads {
  /** Padded width and plane size. */
  readonly wp: number;
  readonly plane: number;
  readonly r: number;
}

function padsOf(g: ConvGeometry): Pads {
  const r = (g.k - 1) / 2;
  const wp = g.w + 4 * r;
  return { wp, plane: (g.h + 4 * r) * wp, r };
}

/** Index of pixel (y, x) in a 2R-padded plane. */
function at(p: Pads, y: number, x: number): number {
  return (y + 2 * p.r) * p.wp + x + 2 * p.r;
}

/** Kernel as [f][c][tap] for contiguous tap loops. */
function transposeKernel(wv: Float32Array, g: ConvGeometry): Float64Array {
  const kk = g.k * g.k;
  const t = new Float64Array(wv.length);
  for (let tap = 0; tap < kk; tap++) for (let c = 0; c < g.cin; c++) for (let f = 0; f < g.cout; f++) t[(f * g.cin + c) * kk + tap] = wv[(tap * g.cin + c) * g.cout + f]!;
  return t;
}

/** For every non-zero input (y, x, c) of event b: visit(v, base, c) with base = at(y, x). */
function forNonZero(xv: Float32Array, b: number, g: ConvGeometry, p: Pads, visit: (v: number, base: number, c: number) => void): void {
  const off = b * g.h * g.w * g.cin;
  for (let y = 0; y < g.h; y++) {
    for (let x = 0; x < g.w; x++) {
      for (let c = 0; c < g.cin; c++) {
        const v = xv[off + (y * g.w + x) * g.cin + c]!;
        if (v !== 0) visit(v, at(p, y, x), c);
      }
    }
  }
}

export function conv2dSameOp(x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor | undefined, g: ConvGeometry, stage: OutputStage): tf.Tensor {
  const inputs = bias ? [x, kernel, bias] : [x, kernel];
  const { batch, h, w, cin, cout, k } = g;
  const hw = h * w;
  const kk = k * k;
  const p = padsOf(g);
  return jsOp(inputs, ([xv, wv, bv]) => {
    const out = new Float32Array(batch * hw * cout);
    const gradMask = stage.identity ? undefined : new Float32Array(batch * hw * cout);
    const wt = transposeKernel(wv!, g);
    const acc = new Float64Array(cout * p.plane);
    for (let b = 0; b < batch; b++) {
      acc.fill(0);
      // output (oy, ox) receives w[kh][kw] * x[oy + kh - R][ox + kw - R]: scatter from each input
      forNonZero(xv!, b, g, p, (v, base, c) => {
        for (let f = 0; f < cout; f++) {
          const w0 = (f * cin + c) * kk;
          const a0 = f * p.plane + base + p.r * p.wp + p.r;
          for (let kh = 0; kh < k; kh++) {
            const row = a0 - kh * p.wp;
            for (let kw = 0; kw < k; kw++) acc[row - kw]! += wt[w0 + kh * k + kw]! * v;
          }
        }
      });
      const o0 = b * hw * cout;
      for (let y = 0; y < h; y++) {
        for (let xx = 0; xx < w; xx++) {
          for (let f = 0; f < cout; f++) {
            const v = (bv ? bv[f]! : 0) + acc[f * p.plane + at(p, y, xx)]!;
            const o = o0 + (y * w + xx) * cout + f;
            out[o] = stage.apply(v);
            if (gradMask) gradMask[o] = stage.grad(v);
          }
        }
      }
    }
    return {
      values: out,
      shape: [batch, h, w, cout],
      backward: (dyv) => backward(g, xv!, wv!, dyv, gradMask, bv !== undefined),
    };
  });
}

/** out[y][x] += sum over kh, kw of taps[kh*K + kw] * pad(y + kh - R, x + kw - R), pad a padded plane. */
function correlate(out: Float64Array, o0: number, pad: Float64Array, p0: number, taps: Float64Array, g: ConvGeometry, p: Pads): void {
  const { h, w, k } = g;
  for (let y = 0; y < h; y++) {
    const o = o0 + y * w;
    for (let kh = 0; kh < k; kh++) {
      // rows y + kh - R of the gradient, which sits at offset R inside the 2R padding
      const row = p0 + (y + kh + p.r) * p.wp + p.r;
      const t0 = kh * k;
      for (let x = 0; x < w; x++) {
        let s = 0;
        for (let kw = 0; kw < k; kw++) s += taps[t0 + kw]! * pad[row + x + kw]!;
        out[o + x]! += s;
      }
    }
  }
}

function backward(g: ConvGeometry, xv: Float32Array, wv: Float32Array, dyv: Float32Array, mask: Float32Array | undefined, hasBias: boolean): Float32Array[] {
  const { batch, h, w, cin, cout, k } = g;
  const hw = h * w;
  const kk = k * k;
  const p = padsOf(g);
  const dwt = new Float64Array(wv.length); // [f][c][tap]
  const db = new Float64Array(cout);
  const dx = new Float32Array(xv.length);
  const gPad = new Float64Array(cout * p.plane);
  const dxP = new Float64Array(cin * hw);
  const flipped = new Float64Array(kk);
  for (let b = 0; b < batch; b++) {
    const o0 = b * hw * cout;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        for (let f = 0; f < cout; f++) {
          const o = o0 + (y * w + x) * cout + f;
          const v = mask ? dyv[o]! * mask[o]! : dyv[o]!;
          gPad[f * p.plane + at(p, y, x)] = v;
          db[f]! += v;
        }
      }
    }
    // dW[kh][kw][c][f] = sum over inputs x[y][x][c] * g[y - kh + R][x - kw + R][f]
    forNonZero(xv, b, g, p, (v, base, c) => {
      for (let f = 0; f < cout; f++) {
        const w0 = (f * cin + c) * kk;
        const g0 = f * p.plane + base + p.r * p.wp + p.r;
        for (let kh = 0; kh < k; kh++) {
          const row = g0 - kh * p.wp;
          for (let kw = 0; kw < k; kw++) dwt[w0 + kh * k + kw]! += v * gPad[row - kw]!;
        }
      }
    });
    if (g.inputGrad === false) continue;
    // dx[y][x][c] = sum over taps, f of w[kh][kw][c][f] * g[y - kh + R][x - kw + R][f]
    dxP.fill(0);
    for (let c = 0; c < cin; c++) {
      for (let f = 0; f < cout; f++) {
        for (let t = 0; t < kk; t++) flipped[kk - 1 - t] = wv[(t * cin + c) * cout + f]!;
        correlate(dxP, c * hw, gPad, f * p.plane, flipped, g, p);
      }
    }
    for (let q = 0; q < hw; q++) for (let c = 0; c < cin; c++) dx[b * hw * cin + q * cin + c] = dxP[c * hw + q]!;
  }
  const dw = new Float32Array(wv.length);
  for (let tap = 0; tap < kk; tap++) for (let c = 0; c < cin; c++) for (let f = 0; f < cout; f++) dw[(tap * cin + c) * cout + f] = dwt[(f * cin + c) * kk + tap]!;
  const grads = [dx, dw];
  if (hasBias) grads.push(Float32Array.from(db));
  return grads;
}
