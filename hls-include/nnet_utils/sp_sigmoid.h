// Sigmoid, table-based (docs/semantics.md#sigmoid; the table is built by @sparsepixels/core sigmoidTable and emitted
// as constants, so C++ never evaluates exp). T = 2^table_bits entries over [-8, 8):
//   index = T/2 + floor(r * 2^(table_bits - 4 - F)), clamped to [0, T-1], for the input raw r with
//   F fractional bits; out = res_T(table[index]).
#ifndef SP_SIGMOID_H_
#define SP_SIGMOID_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: in_width, in_frac, in_signed (the input type's W, F, S); table_bits; table_t.
// Applies the sigmoid to in[base .. base+n) -> out[base .. base+n).
template <class data_T, class res_T, typename CONFIG_T>
void sigmoid_row(const data_T in[], res_T out[], unsigned base, unsigned n,
                 const typename CONFIG_T::table_t table[1u << CONFIG_T::table_bits]) {
    #pragma HLS INLINE
    const unsigned size = 1u << CONFIG_T::table_bits;
    const int shift = int(CONFIG_T::table_bits) - 4 - CONFIG_T::in_frac;
    for (unsigned k = base; k < base + n; k++) {
        const long long q = shift_floor<CONFIG_T::in_width, CONFIG_T::in_signed>(in[k], shift);
        out[k] = table[clamp_index(q + size / 2, size)];
    }
}

// CONFIG_T: n_in and the members of sigmoid_row.
template <class data_T, class res_T, typename CONFIG_T>
void sigmoid(const data_T in[CONFIG_T::n_in], res_T out[CONFIG_T::n_in],
             const typename CONFIG_T::table_t table[1u << CONFIG_T::table_bits]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sigmoid_row<data_T, res_T, CONFIG_T>(in, out, 0, CONFIG_T::n_in, table);
}

} // namespace sp

#endif
