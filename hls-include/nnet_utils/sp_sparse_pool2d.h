// SparsePooling2D (docs/semantics.md): P x P pooling, stride P, 'valid', on N_MAX slots.
// Pooled hash = ((h-1) div P) + 1 for every slot. Slots whose pooled position lies outside
// floor(H/P) x floor(W/P) are dropped (features 0). A slot takes part when it is in range and,
// under activity "mask" (the overloads with valid arrays), valid; under "nonzero" every slot does.
// Walking slots in order, the first taking-part slot of each pooled position (the owner) gathers
// the values of every taking-part slot at that position (itself first, ascending); the others give 0.
//   avg: acc (accum_t) += x for the gathered values; out = res_T(acc * r * r), r = floor(2^F/P)/2^F
//        with F = CONFIG_T::recip_bits (an exact constant; the product is exact and cast once).
//   max: out = res_T(max of the gathered values).
// Under "mask" the output's validity bit is 1 exactly at the owners (the OR of the cell's bits).
// One body per mode serves both rules (no_valid, sp_common.h).
#ifndef SP_SPARSE_POOL2D_H_
#define SP_SPARSE_POOL2D_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: N_MAX, n_chan, pool_size, in_height, in_width, recip_bits (avg); hash_t, accum_t (avg).

// Pooled hash of every slot, which slots take part (valid, and the pooled position in range) and
// which own a cell (the first taking-part slot of its pooled position); the owners' bits out.
template <typename CONFIG_T, class valid_in_T, class valid_out_T>
void pool_leaders(const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2], valid_in_T valid_in,
                  typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2], valid_out_T valid_out,
                  bool part[CONFIG_T::N_MAX], bool lead[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE
    const unsigned N = CONFIG_T::N_MAX, P = CONFIG_T::pool_size;
    const unsigned out_h = CONFIG_T::in_height / P, out_w = CONFIG_T::in_width / P;
    for (unsigned i = 0; i < N; i++) {
        hash_out[2 * i] = (hash_in[2 * i].to_uint() - 1) / P + 1;
        hash_out[2 * i + 1] = (hash_in[2 * i + 1].to_uint() - 1) / P + 1;
        part[i] = is_valid(valid_in, i) && hash_out[2 * i] <= out_h && hash_out[2 * i + 1] <= out_w;
    }
    for (unsigned i = 0; i < N; i++) {
        bool first = part[i];
        for (unsigned k = 0; k < i; k++) {
            if (part[k] && hash_out[2 * k] == hash_out[2 * i] && hash_out[2 * k + 1] == hash_out[2 * i + 1]) first = false;
        }
        lead[i] = first;
        set_valid(valid_out, i, first);
    }
}

#define SP_POOL_IN const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan], const typename CONFIG_T::hash_t hash_in[CONFIG_T::N_MAX * 2]
#define SP_POOL_OUT res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan], typename CONFIG_T::hash_t hash_out[CONFIG_T::N_MAX * 2]

template <class data_T, class res_T, typename CONFIG_T, class valid_in_T, class valid_out_T>
void sparse_avg_pool2d_body(SP_POOL_IN, valid_in_T valid_in, SP_POOL_OUT, valid_out_T valid_out) {
    #pragma HLS INLINE
    const unsigned N = CONFIG_T::N_MAX, C = CONFIG_T::n_chan;
    const ap_ufixed<CONFIG_T::recip_bits + 1, 1> r = pool_reciprocal<CONFIG_T::recip_bits, CONFIG_T::pool_size>();
    bool part[CONFIG_T::N_MAX], lead[CONFIG_T::N_MAX];
    pool_leaders<CONFIG_T>(hash_in, valid_in, hash_out, valid_out, part, lead);
    for (unsigned i = 0; i < N; i++) {
        for (unsigned c = 0; c < C; c++) {
            typename CONFIG_T::accum_t acc = 0;
            for (unsigned j = i; j < N; j++) {
                if (part[j] && hash_out[2 * j] == hash_out[2 * i] && hash_out[2 * j + 1] == hash_out[2 * i + 1]) {
                    acc += in[j * C + c];
                }
            }
            out[i * C + c] = lead[i] ? res_T(acc * r * r) : res_T(0);
        }
    }
}

template <class data_T, class res_T, typename CONFIG_T, class valid_in_T, class valid_out_T>
void sparse_max_pool2d_body(SP_POOL_IN, valid_in_T valid_in, SP_POOL_OUT, valid_out_T valid_out) {
    #pragma HLS INLINE
    const unsigned N = CONFIG_T::N_MAX, C = CONFIG_T::n_chan;
    bool part[CONFIG_T::N_MAX], lead[CONFIG_T::N_MAX];
    pool_leaders<CONFIG_T>(hash_in, valid_in, hash_out, valid_out, part, lead);
    for (unsigned i = 0; i < N; i++) {
        for (unsigned c = 0; c < C; c++) {
            data_T best = in[i * C + c];
            for (unsigned j = i + 1; j < N; j++) {
                if (part[j] && hash_out[2 * j] == hash_out[2 * i] && hash_out[2 * j + 1] == hash_out[2 * i + 1] &&
                    in[j * C + c] > best) {
                    best = in[j * C + c];
                }
            }
            out[i * C + c] = lead[i] ? res_T(best) : res_T(0);
        }
    }
}

// The public kernels: activity "nonzero" (every slot takes part) and "mask" (valid slots; the
// owners' bits out).
template <class data_T, class res_T, typename CONFIG_T> void sparse_avg_pool2d(SP_POOL_IN, SP_POOL_OUT) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_avg_pool2d_body<data_T, res_T, CONFIG_T>(in, hash_in, no_valid(), out, hash_out, no_valid());
}
template <class data_T, class res_T, typename CONFIG_T>
void sparse_avg_pool2d(SP_POOL_IN, const valid_t valid_in[CONFIG_T::N_MAX], SP_POOL_OUT, valid_t valid_out[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_avg_pool2d_body<data_T, res_T, CONFIG_T>(in, hash_in, valid_in, out, hash_out, valid_out);
}

template <class data_T, class res_T, typename CONFIG_T> void sparse_max_pool2d(SP_POOL_IN, SP_POOL_OUT) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_max_pool2d_body<data_T, res_T, CONFIG_T>(in, hash_in, no_valid(), out, hash_out, no_valid());
}
template <class data_T, class res_T, typename CONFIG_T>
void sparse_max_pool2d(SP_POOL_IN, const valid_t valid_in[CONFIG_T::N_MAX], SP_POOL_OUT, valid_t valid_out[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE off
    #pragma HLS PIPELINE
    sparse_max_pool2d_body<data_T, res_T, CONFIG_T>(in, hash_in, valid_in, out, hash_out, valid_out);
}

#undef SP_POOL_IN
#undef SP_POOL_OUT

} // namespace sp

#endif
