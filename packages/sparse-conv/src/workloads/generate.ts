// The workload generator, as the side-by-side run draws it with numpy (default_rng(seed), PCG64):
// kernel = 1 - rng.random((kH, kW)); n = max(1, floor(density*batch*H*W + 0.5)) distinct global
// positions sort(rng.choice(batch*H*W, n, replace=False)); values = 1 - rng.random(n). Image =
// position // (H*W), pixel = position % (H*W). All values are in (0, 1], so no sum cancels.
import type { SparseImages } from '../types';
import { choiceWithoutReplacement } from './choice';
import { Pcg64 } from './pcg64';
import type { WorkloadSpec } from './workload-list';

export interface Workload {
  spec: WorkloadSpec;
  images: SparseImages<Float64Array>;
  kernel: { height: number; width: number; data: Float64Array };
}

export function generateWorkload(spec: WorkloadSpec): Workload {
  const { height: H, width: W, kernelHeight: kH, kernelWidth: kW, batch } = spec;
  const rng = new Pcg64(spec.seed);
  const kernel = new Float64Array(kH * kW);
  for (let i = 0; i < kernel.length; i++) kernel[i] = 1 - rng.random();
  const pixels = H * W;
  const n = Math.max(1, Math.floor(spec.density * batch * H * W + 0.5));
  const positions = choiceWithoutReplacement(rng, batch * pixels, n).sort();
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = 1 - rng.random();
  const indptr = new Int32Array(batch + 1);
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = positions[i]!;
    const img = Math.floor(p / pixels);
    indices[i] = p - img * pixels;
    indptr[img + 1]!++;
  }
  for (let i = 0; i < batch; i++) indptr[i + 1]! += indptr[i]!;
  return {
    spec,
    images: { nImages: batch, height: H, width: W, indptr, indices, data },
    kernel: { height: kH, width: kW, data: kernel },
  };
}
