// sparsepixels ap_types: shared definitions (modes, machine integer types, bit helpers).
// Written from the behavioural specification docs/semantics.md#fixed-point; see ../README.md.
#ifndef SP_AP_COMMON_H
#define SP_AP_COMMON_H

#include <stdint.h>
#include <string.h>
#include <type_traits>

// Quantization and overflow modes; the numeric values are part of the contract (§1).
enum ap_q_mode {
  AP_RND = 0,
  AP_RND_ZERO = 1,
  AP_RND_MIN_INF = 2,
  AP_RND_INF = 3,
  AP_RND_CONV = 4,
  AP_TRN = 5,
  AP_TRN_ZERO = 6,
  SC_RND = AP_RND,
  SC_RND_ZERO = AP_RND_ZERO,
  SC_RND_MIN_INF = AP_RND_MIN_INF,
  SC_RND_INF = AP_RND_INF,
  SC_RND_CONV = AP_RND_CONV,
  SC_TRN = AP_TRN,
  SC_TRN_ZERO = AP_TRN_ZERO
};
enum ap_o_mode {
  AP_SAT = 0,
  AP_SAT_ZERO = 1,
  AP_SAT_SYM = 2,
  AP_WRAP = 3,
  AP_WRAP_SM = 4,
  SC_SAT = AP_SAT,
  SC_SAT_ZERO = AP_SAT_ZERO,
  SC_SAT_SYM = AP_SAT_SYM,
  SC_WRAP = AP_WRAP,
  SC_WRAP_SM = AP_WRAP_SM
};

// C++14 relaxed constexpr where available; C++11 builds get plain inline functions.
#if __cplusplus >= 201402L
#define SP_AP_CX14 constexpr
#else
#define SP_AP_CX14
#endif
#define SP_AP_INLINE inline __attribute__((always_inline))

// The widest type this implementation supports (operator results up to 128 bits).
#define SP_AP_MAX_W 128

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
class ap_fixed_base;
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
class ap_fixed;
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
class ap_ufixed;
template <int W, bool S>
class ap_int_base;
template <int W>
class ap_int;
template <int W>
class ap_uint;

namespace sp_ap_detail {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

// Machine integers: B = 64 or 128 bits, signed or not.
template <int B, bool S>
struct mint;
template <>
struct mint<64, true> { typedef int64_t type; };
template <>
struct mint<64, false> { typedef uint64_t type; };
template <>
struct mint<128, true> { typedef i128 type; };
template <>
struct mint<128, false> { typedef u128 type; };

template <class U>
struct mbits { static const int value = int(sizeof(U) * 8); };
template <class U>
struct msigned;
template <>
struct msigned<uint64_t> { typedef int64_t type; };
template <>
struct msigned<u128> { typedef i128 type; };

// The machine class (64 or 128 bits) that holds any W-bit value.
template <int W>
struct mclass { static const int value = W <= 64 ? 64 : 128; };

// Arithmetic type of a W-bit value of signedness S.
template <int W, bool S>
struct calc { typedef typename mint<mclass<W>::value, S>::type type; };

// Storage type: the smallest machine integer holding W bits (sizeof(ap_fixed<8,4>) == 1).
template <int W, bool S>
struct store {
  typedef typename std::conditional<
      (W <= 8), typename std::conditional<S, int8_t, uint8_t>::type,
      typename std::conditional<
          (W <= 16), typename std::conditional<S, int16_t, uint16_t>::type,
          typename std::conditional<
              (W <= 32), typename std::conditional<S, int32_t, uint32_t>::type,
              typename calc<W, S>::type>::type>::type>::type type;
};

constexpr int imax(int a, int b) { return a > b ? a : b; }
constexpr int imin(int a, int b) { return a < b ? a : b; }

// 2^k - 1 in U; 0 for k <= 0, all ones for k >= bits(U).
template <class U>
constexpr U low_mask(int k) {
  return k <= 0 ? U(0) : k >= mbits<U>::value ? U(~U(0)) : U((U(1) << k) - 1);
}

// Left shift in U, giving 0 when every bit leaves the word.
template <class U>
constexpr U shl(U v, int k) {
  return k >= mbits<U>::value ? U(0) : U(v << k);
}

// The W-bit pattern v read as signed (sign-extended to all of U) or unsigned (masked).
template <class U>
constexpr U finish(U v, int w, bool s) {
  return w >= mbits<U>::value ? v
         : s ? U(typename msigned<U>::type(U(v << (mbits<U>::value - w))) >> (mbits<U>::value - w))
             : U(v & low_mask<U>(w));
}

// Bit j of the infinitely sign-extended value (pattern r, extension bit neg).
template <class U>
constexpr bool bit_ext(U r, bool neg, int j) {
  return j < 0 ? false : j >= mbits<U>::value ? neg : bool((r >> j) & 1);
}

// Whether bits 0..k-1 of the extended value are not all zero.
template <class U>
constexpr bool low_nonzero(U r, bool neg, int k) {
  return k <= 0 ? false : k >= mbits<U>::value ? (r != 0 || neg) : (r & low_mask<U>(k)) != 0;
}

// floor(value / 2^d) for d >= 0 (arithmetic shift of the extended value).
template <class U>
constexpr U shr_ext(U r, bool neg, int d) {
  return d <= 0 ? r
         : d >= mbits<U>::value ? (neg ? U(~U(0)) : U(0))
         : U((r >> d) | (neg ? U(~(U(~U(0)) >> d)) : U(0)));
}

// Bit patterns of floating-point numbers.
inline uint64_t double_bits(double x) {
  uint64_t b = 0;
  memcpy(&b, &x, sizeof b);
  return b;
}
inline uint32_t float_bits(float x) {
  uint32_t b = 0;
  memcpy(&b, &x, sizeof b);
  return b;
}

// 2^e as a double / float (exact for the normal range), folded at compile time.
constexpr double pow2d(int e) {
  return e == 0 ? 1.0 : e < 0 ? 1.0 / pow2d(-e) : (e & 1 ? 2.0 : 1.0) * pow2d(e / 2) * pow2d(e / 2);
}
constexpr float pow2f(int e) {
  return e == 0 ? 1.0f : e < 0 ? 1.0f / pow2f(-e) : (e & 1 ? 2.0f : 1.0f) * pow2f(e / 2) * pow2f(e / 2);
}

}  // namespace sp_ap_detail

#endif  // SP_AP_COMMON_H
