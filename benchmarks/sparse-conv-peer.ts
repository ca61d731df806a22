// sparse_convolution 0.4.x (Python, numba 0.56.4, numpy 1.24.2, scipy 1.10.1) measured on this
// project's 2-core machine on the same workloads: call time in ms (median of >= 5 calls and >= 0.3 s
// after a warm-up), from the side-by-side run described in packages/sparse-conv/README.md ("The peer's figures").
// `direct2T`/`direct1T`: its default method (numba, 2 threads / NUMBA_NUM_THREADS=1); `precomp`:
// precomputed+numpy call (and `precompInit`, its table build); `gsNumba1T`: gather_scatter+numba,
// one thread. Two-thread figures were taken while another job shared the cores (some are a
// scheduler quantum, ~8 or 16 ms); the one-thread figures are the steadier comparison.
export interface PeerRow {
  workload: string;
  mode: string;
  direct2T: number;
  direct1T: number;
  precomp: number;
  precompInit: number;
  precompNumba: number | null;
  lazy: number;
  gsNumpy: number;
  gsNumba2T: number;
  gsNumba1T: number;
}

type Raw = [string, string, number, number, number, number, number | null, number, number, number, number];

const RAW: Raw[] = [
  ['batch_b1', 'same', 0.091, 0.17, 1.06, 18.5, 7.98, 0.43, 0.53, 7.99, 0.47],
  ['batch_b10', 'same', 0.31, 0.65, 1.38, 11.5, 3.59, 1.87, 1.48, 1.57, 1.68],
  ['batch_b100', 'same', 2.89, 5.45, 5.65, 13.4, 58.2, 13.3, 29.7, 12.5, 19.6],
  ['batch_b1000', 'same', 26.7, 52.2, 22.6, 12.3, 665, 150, 314, 175, 208],
  ['batch_b5000', 'same', 345, 214, 130, 12.4, 4402, 855, 3538, 1920, 1236],
  ['density_d0.001', 'same', 0.97, 2.07, 1.93, 19.5, 27, 1.41, 2.69, 1.83, 1.35],
  ['density_d0.003', 'same', 2.13, 2.86, 3.35, 19.9, 29.9, 3.38, 5.09, 4.25, 4.39],
  ['density_d0.03', 'same', 4.84, 6.73, 13.2, 21.7, 37.2, 52.1, 39, 35.5, 25.2],
  ['density_d0.1', 'same', 14.9, 12.2, 27.6, 16.9, 66.2, 174, 126, 30.3, 40.7],
  ['img_20x20', 'same', 0.12, 0.22, 0.22, 2.33, 0.52, 0.29, 0.5, 0.37, 0.67],
  ['img_50x50', 'same', 0.47, 0.68, 1.35, 10.1, 3.48, 2.01, 2.02, 1.91, 2.1],
  ['img_100x100', 'same', 1.53, 2.87, 4.39, 13.4, 16.3, 6.34, 6.97, 5.37, 7.6],
  ['img_200x200', 'same', 5.28, 11.3, 14.1, 32.2, 64.8, 26.5, 31.1, 27.2, 40.5],
  ['img_500x500', 'same', 24.5, 62.5, 85.2, 187, 827, 195, 432, 485, 304],
  ['kernel_3x3', 'same', 1.31, 2.62, 2.01, 16.4, 8.64, 2.84, 3.48, 3.03, 3.04],
  ['kernel_7x7', 'same', 1.7, 3.88, 6.67, 20.5, 21.7, 14.1, 11.9, 8.33, 6.84],
  ['kernel_9x9', 'same', 2.1, 2.97, 10.1, 24.4, 30.4, 23, 11.2, 7.57, 13],
  ['kernel_11x11', 'same', 2.56, 2.83, 13.9, 25.6, 38.5, 38.1, 21.3, 11.8, 9.04],
  ['kernel_15x15', 'same', 3.05, 3.46, 21.7, 51.4, 112, 67.2, 30.9, 13.6, 11.6],
  ['hd_b1', 'same', 0.14, 0.13, 1.24, 11.3, 0.81, 1.9, 0.83, 7.98, 0.41],
  ['hd_b10', 'same', 16, 0.77, 6.54, 18.9, 8.6, 15.2, 4.76, 7.99, 2.53],
  ['hd_b100', 'same', 16, 8.24, 24.4, 12.5, 47.6, 169, 109, 23.6, 33.8],
  ['hd_b1000', 'same', 99.8, 123, 222, 12.6, 752, 2152, 3288, 755, 476],
  ['vs_b1', 'same', 0.21, 0.25, 2.02, 29.2, 3.52, 0.21, 0.52, 0.17, 0.31],
  ['vs_b10', 'same', 0.86, 1.63, 3.73, 41.8, 12.3, 0.83, 1.7, 0.98, 0.67],
  ['vs_b100', 'same', 7.06, 9.19, 4.9, 30, 190, 4.16, 6.93, 5.93, 5.59],
  ['vs_b1000', 'same', 62.5, 92.8, 22.3, 45.2, 2220, 52.4, 68.8, 54.8, 54.4],
  ['vs_b5000', 'same', 287, 458, 61.1, 38.2, null, 243, 404, 353, 444],
  ['modes_k5x5', 'full', 2.6, 4.04, 5.53, 12.2, 34.2, 15.4, 21.9, 17.2, 11.7],
  ['modes_k5x5', 'same', 3, 3.91, 6.47, 19.4, 31.7, 15.2, 21.3, 16.8, 11.9],
  ['modes_k5x5', 'valid', 2.9, 3.71, 6.57, 24, 30.4, 14.7, 13.8, 13.3, 10.2],
  ['modes_k4x4', 'full', 2.51, 3.5, 3.73, 13.3, 20.5, 7.75, 12.3, 10.3, 10.1],
  ['modes_k4x4', 'same', 2.94, 3.45, 4.02, 11.1, 25.6, 9.91, 17.5, 16, 9.41],
  ['modes_k4x4', 'valid', 2.83, 4.74, 4.38, 15.9, 27.5, 10.2, 17.7, 15.6, 13.3],
  ['modes_k3x6', 'full', 2.99, 5.2, 4.73, 16.2, 24.8, 8.74, 17.1, 15.9, 16],
  ['modes_k3x6', 'same', 2.38, 5, 3.93, 10.5, 20.3, 8.15, 11.3, 9.07, 9.1],
  ['modes_k3x6', 'valid', 2.72, 3.39, 4.51, 14.8, 25.6, 9.9, 12.1, 14.3, 8.65],
  ['modes_64x48_k5x2', 'full', 1.17, 1.44, 1.48, 12.4, 7.46, 4.41, 4.34, 4.84, 3.2],
  ['modes_64x48_k5x2', 'same', 1.16, 1.36, 1.37, 10.4, 7.11, 4.21, 5.96, 5.01, 2.96],
  ['modes_64x48_k5x2', 'valid', 1.04, 1.3, 1.41, 10.9, 7.08, 3.98, 5.74, 4.76, 2.82],
  ['oned_1x10000_k1x5', 'full', 2.42, 2.65, 1.39, 1.39, 16.4, 2.71, 3.36, 3.03, 2.04],
  ['oned_1x10000_k1x5', 'same', 2.27, 2.76, 1.42, 1.39, 17.5, 2.62, 3.28, 2.81, 2.11],
  ['oned_1x10000_k1x5', 'valid', 1.98, 2.77, 1.28, 1.32, 17, 2.6, 3.62, 2.62, 2.41],
  ['single_100x100_k5x5', 'full', 0.26, 0.54, 0.79, 12.6, 1.01, 0.23, 0.35, 0.31, 0.44],
  ['single_100x100_k5x5', 'same', 0.51, 0.4, 1.38, 20.4, 0.94, 0.42, 0.61, 0.55, 0.43],
  ['single_100x100_k5x5', 'valid', 0.49, 0.41, 1.33, 20.3, 0.9, 0.43, 0.6, 0.51, 0.51],
  ['single_200x200_k4x4', 'full', 0.55, 0.58, 2.19, 39.4, 1.88, 0.17, 0.33, 0.15, 0.3],
  ['single_200x200_k4x4', 'same', 0.32, 0.63, 1.31, 23.7, 1.93, 0.43, 0.65, 0.15, 0.32],
  ['single_200x200_k4x4', 'valid', 0.32, 0.61, 1.6, 24.9, 2.23, 0.27, 0.34, 0.15, 0.3],
];

/** The columns of RAW, in order. */
const COLUMNS = ['workload', 'mode', 'direct2T', 'direct1T', 'precomp', 'precompInit', 'precompNumba', 'lazy', 'gsNumpy', 'gsNumba2T', 'gsNumba1T'] as const satisfies readonly (keyof PeerRow)[];

export const PEER: readonly PeerRow[] = RAW.map((r) => Object.fromEntries(COLUMNS.map((c, i) => [c, r[i]])) as unknown as PeerRow);

export function peerRow(workload: string, mode: string): PeerRow | undefined {
  return PEER.find((r) => r.workload === workload && r.mode === mode);
}
