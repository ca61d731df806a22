// SparseGlobalPooling2D (docs/semantics.md): N_MAX slots of n_chan features become n_chan values,
// per channel over the k active slots (activity "mask": the overloads with a valid array, valid
// bit 1; "nonzero": any feature non-zero):
//   max: the first active slot's value, replaced by any later active value that is strictly
//        greater; out = res_T(max), or 0 when k = 0.
//   avg: acc (accum_t) += x over the active slots in slot order; out = res_T(acc * recip[k]) with
//        recip[k] = floor(2^F / k) / 2^F (F = CONFIG_T::recip_bits, recip[0] = 0), an emitted
//        table of N_MAX + 1 entries of recip_t = ap_ufixed<F+1, 1>; the product is exact and cast once.
// One body per mode serves both rules (no_valid, sp_common.h).
#ifndef SP_SPARSE_GLOBAL_POOL2D_H_
#define SP_SPARSE_GLOBAL_POOL2D_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: N_MAX, n_chan, recip_bits (avg); accum_t, recip_t (avg).

template <class data_T, class res_T, typename CONFIG_T, class valid_in_T>
void sparse_global_avg_pool2d_body(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan], valid_in_T valid_in,
                                   res_T out[CONFIG_T::n_chan], const typename CONFIG_T::recip_t recip[CONFIG_T::N_MAX + 1]) {
    #pragma HLS INLINE
    const unsigned N = CONFIG_T::N_MAX, C = CONFIG_T::n_chan;
    bool active[CONFIG_T::N_MAX];
    slots_active<data_T, CONFIG_T>(in, valid_in, no_valid(), active);
    ap_uint<index_bits<CONFIG_T::N_MAX + 1>::value> k = 0;
    for (unsigned i = 0; i < N; i++) {
        if (active[i]) k++;
    }
    const typename CONFIG_T::recip_t r = recip[k];
    for (unsigned c = 0; c < C; c++) {
        typename CONFIG_T::accum_t acc = 0;
        for (unsigned i = 0; i < N; i++) {
            if (active[i]) acc += in[i * C + c];
        }
        out[c] = res_T(acc * r);
    }
}

template <class data_T, class res_T, typename CONFIG_T, class valid_in_T>
void sparse_global_max_pool2d_body(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan], valid_in_T valid_in,
                                   res_T out[CONFIG_T::n_chan]) {
    #pragma HLS INLINE
    const unsigned N = CONFIG_T::N_MAX, C = CONFIG_T::n_chan;
    bool active[CONFIG_T::N_MAX];
    slots_active<data_T, CONFIG_T>(in, valid_in, no_valid(), active);
    for (unsigned c = 0; c < C; c++) {
        data_T best = 0;
        bool any = false;
        for (unsigned i = 0; i < N; i++) {
            if (active[i] && (!any || in[i * C + c] > best)) {
                best = in[i * C + c];
                any = true;
            }
        }
        out[c] = any ? res_T(best) : res_T(0);
    }
}

// The public kernels: activity "nonzero" (a slot with a non-zero feature is active) and "mask"
// (the validity bits). The hash is not needed (the emitted call passes it, like every sparse input).
template <class data_T, class res_T, typename CONFIG_T>
void sparse_global_avg_pool2d(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                              const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2], res_T out[CONFIG_T::n_chan],
                              const typename CONFIG_T::recip_t recip[CONFIG_T::N_MAX + 1]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    (void)hash_in;
    sparse_global_avg_pool2d_body<data_T, res_T, CONFIG_T>(in, no_valid(), out, recip);
}
template <class data_T, class res_T, typename CONFIG_T>
void sparse_global_avg_pool2d(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                              const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2],
                              const valid_t valid_in[CONFIG_T::N_MAX], res_T out[CONFIG_T::n_chan],
                              const typename CONFIG_T::recip_t recip[CONFIG_T::N_MAX + 1]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    (void)hash_in;
    sparse_global_avg_pool2d_body<data_T, res_T, CONFIG_T>(in, valid_in, out, recip);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_global_max_pool2d(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                              const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2], res_T out[CONFIG_T::n_chan]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    (void)hash_in;
    sparse_global_max_pool2d_body<data_T, res_T, CONFIG_T>(in, no_valid(), out);
}
template <class data_T, class res_T, typename CONFIG_T>
void sparse_global_max_pool2d(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                              const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2],
                              const valid_t valid_in[CONFIG_T::N_MAX], res_T out[CONFIG_T::n_chan]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    (void)hash_in;
    sparse_global_max_pool2d_body<data_T, res_T, CONFIG_T>(in, valid_in, out);
}

} // namespace sp

#endif
