// SparsePooling2D (SPEC 4.4): P x P pooling, stride P, 'valid', on N_MAX slots.
// Pooled hash = ((h-1) div P) + 1 for every slot. Slots whose pooled position lies outside
// floor(H/P) x floor(W/P) are dropped (features 0). Walking slots in order, the first slot of each
// pooled position gathers the values of every slot at that position (itself included, ascending);
// later slots at the same position were consumed and give 0.
//   avg: acc (accum_t) += x for the gathered values; out = res_T(acc * r * r), r = floor(1024/P)/1024
//        (an exact 10-bit constant; the product is exact and cast once).
//   max: out = res_T(max of the gathered values).
#ifndef SP_SPARSE_POOL2D_H_
#define SP_SPARSE_POOL2D_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: N_MAX, n_chan, pool_size, in_height, in_width; hash_t, accum_t (avg only).

// Pooled hash of every slot, and which slots lead (first slot of an in-range pooled position).
template <typename CONFIG_T>
void pool_leaders(const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2],
                  typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2], bool lead[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE
    const unsigned N = CONFIG_T::N_MAX, P = CONFIG_T::pool_size;
    const unsigned out_h = CONFIG_T::in_height / P, out_w = CONFIG_T::in_width / P;
    for (unsigned i = 0; i < N; i++) {
        hash_out[2 * i] = (hash_in[2 * i].to_uint() - 1) / P + 1;
        hash_out[2 * i + 1] = (hash_in[2 * i + 1].to_uint() - 1) / P + 1;
    }
    for (unsigned i = 0; i < N; i++) {
        bool first = hash_out[2 * i] <= out_h && hash_out[2 * i + 1] <= out_w;
        for (unsigned k = 0; k < i; k++) {
            if (hash_out[2 * k] == hash_out[2 * i] && hash_out[2 * k + 1] == hash_out[2 * i + 1]) first = false;
        }
        lead[i] = first;
    }
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_avg_pool2d(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                       const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2],
                       res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                       typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    const unsigned N = CONFIG_T::N_MAX, C = CONFIG_T::n_chan;
    const ap_ufixed<11, 1> r = (1024 / CONFIG_T::pool_size) / 1024.0;
    bool lead[N];
    #pragma HLS ARRAY_PARTITION variable=lead complete dim=0
    pool_leaders<CONFIG_T>(hash_in, hash_out, lead);
    for (unsigned i = 0; i < N; i++) {
        for (unsigned c = 0; c < C; c++) {
            typename CONFIG_T::accum_t acc = 0;
            for (unsigned j = i; j < N; j++) {
                if (hash_out[2 * j] == hash_out[2 * i] && hash_out[2 * j + 1] == hash_out[2 * i + 1]) {
                    acc += in[j * C + c];
                }
            }
            out[i * C + c] = lead[i] ? res_T(acc * r * r) : res_T(0);
        }
    }
}

template <class data_T, class res_T, typename CONFIG_T>
void sparse_max_pool2d(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                       const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2],
                       res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                       typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    const unsigned N = CONFIG_T::N_MAX, C = CONFIG_T::n_chan;
    bool lead[N];
    #pragma HLS ARRAY_PARTITION variable=lead complete dim=0
    pool_leaders<CONFIG_T>(hash_in, hash_out, lead);
    for (unsigned i = 0; i < N; i++) {
        for (unsigned c = 0; c < C; c++) {
            data_T best = in[i * C + c];
            for (unsigned j = i + 1; j < N; j++) {
                if (hash_out[2 * j] == hash_out[2 * i] && hash_out[2 * j + 1] == hash_out[2 * i + 1] &&
                    in[j * C + c] > best) {
                    best = in[j * C + c];
                }
            }
            out[i * C + c] = lead[i] ? res_T(best) : res_T(0);
        }
    }
}

} // namespace sp

#endif
