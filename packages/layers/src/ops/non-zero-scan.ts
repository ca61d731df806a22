/**
 * Positions of the non-zero elements of a mostly-zero float32 array (sparse images: a few dozen hits
 * in thousands of pixels), found fast: when the array is 8-byte aligned, it is read as float64 pairs,
 * and a float64 is zero only if both float32 halves are +0 or -0, so whole zero pairs are skipped in
 * one comparison (four pairs at a time). NaN counts as non-zero (NaN !== 0), as in an element-wise test.
 */

/** Ascending indices k with v[k] !== 0 (so -0 and +0 are skipped, NaN is kept). */
export function nonZeroIndices(v: Float32Array): Int32Array {
  let out = new Int32Array(64);
  let count = 0;
  const push = (k: number) => {
    if (count === out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[count++] = k;
  };
  let k = 0;
  if (v.byteOffset % 8 === 0) {
    const pairs = new Float64Array(v.buffer, v.byteOffset, v.length >> 1);
    const quads = pairs.length & ~3;
    let i = 0;
    for (; i < quads; i += 4) {
      if (pairs[i] === 0 && pairs[i + 1] === 0 && pairs[i + 2] === 0 && pairs[i + 3] === 0) continue;
      for (let e = 2 * i; e < 2 * i + 8; e++) if (v[e] !== 0) push(e);
    }
    for (; i < pairs.length; i++) {
      if (pairs[i] === 0) continue;
      if (v[2 * i] !== 0) push(2 * i);
      if (v[2 * i + 1] !== 0) push(2 * i + 1);
    }
    k = 2 * pairs.length;
  }
  for (; k < v.length; k++) if (v[k] !== 0) push(k);
  return out.subarray(0, count);
}

/** Arrays (op outputs that are never written again) known to be zero outside an ascending index list. */
const supports = new WeakMap<Float32Array, Int32Array>();

/**
 * Records that `v` is zero outside `indices` (ascending; it may also be zero at some of them). Only
 * for arrays made by an op as a tensor's values, which TensorFlow.js never writes again; saves the
 * next op a scan (e.g. InputReduce after QuantizeInput, whose fresh output pages are slow to read).
 */
export function recordSupport(v: Float32Array, indices: Int32Array): void {
  supports.set(v, indices);
}

/** Ascending indices outside of which v is zero: the recorded list, else the exact non-zero indices. */
export function supportOf(v: Float32Array): Int32Array {
  return supports.get(v) ?? nonZeroIndices(v);
}
