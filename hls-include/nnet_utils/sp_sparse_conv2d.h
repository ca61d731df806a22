// SparseConv2D (docs/semantics.md#sparse-conv2d): submanifold K x K convolution, stride 1, 'same', on N_MAX slots.
// For each active output slot i and filter f:
//   acc = sum over slots j ascending, channels c ascending, with |h_i-h_j| <= R and |w_i-w_j| <= R
//         (R = (K-1)/2) of w[R+h_j-h_i][R+w_j-w_i][c][f] * x[j][c]     (accumulated in accum_t)
//   if acc != 0: acc += bias[f];  out = res_T(acc).
// Inactive output slots give 0: under activity "nonzero" a slot is active iff a feature is non-zero;
// under "mask" (the overloads with valid arrays) iff its validity bit is set, whatever its features,
// and the bits are copied through. Weights in Keras layout (kh, kw, cin, cout).
// Output sites = input sites: the hash is copied through (one producer, one consumer per array,
// which keeps the DATAFLOW top level canonical).
#ifndef SP_SPARSE_CONV2D_H_
#define SP_SPARSE_CONV2D_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: N_MAX, n_chan, n_filt, kernel_size; hash_t, accum_t, weight_t, bias_t (the _reuse
// variant also reuse_factor, block).

template <class data_T, class res_T, typename CONFIG_T>
void sparse_conv2d_core(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                   const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2], const bool active_in[CONFIG_T::N_MAX],
                   res_T out[CONFIG_T::N_MAX * CONFIG_T::n_filt],
                   typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2],
                   const typename CONFIG_T::weight_t weights[CONFIG_T::kernel_size * CONFIG_T::kernel_size *
                                                             CONFIG_T::n_chan * CONFIG_T::n_filt],
                   const typename CONFIG_T::bias_t biases[CONFIG_T::n_filt]) {
    #pragma HLS INLINE
    const unsigned N = CONFIG_T::N_MAX, C = CONFIG_T::n_chan, F = CONFIG_T::n_filt;
    const int K = CONFIG_T::kernel_size, R = (K - 1) / 2;
    for (unsigned i = 0; i < N; i++) {
        const bool active = active_in[i];
        for (unsigned f = 0; f < F; f++) {
            typename CONFIG_T::accum_t acc = 0;
            for (unsigned j = 0; j < N; j++) {
                const int dh = hash_in[2 * j].to_int() - hash_in[2 * i].to_int();
                const int dw = hash_in[2 * j + 1].to_int() - hash_in[2 * i + 1].to_int();
                if (dh < -R || dh > R || dw < -R || dw > R) continue;
                const unsigned tap = unsigned((R + dh) * K + (R + dw));
                for (unsigned c = 0; c < C; c++) {
                    acc += weights[(tap * C + c) * F + f] * in[j * C + c];
                }
            }
            if (acc != 0) acc += biases[f];
            out[i * F + f] = active ? res_T(acc) : res_T(0);
        }
        hash_out[2 * i] = hash_in[2 * i];
        hash_out[2 * i + 1] = hash_in[2 * i + 1];
    }
}

