// sparsepixels HLS kernels: shared helpers (namespace sp).
// Written for this project from docs/semantics.md#sparse-tensor; compiles against the vendor ap_types headers and
// against our own C-simulation headers in ../ap_types.
#ifndef SP_COMMON_H_
#define SP_COMMON_H_

#include "ap_fixed.h"
#include "ap_int.h"

namespace sp {

// ceil(log2(n)) for n >= 1, at compile time (0 for n == 1).
template <unsigned n> struct ceil_log2 {
    static const unsigned value = 1 + ceil_log2<(n + 1) / 2>::value;
};
template <> struct ceil_log2<1> {
    static const unsigned value = 0;
};

// Smallest power of two >= n.
template <unsigned n> struct pow2_ceil {
    static const unsigned value = 1u << ceil_log2<n>::value;
};

// Bits for an unsigned index in [0, n): at least 1.
template <unsigned n> struct index_bits {
    static const unsigned value = ceil_log2<n>::value < 1 ? 1 : ceil_log2<n>::value;
};

// Size of a constant table of n entries: C++ has no zero-length arrays, so an empty table (a layer
// whose weights are all zero) holds one unused entry.
template <unsigned n> struct table_size {
    static const unsigned value = n == 0 ? 1 : n;
};

// The validity bit of a slot under activity "mask" (docs/semantics.md): 1 = the slot holds a kept
// pixel (InputReduce) or a pooled cell with one (pooling). Models of activity "nonzero" carry none.
typedef ap_uint<1> valid_t;

// The pooling reciprocal r = floor(2^F / P) / 2^F held exactly in ap_ufixed<F+1, 1> (F <= 32).
template <unsigned F, unsigned P> ap_ufixed<F + 1, 1> pool_reciprocal() {
    #pragma HLS INLINE
    return ap_ufixed<F + 1, 1>(double((1ull << F) / P) / double(1ull << F));
}

// True if any of the n features of one slot is non-zero (the v1 activity rule, activity "nonzero").
template <class data_T, unsigned n_chan> bool slot_active(const data_T feat[], unsigned slot) {
    #pragma HLS INLINE
    bool any = false;
    for (unsigned c = 0; c < n_chan; c++) {
        #pragma HLS UNROLL
        any = any || (feat[slot * n_chan + c] != 0);
    }
    return any;
}

// out = in, or relu(in) = (in > 0 ? in : 0) when is_relu, element-wise into res_T: the relu, linear
// and flatten kernels of both paths.
template <bool is_relu, class data_T, class res_T, unsigned n> void map_relu_or_copy(const data_T in[n], res_T out[n]) {
    #pragma HLS INLINE
    for (unsigned k = 0; k < n; k++) {
        if (is_relu && !(in[k] > 0)) out[k] = 0;
        else out[k] = in[k];
    }
}

// The two activity rules in one kernel body (docs/semantics.md). A sparse kernel has one body that
// takes its validity arrays as template-typed arguments, and two public overloads with the call
// signatures the emitters write: "mask" passes its valid_t arrays, "nonzero" passes no_valid(), an
// empty tag. The helpers below are overloaded on the two, so the rule is chosen at compile time:
// for no_valid no port, storage or logic is left (no dummy arrays for the tool to fold away). The
// bodies are inlined into the public (INLINE off) kernels, so no_valid never becomes a port.
struct no_valid {};

// Whether slot i counts as valid: its bit under "mask"; every slot under "nonzero" (no bits).
inline bool is_valid(const valid_t valid[], unsigned i) {
    #pragma HLS INLINE
    return valid[i] == 1;
}
inline bool is_valid(no_valid, unsigned) {
    #pragma HLS INLINE
    return true;
}

// Whether slot i is active: its bit under "mask"; a non-zero feature under "nonzero".
template <class data_T, unsigned n_chan> bool is_active(const data_T[], const valid_t valid[], unsigned i) {
    #pragma HLS INLINE
    return valid[i] == 1;
}
template <class data_T, unsigned n_chan> bool is_active(const data_T in[], no_valid, unsigned i) {
    #pragma HLS INLINE
    return slot_active<data_T, n_chan>(in, i);
}

// Whether feature x of slot i is written where only active data counts (flatten): every feature of
// a valid slot under "mask"; a non-zero feature under "nonzero".
template <class data_T> bool keeps_feature(const valid_t valid[], unsigned i, const data_T &) {
    #pragma HLS INLINE
    return valid[i] == 1;
}
template <class data_T> bool keeps_feature(no_valid, unsigned, const data_T &x) {
    #pragma HLS INLINE
    return x != 0;
}

// Writes slot i's output bit under "mask"; nothing under "nonzero".
inline void set_valid(valid_t valid[], unsigned i, bool bit) {
    #pragma HLS INLINE
    valid[i] = bit ? 1 : 0;
}
inline void set_valid(no_valid, unsigned, bool) {
    #pragma HLS INLINE
}

// Which slots a kernel computes (N slots of n_chan features); under "mask" the bits are also
// copied to the output (the kernel keeps its slots).
template <class data_T, typename CONFIG_T, class valid_in_T, class valid_out_T>
void slots_active(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan], valid_in_T valid_in, valid_out_T valid_out,
                  bool active[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) {
        active[i] = is_active<data_T, CONFIG_T::n_chan>(in, valid_in, i);
        set_valid(valid_out, i, active[i]);
    }
}

// The W-bit raw pattern of an ap value (its two's complement bits for signed types).
template <int W, class T> unsigned long long raw_bits(const T &x) {
    #pragma HLS INLINE
    return x.range(W - 1, 0).to_uint64();
}

// A W-bit pattern read as a signed integer.
template <int W> long long sign_extend(unsigned long long bits) {
    #pragma HLS INLINE
    if (W < 64 && ((bits >> (W - 1)) & 1)) bits |= ~((1ULL << (W < 64 ? W : 63)) - 1);
    return (long long)bits;
}

// Saturation bound of the table-index arithmetic: far beyond any table (<= 2^24 entries).
static const long long index_limit = 1LL << 40;

// floor(u * 2^shift) for u >= 0 (shift left or right), saturated at index_limit.
inline long long shift_floor_unsigned(unsigned long long u, int shift) {
    #pragma HLS INLINE
    if (u == 0) return 0;
    if (shift >= 0) {
        if (shift >= 40 || (u >> (40 - shift)) != 0) return index_limit;
        return (long long)(u << shift);
    }
    return -shift >= 64 ? 0 : (long long)(u >> -shift);
}

// floor(r * 2^shift) for a signed r, saturated at +-index_limit (a right shift floors).
inline long long shift_floor_signed(long long r, int shift) {
    #pragma HLS INLINE
    if (r >= 0) return shift_floor_unsigned((unsigned long long)r, shift);
    if (shift >= 0) return -shift_floor_unsigned(0ULL - (unsigned long long)r, shift);
    return -shift >= 63 ? -1 : ~((~r) >> -shift);
}

// floor(raw * 2^shift) of a W-bit value with signedness S.
template <int W, bool S, class T> long long shift_floor(const T &x, int shift) {
    #pragma HLS INLINE
    const unsigned long long bits = raw_bits<W>(x);
    return S ? shift_floor_signed(sign_extend<W>(bits), shift) : shift_floor_unsigned(bits, shift);
}

// q clamped to a table index in [0, size).
inline unsigned clamp_index(long long q, unsigned size) {
    #pragma HLS INLINE
    return q < 0 ? 0u : q >= (long long)size ? size - 1 : (unsigned)q;
}

} // namespace sp

#endif
