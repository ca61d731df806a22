// SparseConv2D (docs/semantics.md#sparse-conv2d): submanifold K x K convolution, stride 1, 'same',
// on N_MAX slots. For each active output slot i and filter f:
//   acc = sum over slots j ascending, channels c ascending, with |h_i-h_j| <= R and |w_i-w_j| <= R
//         (R = (K-1)/2) of w[R+h_j-h_i][R+w_j-w_i][c][f] * x[j][c]     (accumulated in accum_t)
//   if acc != 0: acc += bias[f];  out = res_T(acc).
// Inactive output slots give 0: under activity "nonzero" a slot is active iff a feature is non-zero;
// under "mask" (the overloads with valid arrays) iff its validity bit is set, whatever its features,
// and the bits are copied through (one body serves both rules: no_valid, sp_common.h). Weights in
// Keras layout (kh, kw, cin, cout).
// Output sites = input sites: the hash is copied through (one producer, one consumer per array,
// which keeps the DATAFLOW top level canonical).
// Zero weights cost nothing: the emitter lists the weight columns (c, f) that have a non-zero tap
// (a column of zeros gets no multiplier) and, per column, which taps are non-zero (a zero tap adds
// no term). Skipped terms would have added zero, so the bits are those of the full sum.
#ifndef SP_SPARSE_CONV2D_H_
#define SP_SPARSE_CONV2D_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: N_MAX, n_chan, n_filt, kernel_size, n_cols; hash_t, accum_t, weight_t, bias_t, index_t
// (the _reuse variant also reuse_factor, block).

// The kernels' inputs, outputs and constants: weights in Keras layout, cols = c * F + f of the
// columns with a non-zero tap (ascending), tap_nz[k * K * K + tap] = 1 where column k's tap is non-zero.
#define SP_CONV2D_ARGS                                                                                         \
    const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan], const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2]
#define SP_CONV2D_OUT_ARGS                                                                                     \
    res_T out[CONFIG_T::N_MAX * CONFIG_T::n_filt], typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2]
#define SP_CONV2D_WEIGHTS                                                                                      \
    const typename CONFIG_T::weight_t weights[CONFIG_T::kernel_size * CONFIG_T::kernel_size * CONFIG_T::n_chan * \
                                              CONFIG_T::n_filt],                                               \
        const typename CONFIG_T::index_t cols[table_size<CONFIG_T::n_cols>::value],                            \
        const ap_uint<1> tap_nz[table_size<CONFIG_T::n_cols>::value * CONFIG_T::kernel_size * CONFIG_T::kernel_size]
#define SP_CONV2D_PARAMS SP_CONV2D_WEIGHTS, const typename CONFIG_T::bias_t biases[CONFIG_T::n_filt]

// The sums of output slot i for every filter (acc[f]); per filter the terms keep the normative
// order (slots j ascending, then channels c ascending, as cols is ascending in c * F + f).
template <class data_T, typename CONFIG_T>
void sparse_conv2d_sums(unsigned i, SP_CONV2D_ARGS, SP_CONV2D_WEIGHTS, typename CONFIG_T::accum_t acc[CONFIG_T::n_filt]) {
    #pragma HLS INLINE
    const unsigned N = CONFIG_T::N_MAX, C = CONFIG_T::n_chan, F = CONFIG_T::n_filt;
    const int K = CONFIG_T::kernel_size, R = (K - 1) / 2;
    for (unsigned f = 0; f < F; f++) acc[f] = 0;
    for (unsigned j = 0; j < N; j++) {
        const int dh = hash_in[2 * j].to_int() - hash_in[2 * i].to_int();
        const int dw = hash_in[2 * j + 1].to_int() - hash_in[2 * i + 1].to_int();
        if (dh < -R || dh > R || dw < -R || dw > R) continue;
        const unsigned tap = unsigned((R + dh) * K + (R + dw));
        for (unsigned k = 0; k < CONFIG_T::n_cols; k++) {
            const unsigned col = cols[k].to_uint(), c = col / F, f = col % F;
            if (tap_nz[k * K * K + tap] != 0) acc[f] += weights[(tap * C + c) * F + f] * in[j * C + c];
        }
    }
}

// Output slot i: its sums, the bias where a sum is non-zero, 0 for an inactive slot; hash copied.
template <class data_T, class res_T, typename CONFIG_T>
void sparse_conv2d_slot(unsigned i, bool active, SP_CONV2D_ARGS, SP_CONV2D_OUT_ARGS, SP_CONV2D_PARAMS) {
    #pragma HLS INLINE
    typename CONFIG_T::accum_t acc[CONFIG_T::n_filt];
    sparse_conv2d_sums<data_T, CONFIG_T>(i, in, hash_in, weights, cols, tap_nz, acc);
    for (unsigned f = 0; f < CONFIG_T::n_filt; f++) {
        if (acc[f] != 0) acc[f] += biases[f];
        out[i * CONFIG_T::n_filt + f] = active ? res_T(acc[f]) : res_T(0);
    }
    hash_out[2 * i] = hash_in[2 * i];
    hash_out[2 * i + 1] = hash_in[2 * i + 1];
}