// Reuse factor R > 1 (CONFIG_T::reuse_factor, block = ceil(N_MAX / R)): iteration r of a loop
// pipelined at II = 1 computes output slots r*block .. r*block+block-1 completely, so the products
// of N/R output slots are instantiated and shared R times. Every sum keeps the order of
// sparse_conv2d: the same bits.
template <class data_T, class res_T, typename CONFIG_T>
void sparse_conv2d_reuse_core(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                         const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2], const bool active_in[CONFIG_T::N_MAX],
                         res_T out[CONFIG_T::N_MAX * CONFIG_T::n_filt],
                         typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2],
                         const typename CONFIG_T::weight_t weights[CONFIG_T::kernel_size * CONFIG_T::kernel_size *
                                                                   CONFIG_T::n_chan * CONFIG_T::n_filt],
                         const typename CONFIG_T::bias_t biases[CONFIG_T::n_filt]) {
    #pragma HLS INLINE
    const unsigned N = CONFIG_T::N_MAX, C = CONFIG_T::n_chan, F = CONFIG_T::n_filt;
    const unsigned R = CONFIG_T::reuse_factor, B = CONFIG_T::block;
    const int K = CONFIG_T::kernel_size, Rad = (K - 1) / 2;
    for (unsigned r = 0; r < R; r++) {
        #pragma HLS PIPELINE II=1
        for (unsigned b = 0; b < B; b++) {
            #pragma HLS UNROLL
            const unsigned i = r * B + b;
            if (i >= N) continue;
            const bool active = active_in[i];
            for (unsigned f = 0; f < F; f++) {
                typename CONFIG_T::accum_t acc = 0;
                for (unsigned j = 0; j < N; j++) {
                    const int dh = hash_in[2 * j].to_int() - hash_in[2 * i].to_int();
                    const int dw = hash_in[2 * j + 1].to_int() - hash_in[2 * i + 1].to_int();
                    if (dh < -Rad || dh > Rad || dw < -Rad || dw > Rad) continue;
                    const unsigned tap = unsigned((Rad + dh) * K + (Rad + dw));
                    for (unsigned c = 0; c < C; c++) {
                        acc += weights[(tap * C + c) * F + f] * in[j * C + c];
                    }
                }
                if (acc != 0) acc += biases[f];
                out[i * F + f] = active ? res_T(acc) : res_T(0);
            }
            hash_out[2 * i] = hash_in[2 * i];
            hash_out[2 * i + 1] = hash_in[2 * i + 1];
        }
    }
}

// The public kernels: "nonzero" (activity from the features) and "mask" (from the validity bits,
// copied to valid_out), plain and with a reuse factor.
#define SP_CONV2D_ARGS                                                                                         \
    const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan], const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2]
#define SP_CONV2D_OUT_ARGS                                                                                     \
    res_T out[CONFIG_T::N_MAX * CONFIG_T::n_filt], typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2]
#define SP_CONV2D_PARAMS                                                                                       \
    const typename CONFIG_T::weight_t weights[CONFIG_T::kernel_size * CONFIG_T::kernel_size * CONFIG_T::n_chan * \
                                              CONFIG_T::n_filt],                                               \
        const typename CONFIG_T::bias_t biases[CONFIG_T::n_filt]

template <class data_T, class res_T, typename CONFIG_T>
void sparse_conv2d(SP_CONV2D_ARGS, SP_CONV2D_OUT_ARGS, SP_CONV2D_PARAMS) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    bool active[CONFIG_T::N_MAX];
    slots_active<data_T, CONFIG_T>(in, active);
    sparse_conv2d_core<data_T, res_T, CONFIG_T>(in, hash_in, active, out, hash_out, weights, biases);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_conv2d(SP_CONV2D_ARGS, const valid_t valid_in[CONFIG_T::N_MAX], SP_CONV2D_OUT_ARGS,
                   valid_t valid_out[CONFIG_T::N_MAX], SP_CONV2D_PARAMS) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    bool active[CONFIG_T::N_MAX];
    slots_valid<CONFIG_T>(valid_in, valid_out, active);
    sparse_conv2d_core<data_T, res_T, CONFIG_T>(in, hash_in, active, out, hash_out, weights, biases);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_conv2d_reuse(SP_CONV2D_ARGS, SP_CONV2D_OUT_ARGS, SP_CONV2D_PARAMS) {
    #pragma HLS INLINE off
    bool active[CONFIG_T::N_MAX];
    slots_active<data_T, CONFIG_T>(in, active);
    sparse_conv2d_reuse_core<data_T, res_T, CONFIG_T>(in, hash_in, active, out, hash_out, weights, biases);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_conv2d_reuse(SP_CONV2D_ARGS, const valid_t valid_in[CONFIG_T::N_MAX], SP_CONV2D_OUT_ARGS,
                         valid_t valid_out[CONFIG_T::N_MAX], SP_CONV2D_PARAMS) {
    #pragma HLS INLINE off
    bool active[CONFIG_T::N_MAX];
    slots_valid<CONFIG_T>(valid_in, valid_out, active);
    sparse_conv2d_reuse_core<data_T, res_T, CONFIG_T>(in, hash_in, active, out, hash_out, weights, biases);
}

#undef SP_CONV2D_ARGS
#undef SP_CONV2D_OUT_ARGS
#undef SP_CONV2D_PARAMS

} // namespace sp

#endif
