// The benchmark workloads of docs (package README, "Workloads"): the same list, names, seeds and
// parameters as the sparse_convolution side-by-side run, in the order that defines each seed
// (20240601 + position in this list).
import type { Mode } from '../types';

export interface WorkloadSpec {
  name: string;
  /** Sweep the workload belongs to (the benchmark draws one plot per sweep). */
  group: 'batch' | 'density' | 'image' | 'kernel' | 'high-density' | 'very-sparse' | 'modes' | 'single';
  seed: number;
  height: number;
  width: number;
  kernelHeight: number;
  kernelWidth: number;
  density: number;
  batch: number;
  modes: Mode[];
  /** false: the peer convolves one (H, W) image (`batching=False`); the data layout is the same. */
  batching: boolean;
}

export const WORKLOAD_SEED_BASE = 20240601;

type Row = Omit<WorkloadSpec, 'seed'>;
const SAME: Mode[] = ['same'];
const ALL: Mode[] = ['full', 'same', 'valid'];

function square(
  name: string,
  group: Row['group'],
  side: number,
  k: number,
  density: number,
  batch: number,
): Row {
  return {
    name,
    group,
    height: side,
    width: side,
    kernelHeight: k,
    kernelWidth: k,
    density,
    batch,
    modes: SAME,
    batching: true,
  };
}

const rows: Row[] = [
  ...[1, 10, 100, 1000, 5000].map((b) => square(`batch_b${b}`, 'batch', 100, 5, 0.01, b)),
  ...[0.001, 0.003, 0.03, 0.1].map((d) => square(`density_d${d}`, 'density', 100, 5, d, 100)),
  ...[20, 50, 100, 200, 500].map((s) => square(`img_${s}x${s}`, 'image', s, 5, 0.01, 50)),
  ...[3, 7, 9, 11, 15].map((k) => square(`kernel_${k}x${k}`, 'kernel', 100, k, 0.01, 50)),
  ...[1, 10, 100, 1000].map((b) => square(`hd_b${b}`, 'high-density', 100, 5, 0.1, b)),
  ...[1, 10, 100, 1000, 5000].map((b) => square(`vs_b${b}`, 'very-sparse', 200, 5, 0.001, b)),
  ...(
    [
      ['modes_k5x5', 100, 100, 5, 5, 0.01],
      ['modes_k4x4', 100, 100, 4, 4, 0.01],
      ['modes_k3x6', 100, 100, 3, 6, 0.01],
      ['modes_64x48_k5x2', 64, 48, 5, 2, 0.02],
      ['oned_1x10000_k1x5', 1, 10000, 1, 5, 0.01],
    ] as const
  ).map(
    ([name, height, width, kernelHeight, kernelWidth, density]): Row => ({
      name,
      group: 'modes',
      height,
      width,
      kernelHeight,
      kernelWidth,
      density,
      batch: 100,
      modes: ALL,
      batching: true,
    }),
  ),
  {
    name: 'single_100x100_k5x5',
    group: 'single',
    height: 100,
    width: 100,
    kernelHeight: 5,
    kernelWidth: 5,
    density: 0.01,
    batch: 1,
    modes: ALL,
    batching: false,
  },
  {
    name: 'single_200x200_k4x4',
    group: 'single',
    height: 200,
    width: 200,
    kernelHeight: 4,
    kernelWidth: 4,
    density: 0.001,
    batch: 1,
    modes: ALL,
    batching: false,
  },
];

export const WORKLOADS: readonly WorkloadSpec[] = Object.freeze(
  rows.map((r, i) => Object.freeze({ ...r, seed: WORKLOAD_SEED_BASE + i })),
);

export function workloadByName(name: string): WorkloadSpec {
  const w = WORKLOADS.find((x) => x.name === name);
  if (!w)
    throw new RangeError(`unknown workload "${name}"; known: ${WORKLOADS.map((x) => x.name).join(', ')}`);
  return w;
}