template <class data_T, class res_T, typename CONFIG_T, class valid_in_T, class valid_out_T>
void sparse_conv2d_body(SP_CONV2D_ARGS, valid_in_T valid_in, SP_CONV2D_OUT_ARGS, valid_out_T valid_out,
                        SP_CONV2D_PARAMS) {
    #pragma HLS INLINE
    bool active[CONFIG_T::N_MAX];
    slots_active<data_T, CONFIG_T>(in, valid_in, valid_out, active);
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) {
        sparse_conv2d_slot<data_T, res_T, CONFIG_T>(i, active[i], in, hash_in, out, hash_out, weights, cols, tap_nz,
                                                    biases);
    }
}

// Reuse factor R > 1 (CONFIG_T::reuse_factor, block = ceil(N_MAX / R)): iteration r of a loop
// pipelined at II = 1 computes output slots r*block .. r*block+block-1 completely, so the products
// of N/R output slots are instantiated and shared R times. Every sum keeps the order of
// sparse_conv2d: the same bits.
template <class data_T, class res_T, typename CONFIG_T, class valid_in_T, class valid_out_T>
void sparse_conv2d_reuse_body(SP_CONV2D_ARGS, valid_in_T valid_in, SP_CONV2D_OUT_ARGS, valid_out_T valid_out,
                              SP_CONV2D_PARAMS) {
    #pragma HLS INLINE
    const unsigned R = CONFIG_T::reuse_factor, B = CONFIG_T::block;
    bool active[CONFIG_T::N_MAX];
    slots_active<data_T, CONFIG_T>(in, valid_in, valid_out, active);
    for (unsigned r = 0; r < R; r++) {
        #pragma HLS PIPELINE II=1
        for (unsigned b = 0; b < B; b++) {
            #pragma HLS UNROLL
            const unsigned i = r * B + b;
            if (i >= CONFIG_T::N_MAX) continue;
            sparse_conv2d_slot<data_T, res_T, CONFIG_T>(i, active[i], in, hash_in, out, hash_out, weights, cols, tap_nz,
                                                        biases);
        }
    }
}

// The public kernels: "nonzero" (activity from the features) and "mask" (from the validity bits,
// copied to valid_out), plain and with a reuse factor.
template <class data_T, class res_T, typename CONFIG_T>
void sparse_conv2d(SP_CONV2D_ARGS, SP_CONV2D_OUT_ARGS, SP_CONV2D_PARAMS) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_conv2d_body<data_T, res_T, CONFIG_T>(in, hash_in, no_valid(), out, hash_out, no_valid(), weights, cols, tap_nz,
                                                biases);
}
template <class data_T, class res_T, typename CONFIG_T>
void sparse_conv2d(SP_CONV2D_ARGS, const valid_t valid_in[CONFIG_T::N_MAX], SP_CONV2D_OUT_ARGS,
                   valid_t valid_out[CONFIG_T::N_MAX], SP_CONV2D_PARAMS) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_conv2d_body<data_T, res_T, CONFIG_T>(in, hash_in, valid_in, out, hash_out, valid_out, weights, cols, tap_nz,
                                                biases);
}

// No PIPELINE on these two: the reuse body pipelines its slot loop.
template <class data_T, class res_T, typename CONFIG_T>
void sparse_conv2d_reuse(SP_CONV2D_ARGS, SP_CONV2D_OUT_ARGS, SP_CONV2D_PARAMS) {
    #pragma HLS INLINE off
    sparse_conv2d_reuse_body<data_T, res_T, CONFIG_T>(in, hash_in, no_valid(), out, hash_out, no_valid(), weights, cols,
                                                      tap_nz, biases);
}
template <class data_T, class res_T, typename CONFIG_T>
void sparse_conv2d_reuse(SP_CONV2D_ARGS, const valid_t valid_in[CONFIG_T::N_MAX], SP_CONV2D_OUT_ARGS,
                         valid_t valid_out[CONFIG_T::N_MAX], SP_CONV2D_PARAMS) {
    #pragma HLS INLINE off
    sparse_conv2d_reuse_body<data_T, res_T, CONFIG_T>(in, hash_in, valid_in, out, hash_out, valid_out, weights, cols,
                                                      tap_nz, biases);
}

#undef SP_CONV2D_ARGS
#undef SP_CONV2D_OUT_ARGS
#undef SP_CONV2D_WEIGHTS
#undef SP_CONV2D_PARAMS

} // namespace sp

#endif
