// The README's example: a batch of two sparse 4x5 images convolved with a 3x3 kernel (CSR in, CSR
// out), then the same batch through a convolver that is set up once and reused.
import { convolve2d, createConvolver, fromDense, toDense } from '@sparsepixels/sparse-conv';

export function quickStart() {
  // prettier-ignore
  const dense = Float64Array.from([
    0, 0, 0, 0, 0,   0, 1, 0, 0, 0,   0, 0, 0, 0, 2,   0, 0, 0, 0, 0, // image 0, row by row
    0, 0, 0, 0, 0,   0, 0, 0, 0, 0,   0, 0, 3, 0, 0,   0, 0, 0, 0, 0, // image 1
  ]);
  const images = fromDense(dense, { height: 4, width: 5 }); // { nImages: 2, indptr, indices, data }
  const kernel = [
    [1, 2, 1],
    [0, 0, 0],
    [-1, -2, -1],
  ];
  // scipy.signal.convolve2d semantics: true convolution (kernel flipped), output 4x5 in 'same' mode.
  const same = convolve2d(images, kernel, { mode: 'same' });
  console.log(same.indptr, same.indices, same.data); // CSR: flat output index row*5 + col per image

  // Many batches, one kernel: set the convolution up once; `auto` picks the method per batch.
  const conv = createConvolver({ height: 4, width: 5 }, kernel, { mode: 'full' });
  const full = conv.convolve(images); // 6x7 images
  console.log(conv.outputShape(), conv.choose(images).method);
  return { same: toDense(same), full: toDense(full) };
}
