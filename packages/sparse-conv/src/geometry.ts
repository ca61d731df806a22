import { SparsePixelsError } from '@sparsepixels/core';
import type { Mode } from './types';

/**
 * Where each mode's output sits in the `full` convolution: out[o][q] = full[o + top][q + left] with
 * full[R][C] = sum over a, b of k[a][b] * x[R - a][C - b] (true convolution, kernel flipped relative
 * to cross-correlation). For `same` with an even kernel side, top = (kH - 1) >> 1 puts one more
 * kernel row above the output pixel than below (scipy.signal.convolve2d's alignment).
 */
export interface Geometry {
  height: number;
  width: number;
  kernelHeight: number;
  kernelWidth: number;
  outHeight: number;
  outWidth: number;
  top: number;
  left: number;
}

export const MODES: readonly Mode[] = ['full', 'same', 'valid'];

export function geometry(
  height: number,
  width: number,
  kernelHeight: number,
  kernelWidth: number,
  mode: Mode,
): Geometry {
  let top: number, left: number, outHeight: number, outWidth: number;
  if (mode === 'full') {
    [top, left, outHeight, outWidth] = [0, 0, height + kernelHeight - 1, width + kernelWidth - 1];
  } else if (mode === 'same') {
    [top, left, outHeight, outWidth] = [(kernelHeight - 1) >> 1, (kernelWidth - 1) >> 1, height, width];
  } else if (mode === 'valid') {
    if (kernelHeight > height || kernelWidth > width)
      throw new SparsePixelsError(
        'SC_VALID_KERNEL',
        `mode "valid" needs the kernel (${kernelHeight}x${kernelWidth}) to fit in the image (${height}x${width})`,
      );
    [top, left, outHeight, outWidth] = [
      kernelHeight - 1,
      kernelWidth - 1,
      height - kernelHeight + 1,
      width - kernelWidth + 1,
    ];
  } else {
    throw new SparsePixelsError(
      'SC_MODE',
      `mode must be one of ${MODES.join(', ')}, got ${JSON.stringify(mode)}`,
    );
  }
  if (outHeight * outWidth > 2 ** 31 - 1)
    throw new SparsePixelsError(
      'SC_SHAPE',
      `output image ${outHeight}x${outWidth} has more than 2^31-1 pixels (Int32 indices)`,
    );
  return { height, width, kernelHeight, kernelWidth, outHeight, outWidth, top, left };
}
