// SparseActivation (SPEC 4.3): the activation on the features of each active slot (softmax over
// the slot's channels); inactive slots stay all zero; the hash is copied through.
// relu and linear map 0 to 0, so they run element-wise on all features.
#ifndef SP_SPARSE_ACTIVATION_H_
#define SP_SPARSE_ACTIVATION_H_

#include "sp_common.h"
#include "sp_sigmoid.h"
#include "sp_softmax.h"

namespace sp {

// CONFIG_T: N_MAX, n_chan; hash_t (+ the sigmoid / softmax members for those two).
template <typename CONFIG_T, class hash_T>
void copy_hash(const hash_T hash_in[CONFIG_T::N_MAX * 2], hash_T hash_out[CONFIG_T::N_MAX * 2]) {
    #pragma HLS INLINE
    for (unsigned k = 0; k < CONFIG_T::N_MAX * 2; k++) hash_out[k] = hash_in[k];
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_relu(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                 const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2],
                 res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                 typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    for (unsigned k = 0; k < CONFIG_T::N_MAX * CONFIG_T::n_chan; k++) {
        if (in[k] > 0) out[k] = in[k];
        else out[k] = 0;
    }
    copy_hash<CONFIG_T>(hash_in, hash_out);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_linear(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                   const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2],
                   res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                   typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    for (unsigned k = 0; k < CONFIG_T::N_MAX * CONFIG_T::n_chan; k++) out[k] = in[k];
    copy_hash<CONFIG_T>(hash_in, hash_out);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_sigmoid(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                    const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2],
                    res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                    typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2],
                    const typename CONFIG_T::table_t table[1u << CONFIG_T::table_bits]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    const unsigned C = CONFIG_T::n_chan;
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) {
        if (slot_active<data_T, C>(in, i)) {
            sigmoid_row<data_T, res_T, CONFIG_T>(in, out, i * C, C, table);
        } else {
            for (unsigned c = 0; c < C; c++) out[i * C + c] = 0;
        }
    }
    copy_hash<CONFIG_T>(hash_in, hash_out);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_softmax(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                    const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2],
                    res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                    typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2],
                    const typename CONFIG_T::exp_t exp_table[1u << CONFIG_T::exp_bits],
                    const typename CONFIG_T::inv_t inv_table[1u << CONFIG_T::inv_bits]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    const unsigned C = CONFIG_T::n_chan;
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) {
        if (slot_active<data_T, C>(in, i)) {
            softmax_row<data_T, res_T, CONFIG_T, C>(in, out, i * C, exp_table, inv_table);
        } else {
            for (unsigned c = 0; c < C; c++) out[i * C + c] = 0;
        }
    }
    copy_hash<CONFIG_T>(hash_in, hash_out);
}

} // namespace sp

#endif
