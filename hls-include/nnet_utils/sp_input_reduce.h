// InputReduce (docs/semantics.md#input-reduce): keep the first N_MAX active pixels of a dense H x W x C image.
// A pixel is active iff its channel-0 value is > threshold (both in the input type). Slot s gets
// the s-th active pixel in raster order (h, then w): all C channels and the 1-based hash (h+1, w+1).
// Unused slots hold zeros and hash (1, 1). Active pixels beyond N_MAX are dropped. Under activity
// "mask" the overloads with a `valid` array also write each slot's validity bit (1 = a kept pixel).
//
// Hardware: one iteration per slot (pipelined, as in the published design); each iteration finds
// the first still-active pixel with balanced priority trees and clears it.
#ifndef SP_INPUT_REDUCE_H_
#define SP_INPUT_REDUCE_H_

#include "sp_common.h"

namespace sp {

// CONFIG_T: height, width, n_chan, N_MAX; threshold (a constexpr double, converted to the input
// type); hash_t (unsigned coordinate type).

// Index of the first true entry of active[0..n) (n = a power of two); `found` tells if there is one.
template <unsigned n, class index_T> index_T first_active(const bool active[n], bool &found) {
    #pragma HLS INLINE
    bool valid[n];
    index_T index[n];
    #pragma HLS ARRAY_PARTITION variable=valid complete dim=0
    #pragma HLS ARRAY_PARTITION variable=index complete dim=0
    for (unsigned p = 0; p < n; p++) {
        #pragma HLS UNROLL
        valid[p] = active[p];
        index[p] = p;
    }
    // Pairwise reduction, in place: level width halves until one node is left; left wins ties.
    for (unsigned width = n / 2; width >= 1; width /= 2) {
        #pragma HLS UNROLL
        for (unsigned k = 0; k < width; k++) {
            #pragma HLS UNROLL
            bool left = valid[2 * k];
            index[k] = left ? index[2 * k] : index[2 * k + 1];
            valid[k] = left || valid[2 * k + 1];
        }
    }
    found = valid[0];
    return index[0];
}

// Pixels are searched in groups: a tree over the groups' "any active" flags picks the first
// non-empty group, a tree over that group's pixels picks the pixel. Only the flag of the group a
// pixel was taken from changes per slot, so a slot costs two small trees instead of one over all
// pixels (same result: the first active pixel in raster order).
template <unsigned n_tree> struct reduce_groups {
    static const unsigned size = n_tree < 64 ? n_tree : 64;
    static const unsigned count = n_tree / size;
};

// The threshold given at run time (a top-level input port when build.thresholdInput is set).
template <class data_T, class res_T, typename CONFIG_T>
void input_reduce(const data_T in[CONFIG_T::height * CONFIG_T::width * CONFIG_T::n_chan], const data_T threshold,
                  res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                  typename CONFIG_T::hash_t hash[CONFIG_T::N_MAX * 2], valid_t valid[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE off
    const unsigned n_pix = CONFIG_T::height * CONFIG_T::width;
    const unsigned n_tree = pow2_ceil<n_pix>::value;
    const unsigned G = reduce_groups<n_tree>::size, n_groups = reduce_groups<n_tree>::count;
    typedef ap_uint<index_bits<G>::value> local_t;
    typedef ap_uint<index_bits<n_groups>::value> group_t;

    bool active[n_tree];
    bool any[n_groups];
    #pragma HLS ARRAY_PARTITION variable=active complete dim=0
    #pragma HLS ARRAY_PARTITION variable=any complete dim=0
    for (unsigned p = 0; p < n_tree; p++) {
        #pragma HLS UNROLL
        active[p] = p < n_pix && in[p * CONFIG_T::n_chan] > threshold;
    }
    for (unsigned g = 0; g < n_groups; g++) {
        #pragma HLS UNROLL
        bool a = false;
        for (unsigned k = 0; k < G; k++) a = a || active[g * G + k];
        any[g] = a;
    }

    for (unsigned s = 0; s < CONFIG_T::N_MAX; s++) {
        #pragma HLS PIPELINE
        bool found, nonempty; // a group flagged active has an active pixel: nonempty == found
        const unsigned g = unsigned(first_active<n_groups, group_t>(any, found));
        bool group[G];
        #pragma HLS ARRAY_PARTITION variable=group complete dim=0
        for (unsigned k = 0; k < G; k++) group[k] = active[g * G + k];
        const unsigned k = unsigned(first_active<G, local_t>(group, nonempty));
        const unsigned pix = found ? g * G + k : 0u;
        for (unsigned c = 0; c < CONFIG_T::n_chan; c++) {
            #pragma HLS UNROLL
            out[s * CONFIG_T::n_chan + c] = found ? res_T(in[pix * CONFIG_T::n_chan + c]) : res_T(0);
        }
        valid[s] = found ? 1 : 0;
        hash[2 * s] = found ? pix / CONFIG_T::width + 1 : 1u;
        hash[2 * s + 1] = found ? pix % CONFIG_T::width + 1 : 1u;
        if (found) {
            active[pix] = false;
            group[k] = false;
            bool a = false;
            for (unsigned j = 0; j < G; j++) a = a || group[j];
            any[g] = a;
        }
    }
}

// Activity "nonzero": no validity bits (the local array is dropped by synthesis).
template <class data_T, class res_T, typename CONFIG_T>
void input_reduce(const data_T in[CONFIG_T::height * CONFIG_T::width * CONFIG_T::n_chan], const data_T threshold,
                  res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                  typename CONFIG_T::hash_t hash[CONFIG_T::N_MAX * 2]) {
    #pragma HLS INLINE
    valid_t unused[CONFIG_T::N_MAX];
    input_reduce<data_T, res_T, CONFIG_T>(in, threshold, out, hash, unused);
}

// The threshold fixed at compile time (CONFIG_T::threshold, cast to the input type).
template <class data_T, class res_T, typename CONFIG_T>
void input_reduce(const data_T in[CONFIG_T::height * CONFIG_T::width * CONFIG_T::n_chan],
                  res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                  typename CONFIG_T::hash_t hash[CONFIG_T::N_MAX * 2]) {
    #pragma HLS INLINE
    const data_T threshold = CONFIG_T::threshold; // compared in the input type
    input_reduce<data_T, res_T, CONFIG_T>(in, threshold, out, hash);
}

template <class data_T, class res_T, typename CONFIG_T>
void input_reduce(const data_T in[CONFIG_T::height * CONFIG_T::width * CONFIG_T::n_chan],
                  res_T out[CONFIG_T::N_MAX * CONFIG_T::n_chan],
                  typename CONFIG_T::hash_t hash[CONFIG_T::N_MAX * 2], valid_t valid[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE
    const data_T threshold = CONFIG_T::threshold; // compared in the input type
    input_reduce<data_T, res_T, CONFIG_T>(in, threshold, out, hash, valid);
}

} // namespace sp

#endif
