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

// Which slots a kernel computes (N slots of n_chan features): activity "nonzero" = a non-zero
// feature; "mask" = the validity bit, which the kernel also copies to its output.
template <class data_T, typename CONFIG_T>
void slots_active(const data_T in[CONFIG_T::N_MAX * CONFIG_T::n_chan], bool active[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) active[i] = slot_active<data_T, CONFIG_T::n_chan>(in, i);
}

template <typename CONFIG_T>
void slots_valid(const valid_t valid_in[CONFIG_T::N_MAX], valid_t valid_out[CONFIG_T::N_MAX], bool active[CONFIG_T::N_MAX]) {
    #pragma HLS INLINE
    for (unsigned i = 0; i < CONFIG_T::N_MAX; i++) {
        active[i] = valid_in[i] == 1;
        valid_out[i] = valid_in[i];
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
