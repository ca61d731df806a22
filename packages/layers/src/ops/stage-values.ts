/**
 * An output stage (relu and/or quantizer) on a whole float32 array, and its straight-through
 * gradient: shared by the element-wise stage op and by ops that quantize their weight inputs
 * themselves (saving a separate tf op per weight tensor).
 */
import { nonZeroIndices, recordSupport } from './non-zero-scan';
import type { OutputStage } from './output-stage';

/** stage.apply on every value; zeros are skipped when the stage maps 0 to 0 (sparse images). */
export function applyStage(v: Float32Array, stage: OutputStage): Float32Array {
  const out = new Float32Array(v.length);
  if (stage.apply(0) === 0) {
    const nz = nonZeroIndices(v);
    for (let i = 0; i < nz.length; i++) out[nz[i]!] = stage.apply(v[nz[i]!]!);
    recordSupport(out, nz);
  } else {
    for (let k = 0; k < out.length; k++) out[k] = stage.apply(v[k]!);
  }
  return out;
}

/** The gradient for the stage's input v from the gradient dy of its output. */
export function stageGrad(dy: Float32Array, v: Float32Array, stage: OutputStage): Float32Array {
  const identity = !stage.relu && stage.quantizer?.gradient !== 'relu-window';
  if (identity) return Float32Array.from(dy);
  const dx = new Float32Array(dy.length);
  for (let k = 0; k < dx.length; k++) dx[k] = dy[k]! * stage.grad(v[k]!);
  return dx;
}
