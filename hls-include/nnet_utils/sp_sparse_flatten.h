// SparseFlatten (docs/semantics.md): dense out_height x out_width x n_chan vector in (h, w, c)
// order, zero-initialised; for slots in order, every non-zero feature is written at its pixel
// (activity "nonzero"), or every feature of each valid slot (activity "mask": the overload with a
// valid array; one body serves both rules: no_valid, sp_common.h). Slots whose hash lies outside the
// grid are skipped.
#ifndef SP_SPARSE_FLATTEN_H_
#define SP_SPARSE_FLATTEN_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: N_MAX, n_chan, out_height, out_width; hash_t.

template <class data_T, class res_T, typename CONFIG_T, class valid_in_T>
void sparse_flatten_body(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                         const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2], valid_in_T valid_in,
                         res_T out[CONFIG_T::out_height * CONFIG_T::out_width * CONFIG_T::n_chan]) {
    #pragma HLS INLINE
    const unsigned C = CONFIG_T::n_chan, H = CONFIG_T::out_height, W = CONFIG_T::out_width;
    for (unsigned k = 0; k < H * W * C; k++) out[k] = 0;
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) {
        const unsigned h = hash_in[2 * i].to_uint(), w = hash_in[2 * i + 1].to_uint();
        if (h < 1 || h > H || w < 1 || w > W) continue;
        for (unsigned c = 0; c < C; c++) {
            if (keeps_feature(valid_in, i, in[i * C + c])) out[((h - 1) * W + (w - 1)) * C + c] = in[i * C + c];
        }
    }
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_flatten(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                    const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2],
                    res_T out[CONFIG_T::out_height * CONFIG_T::out_width * CONFIG_T::n_chan]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_flatten_body<data_T, res_T, CONFIG_T>(in, hash_in, no_valid(), out);
}
template <class data_T, class res_T, typename CONFIG_T>
void sparse_flatten(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                    const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2], const valid_t valid_in[CONFIG_T::N_MAX],
                    res_T out[CONFIG_T::out_height * CONFIG_T::out_width * CONFIG_T::n_chan]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_flatten_body<data_T, res_T, CONFIG_T>(in, hash_in, valid_in, out);
}

} // namespace sp

#endif
