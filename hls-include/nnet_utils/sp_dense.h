// Dense, latency strategy (docs/semantics.md#dense): Keras kernel layout (n_in x n_out).
//   acc = bias[j]; for i ascending: acc += x[i] * w[i][j]  (accum_t);  out[j] = res_T(acc).
// Zero weights cost nothing: the emitter passes only the n_nz non-zero weights, with their Keras
// flat indices i * n_out + j in ascending order, so the code holds one product per non-zero weight
// and none for a zero one. Ascending flat index means ascending i for every output j: each sum
// keeps the normative order, and a skipped term would have added zero (no cast changes).
#ifndef SP_DENSE_H_
#define SP_DENSE_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: n_in, n_out, n_nz; accum_t, weight_t, bias_t, index_t (dense_reuse also reuse_factor,
// block).
template <class data_T, class res_T, typename CONFIG_T>
void dense(const data_T in[CONFIG_T::n_in], res_T out[CONFIG_T::n_out],
           const typename CONFIG_T::weight_t weights[table_size<CONFIG_T::n_nz>::value],
           const typename CONFIG_T::index_t index[table_size<CONFIG_T::n_nz>::value],
           const typename CONFIG_T::bias_t biases[CONFIG_T::n_out]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    typename CONFIG_T::accum_t acc[CONFIG_T::n_out];
    #pragma HLS ARRAY_PARTITION variable=acc complete dim=0
    for (unsigned j = 0; j < CONFIG_T::n_out; j++) acc[j] = biases[j];
    for (unsigned k = 0; k < CONFIG_T::n_nz; k++) {
        const unsigned flat = index[k].to_uint();
        acc[flat % CONFIG_T::n_out] += in[flat / CONFIG_T::n_out] * weights[k];
    }
    for (unsigned j = 0; j < CONFIG_T::n_out; j++) out[j] = acc[j];
}

// Reuse factor R > 1 (CONFIG_T::reuse_factor, block = lanes): the emitter cuts the non-zero terms
// of each output j (inputs ascending) into R consecutive chunks of L_j = ceil(nz_j / R) and gives
// output j L_j lanes (lane[b] = the output lane b feeds). Iteration r of a loop pipelined at II = 1
// gives lane b its entry k = r * block + b: weights[k] times in[index[k]], or nothing when index[k]
// is n_in (a chunk shorter than L_j). So block multipliers are instantiated (none for zero weights),
// each with a fixed accumulator and shared R times, and each output still adds bias first, then its
// inputs ascending: the same bits as dense().
template <class data_T, class res_T, typename CONFIG_T>
void dense_reuse(const data_T in[CONFIG_T::n_in], res_T out[CONFIG_T::n_out],
                 const typename CONFIG_T::weight_t weights[table_size<CONFIG_T::reuse_factor * CONFIG_T::block>::value],
                 const typename CONFIG_T::index_t index[table_size<CONFIG_T::reuse_factor * CONFIG_T::block>::value],
                 const typename CONFIG_T::index_t lane[table_size<CONFIG_T::block>::value],
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
        for (unsigned b = 0; b < B; b++) {
            #pragma HLS UNROLL
            const unsigned k = r * B + b, i = index[k].to_uint();
            if (i < CONFIG_T::n_in) acc[lane[b].to_uint()] += in[i] * weights[k];
        }
    }
    for (unsigned j = 0; j < CONFIG_T::n_out; j++) {
        #pragma HLS UNROLL
        out[j] = acc[j];
    }
}

} // namespace sp

#endif
