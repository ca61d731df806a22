// SparseActivation (docs/semantics.md): the activation on the features of each active slot (softmax
// over the slot's channels); inactive slots stay all zero; the hash is copied through. Active:
// activity "nonzero" = a non-zero feature; "mask" (the overloads with valid arrays) = the validity
// bit, copied through (a valid slot whose features are all zero gets f(0), e.g. 0.5 for sigmoid).
// One body per activation serves both rules (no_valid, sp_common.h).
// relu and linear map 0 to 0 and invalid slots hold zeros, so they run element-wise on all features.
#ifndef SP_SPARSE_ACTIVATION_H_
#define SP_SPARSE_ACTIVATION_H_

#include "sp_common.h"
#include "sp_sigmoid.h"
#include "sp_softmax.h"

namespace sp {

// CONFIG_T: N_MAX, n_chan; hash_t (+ the sigmoid / softmax members for those two).

#define SP_ACT_IN const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan], const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2]
#define SP_ACT_OUT res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan], typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2]
#define SP_SIGMOID_TABLE const typename CONFIG_T::table_t table[1u << CONFIG_T::table_bits]
#define SP_SOFTMAX_TABLES                                                                                      \
    const typename CONFIG_T::exp_t exp_table[1u << CONFIG_T::exp_bits],                                        \
        const typename CONFIG_T::inv_t inv_table[1u << CONFIG_T::inv_bits]

template <typename CONFIG_T, class hash_T>
void copy_hash(const hash_T hash_in[CONFIG_T::N_MAX * 2], hash_T hash_out[CONFIG_T::N_MAX * 2]) {
    #pragma HLS INLINE
    for (unsigned k = 0; k < CONFIG_T::N_MAX * 2; k++) hash_out[k] = hash_in[k];
}

// relu (is_relu) and linear, element-wise on every feature (see above); the validity bits copied.
template <bool is_relu, class data_T, class res_T, typename CONFIG_T, class valid_in_T, class valid_out_T>
void sparse_elementwise(SP_ACT_IN, valid_in_T valid_in, SP_ACT_OUT, valid_out_T valid_out) {
    #pragma HLS INLINE
    map_relu_or_copy<is_relu, data_T, res_T, CONFIG_T::N_MAX * CONFIG_T::n_chan>(in, out);
    copy_hash<CONFIG_T>(hash_in, hash_out);
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) set_valid(valid_out, i, is_valid(valid_in, i));
}

// What sigmoid and softmax share around their per-slot rows: which slots are active (bits copied
// out under "mask"), zeros in the inactive slots, the hash copied through.
template <class data_T, class res_T, typename CONFIG_T, class valid_in_T, class valid_out_T>
void sparse_rows_frame(SP_ACT_IN, valid_in_T valid_in, SP_ACT_OUT, valid_out_T valid_out,
                       bool active[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE
    slots_active<data_T, CONFIG_T>(in, valid_in, valid_out, active);
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) {
        if (active[i]) continue;
        for (unsigned c = 0; c < CONFIG_T::n_chan; c++) out[i * CONFIG_T::n_chan + c] = 0;
    }
    copy_hash<CONFIG_T>(hash_in, hash_out);
}

template <class data_T, class res_T, typename CONFIG_T, class valid_in_T, class valid_out_T>
void sparse_sigmoid_body(SP_ACT_IN, valid_in_T valid_in, SP_ACT_OUT, valid_out_T valid_out, SP_SIGMOID_TABLE) {
    #pragma HLS INLINE
    bool active[CONFIG_T::N_MAX];
    sparse_rows_frame<data_T, res_T, CONFIG_T>(in, hash_in, valid_in, out, hash_out, valid_out, active);
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) {
        if (active[i]) sigmoid_row<data_T, res_T, CONFIG_T>(in, out, i * CONFIG_T::n_chan, CONFIG_T::n_chan, table);
    }
}

template <class data_T, class res_T, typename CONFIG_T, class valid_in_T, class valid_out_T>
void sparse_softmax_body(SP_ACT_IN, valid_in_T valid_in, SP_ACT_OUT, valid_out_T valid_out, SP_SOFTMAX_TABLES) {
    #pragma HLS INLINE
    bool active[CONFIG_T::N_MAX];
    sparse_rows_frame<data_T, res_T, CONFIG_T>(in, hash_in, valid_in, out, hash_out, valid_out, active);
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) {
        if (active[i]) {
            softmax_row<data_T, res_T, CONFIG_T, CONFIG_T::n_chan>(in, out, i * CONFIG_T::n_chan, exp_table, inv_table);
        }
    }
}

// The public kernels, "nonzero" and "mask" overload of each, the called bodies inlined.
template <class data_T, class res_T, typename CONFIG_T> void sparse_relu(SP_ACT_IN, SP_ACT_OUT) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_elementwise<true, data_T, res_T, CONFIG_T>(in, hash_in, no_valid(), out, hash_out, no_valid());
}
template <class data_T, class res_T, typename CONFIG_T>
void sparse_relu(SP_ACT_IN, const valid_t valid_in[CONFIG_T::N_MAX], SP_ACT_OUT, valid_t valid_out[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_elementwise<true, data_T, res_T, CONFIG_T>(in, hash_in, valid_in, out, hash_out, valid_out);
}

template <class data_T, class res_T, typename CONFIG_T> void sparse_linear(SP_ACT_IN, SP_ACT_OUT) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_elementwise<false, data_T, res_T, CONFIG_T>(in, hash_in, no_valid(), out, hash_out, no_valid());
}
template <class data_T, class res_T, typename CONFIG_T>
void sparse_linear(SP_ACT_IN, const valid_t valid_in[CONFIG_T::N_MAX], SP_ACT_OUT, valid_t valid_out[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_elementwise<false, data_T, res_T, CONFIG_T>(in, hash_in, valid_in, out, hash_out, valid_out);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_sigmoid(SP_ACT_IN, SP_ACT_OUT, SP_SIGMOID_TABLE) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_sigmoid_body<data_T, res_T, CONFIG_T>(in, hash_in, no_valid(), out, hash_out, no_valid(), table);
}
template <class data_T, class res_T, typename CONFIG_T>
void sparse_sigmoid(SP_ACT_IN, const valid_t valid_in[CONFIG_T::N_MAX], SP_ACT_OUT, valid_t valid_out[CONFIG_T::N_MAX],
                    SP_SIGMOID_TABLE) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_sigmoid_body<data_T, res_T, CONFIG_T>(in, hash_in, valid_in, out, hash_out, valid_out, table);
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_softmax(SP_ACT_IN, SP_ACT_OUT, SP_SOFTMAX_TABLES) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_softmax_body<data_T, res_T, CONFIG_T>(in, hash_in, no_valid(), out, hash_out, no_valid(), exp_table,
                                                 inv_table);
}
template <class data_T, class res_T, typename CONFIG_T>
void sparse_softmax(SP_ACT_IN, const valid_t valid_in[CONFIG_T::N_MAX], SP_ACT_OUT, valid_t valid_out[CONFIG_T::N_MAX],
                    SP_SOFTMAX_TABLES) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_softmax_body<data_T, res_T, CONFIG_T>(in, hash_in, valid_in, out, hash_out, valid_out, exp_table,
                                                 inv_table);
}

#undef SP_ACT_IN
#undef SP_ACT_OUT
#undef SP_SIGMOID_TABLE
#undef SP_SOFTMAX_TABLES

} // namespace sp

#endif
