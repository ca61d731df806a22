// SparseActivation (docs/semantics.md): the activation on the features of each active slot (softmax
// over the slot's channels); inactive slots stay all zero; the hash is copied through. Active:
// activity "nonzero" = a non-zero feature; "mask" (the overloads with valid arrays) = the validity
// bit, copied through (a valid slot whose features are all zero gets f(0), e.g. 0.5 for sigmoid).
// relu and linear map 0 to 0 and invalid slots hold zeros, so they run element-wise on all features.
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

template <typename CONFIG_T> void copy_valid(const valid_t valid_in[CONFIG_T::N_MAX], valid_t valid_out[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) valid_out[i] = valid_in[i];
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_relu(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                 const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2], const valid_t valid_in[CONFIG_T::N_MAX],
                 res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                 typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2], valid_t valid_out[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE off
    sparse_relu<data_T, res_T, CONFIG_T>(in, hash_in, out, hash_out);
    copy_valid<CONFIG_T>(valid_in, valid_out);
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
void sparse_linear(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                   const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2], const valid_t valid_in[CONFIG_T::N_MAX],
                   res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                   typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2], valid_t valid_out[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE off
    sparse_linear<data_T, res_T, CONFIG_T>(in, hash_in, out, hash_out);
    copy_valid<CONFIG_T>(valid_in, valid_out);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_sigmoid_core(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                         const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2], const bool active[CONFIG_T::N_MAX],
                         res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                         typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2],
                         const typename CONFIG_T::table_t table[1u << CONFIG_T::table_bits]) {
    #pragma HLS INLINE
    const unsigned C = CONFIG_T::n_chan;
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) {
        if (active[i]) {
            sigmoid_row<data_T, res_T, CONFIG_T>(in, out, i * C, C, table);
        } else {
            for (unsigned c = 0; c < C; c++) out[i * C + c] = 0;
        }
    }
    copy_hash<CONFIG_T>(hash_in, hash_out);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_softmax_core(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                         const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2], const bool active[CONFIG_T::N_MAX],
                         res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                         typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2],
                         const typename CONFIG_T::exp_t exp_table[1u << CONFIG_T::exp_bits],
                         const typename CONFIG_T::inv_t inv_table[1u << CONFIG_T::inv_bits]) {
    #pragma HLS INLINE
    const unsigned C = CONFIG_T::n_chan;
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) {
        if (active[i]) {
            softmax_row<data_T, res_T, CONFIG_T, C>(in, out, i * C, exp_table, inv_table);
        } else {
            for (unsigned c = 0; c < C; c++) out[i * C + c] = 0;
        }
    }
    copy_hash<CONFIG_T>(hash_in, hash_out);
}

#define SP_ACT_IN const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan], const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2]
#define SP_ACT_OUT res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan], typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2]
#define SP_SIGMOID_TABLE const typename CONFIG_T::table_t table[1u << CONFIG_T::table_bits]
#define SP_SOFTMAX_TABLES                                                                                      \
    const typename CONFIG_T::exp_t exp_table[1u << CONFIG_T::exp_bits],                                        \
        const typename CONFIG_T::inv_t inv_table[1u << CONFIG_T::inv_bits]

template <class data_T, class res_T, typename CONFIG_T>
void sparse_sigmoid(SP_ACT_IN, SP_ACT_OUT, SP_SIGMOID_TABLE) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    bool active[CONFIG_T::N_MAX];
    slots_active<data_T, CONFIG_T>(in, active);
    sparse_sigmoid_core<data_T, res_T, CONFIG_T>(in, hash_in, active, out, hash_out, table);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_sigmoid(SP_ACT_IN, const valid_t valid_in[CONFIG_T::N_MAX], SP_ACT_OUT, valid_t valid_out[CONFIG_T::N_MAX],
                    SP_SIGMOID_TABLE) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    bool active[CONFIG_T::N_MAX];
    slots_valid<CONFIG_T>(valid_in, valid_out, active);
    sparse_sigmoid_core<data_T, res_T, CONFIG_T>(in, hash_in, active, out, hash_out, table);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_softmax(SP_ACT_IN, SP_ACT_OUT, SP_SOFTMAX_TABLES) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    bool active[CONFIG_T::N_MAX];
    slots_active<data_T, CONFIG_T>(in, active);
    sparse_softmax_core<data_T, res_T, CONFIG_T>(in, hash_in, active, out, hash_out, exp_table, inv_table);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_softmax(SP_ACT_IN, const valid_t valid_in[CONFIG_T::N_MAX], SP_ACT_OUT, valid_t valid_out[CONFIG_T::N_MAX],
                    SP_SOFTMAX_TABLES) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    bool active[CONFIG_T::N_MAX];
    slots_valid<CONFIG_T>(valid_in, valid_out, active);
    sparse_softmax_core<data_T, res_T, CONFIG_T>(in, hash_in, active, out, hash_out, exp_table, inv_table);
}

#undef SP_ACT_IN
#undef SP_ACT_OUT
#undef SP_SIGMOID_TABLE
#undef SP_SOFTMAX_TABLES

} // namespace sp

#endif
