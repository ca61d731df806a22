// Softmax, table-based with integer index arithmetic (docs/semantics.md#softmax; tables built by
// @sparsepixels/core softmaxTables and emitted as constants). Over a row of n values, with
// E = 2^exp_bits, V = 2^inv_bits:
//   m = max x;  for k ascending: d = m - x_k (exact, >= 0),
//     i = min(E-1, floor(d_raw * 2^exp_shift)),  y_k = exp_table[i],  sum += y_k  (sum_t);
//   j = floor(sum_raw * 2^inv_shift) clamped to [0, V-1];  r = inv_table[j];
//   out_k = res_T(y_k * r)  (exact product, cast once).
// exp_shift = exp_bits - log2(expRange) - F_x; inv_shift = inv_bits - log2(invRange) - F_sum.
#ifndef SP_SOFTMAX_H_
#define SP_SOFTMAX_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: in_width; exp_bits, inv_bits, exp_shift, inv_shift; sum_width, sum_signed;
// exp_t, inv_t, sum_t. Normalises in[base .. base+n) -> out[base .. base+n).
template <class data_T, class res_T, typename CONFIG_T, unsigned n>
void softmax_row(const data_T in[], res_T out[], unsigned base,
                 const typename CONFIG_T::exp_t exp_table[1u << CONFIG_T::exp_bits],
                 const typename CONFIG_T::inv_t inv_table[1u << CONFIG_T::inv_bits]) {
    #pragma HLS INLINE
    const long long exp_size = 1LL << CONFIG_T::exp_bits;
    data_T m = in[base];
    for (unsigned k = 1; k < n; k++) {
        if (in[base + k] > m) m = in[base + k];
    }
    typename CONFIG_T::exp_t y[n];
    #pragma HLS ARRAY_PARTITION variable=y complete dim=0
    typename CONFIG_T::sum_t sum = 0;
    for (unsigned k = 0; k < n; k++) {
        // 0 <= d < 2^W, so the low W bits of the exact difference are its raw value.
        const unsigned long long d = raw_bits<CONFIG_T::in_width>(m - in[base + k]);
        const long long i = shift_floor_unsigned(d, CONFIG_T::exp_shift);
        y[k] = exp_table[i < exp_size - 1 ? i : exp_size - 1];
        sum += y[k];
    }
    const long long q = shift_floor<CONFIG_T::sum_width, CONFIG_T::sum_signed>(sum, CONFIG_T::inv_shift);
    const typename CONFIG_T::inv_t r = inv_table[clamp_index(q, 1u << CONFIG_T::inv_bits)];
    for (unsigned k = 0; k < n; k++) out[base + k] = y[k] * r;
}

// CONFIG_T: n_in and the members of softmax_row.
template <class data_T, class res_T, typename CONFIG_T>
void softmax(const data_T in[CONFIG_T::n_in], res_T out[CONFIG_T::n_in],
             const typename CONFIG_T::exp_t exp_table[1u << CONFIG_T::exp_bits],
             const typename CONFIG_T::inv_t inv_table[1u << CONFIG_T::inv_bits]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    softmax_row<data_T, res_T, CONFIG_T, CONFIG_T::n_in>(in, out, 0, exp_table, inv_table);
}

} // namespace sp

#endif
