// Dense, latency strategy (docs/semantics.md#dense): Keras kernel layout (n_in x n_out).
//   acc = bias[j]; for i ascending: acc += x[i] * w[i][j]  (accum_t);  out[j] = res_T(acc).
#ifndef SP_DENSE_H_
#define SP_DENSE_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: n_in, n_out; accum_t, weight_t, bias_t (dense_reuse also reuse_factor, block).

template <class data_T, class res_T, typename CONFIG_T>
void dense(const data_T in[CONFIG_T::n_in], res_T out[CONFIG_T::n_out],
           const typename CONFIG_T::weight_t weights[CONFIG_T::n_in * CONFIG_T::n_out],
           const typename CONFIG_T::bias_t biases[CONFIG_T::n_out]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
        typename CONFIG_T::accum_t acc = biases[j];
        for (unsigned i = 0; i < CONFIG_T::n_in; i++) {
            acc += in[i] * weights[i * CONFIG_T::n_out + j];
        }
        out[j] = acc;
    }
}

// Reuse factor R > 1 (CONFIG_T::reuse_factor, block = ceil(n_in / R)): iteration r of a loop
// pipelined at II = 1 feeds inputs r*block .. r*block+block-1 to every output, so n_in*n_out/R
// multipliers are instantiated and shared R times. Each output still adds bias first, then inputs
// ascending: the same bits as dense().
template <class data_T, class res_T, typename CONFIG_T>
void dense_reuse(const data_T in[CONFIG_T::n_in], res_T out[CONFIG_T::n_out],
                 const typename CONFIG_T::weight_t weights[CONFIG_T::n_in * CONFIG_T::n_out],
                 const typename CONFIG_T::bias_t biases[CONFIG_T::n_out]) {
    #pragma HLS INLINE off
    const unsigned R = CONFIG_T::reuse_factor, B = CONFIG_T::block;
    typename CONFIG_T::accum_t acc[CONFIG_T::n_out];
    #pragma HLS ARRAY_PARTITION variable=acc complete dim=0
    for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
        #pragma HLS UNROLL
        acc[j] = biases[j];
    }
    for (unsigned r = 0; r < R; r++) {
        #pragma HLS PIPELINE II=1
        for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
            #pragma HLS UNROLL
            for (unsigned b = 0; b < B; b++) {
                #pragma HLS UNROLL
                const unsigned i = r * B + b;
                if (i < CONFIG_T::n_in) acc[j] += in[i] * weights[i * CONFIG_T::n_out + j];
            }
        }
    }
    for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
        #pragma HLS UNROLL
        out[j] = acc[j];
    }
}

} // namespace sp

#endif
