// sparsepixels ap_types: the general conversion (quantization §2, overflow §3, §4.1) and the
// conversions from double/float (§4.3, §4.4) and to integers (§4.5).
#ifndef SP_AP_CONVERT_H
#define SP_AP_CONVERT_H

#include "ap_common.h"

namespace sp_ap_detail {

// Rounding increment of quantization mode Q for discarding d >= 1 bits of the extended value.
template <class U, ap_q_mode Q>
SP_AP_CX14 SP_AP_INLINE bool round_inc(U r, bool neg, int d, U fl) {
  if (Q == AP_TRN) return false;
  const bool half = bit_ext(r, neg, d - 1);       // rem >= h
  const bool below = low_nonzero(r, neg, d - 1);  // bits under the half bit
  switch (Q) {
    case AP_TRN_ZERO: return neg && (half || below);
    case AP_RND: return half;
    case AP_RND_ZERO: return half && (below || neg);
    case AP_RND_MIN_INF: return half && below;
    case AP_RND_INF: return half && (below || !neg);
    case AP_RND_CONV: return half && (below || (fl & 1) != 0);
    default: return false;
  }
}

// Whether value * 2^k lies in the W-bit range of signedness S (k >= 0).
template <class U, int W, bool S>
SP_AP_CX14 SP_AP_INLINE bool fits_shifted(U r, bool neg, int k) {
  typedef typename msigned<U>::type C;
  if (!S) return !neg && r <= low_mask<U>(W - k);
  const U hi = low_mask<U>(W - 1 - k);  // floor(hi / 2^k)
  if (!neg) return r <= hi;
  const C lo = k <= W - 1 ? C(~hi) : C(0);  // ceil(lo / 2^k)
  return C(r) >= lo;
}

// Overflow handling (§3) of the quantized value: v = q mod 2^B, s = [q < 0], lD as in §3.
template <class U, int W, bool S, ap_o_mode O, int N>
SP_AP_CX14 SP_AP_INLINE U apply_overflow(U v, bool s, bool in_range, bool lD) {
  const U top = U(U(1) << (W - 1));
  const U hi = S ? low_mask<U>(W - 1) : low_mask<U>(W);
  const U lo = S ? finish(top, W, true) : U(0);
  if (in_range) {
    if (O == AP_SAT_SYM && S && W >= 2 && (v & low_mask<U>(W)) == top) return U(lo + 1);
    return finish(v, W, S);
  }
  const int n = N < W ? N : W;
  const U mid = shl(low_mask<U>(n - 1), W - n);  // bits W-2 .. W-N
  switch (O) {
    case AP_SAT: return s ? lo : hi;
    case AP_SAT_SYM: return s ? (S && W >= 2 ? U(lo + 1) : lo) : hi;
    case AP_SAT_ZERO: return U(0);
    case AP_WRAP_SM: {
      if (n == 0) {
        if (lD != bool((v >> (W - 1)) & 1)) v = U(~v);
        v = lD ? U(v | top) : U(v & ~top);
        return finish(v, W, S);
      }
      const bool pivot = bool((v >> (W - (n > 0 ? n : 1))) & 1);
      if (n == 1 ? pivot != s : pivot == s) v = U(~v);
      if (n == 1) return finish(s ? U(v | top) : U(v & ~top), W, S);
      return finish(s ? U((v | top) & ~mid) : U((v & ~top) | mid), W, S);
    }
    default:  // AP_WRAP
      if (n == 0) return finish(v, W, S);
      if (!S) return finish(U(v | shl(low_mask<U>(n), W - n)), W, S);
      return finish(s ? U((v | top) & ~mid) : U((v & ~top) | mid), W, S);
  }
}

// The general conversion (§4.1): the source is the value with pattern r (extension bit neg) and
// ws bits, d = F_src - F. Returns the destination raw, sign-extended to all of U when S.
template <class U, int W, bool S, ap_q_mode Q, ap_o_mode O, int N>
SP_AP_CX14 SP_AP_INLINE U convert_bits(U r, bool neg, int ws, int d) {
  typedef typename msigned<U>::type C;
  U v = 0;
  bool s = false;
  bool in_range = false;
  if (d > 0) {
    const U fl = shr_ext(r, neg, d);
    v = U(fl + U(round_inc<U, Q>(r, neg, d, fl)));
    s = C(v) < 0;
    in_range = S ? (C(v) >= C(finish(U(U(1) << (W - 1)), W, true)) && C(v) <= C(low_mask<U>(W - 1)))
                 : (!s && v <= low_mask<U>(W));
  } else {
    s = neg;
    in_range = fits_shifted<U, W, S>(r, neg, -d);
    v = shl(r, -d);
  }
  bool lD = false;
  if (O == AP_WRAP_SM && N == 0 && !in_range) {
    const int j = W + d;  // bit W of the truncated aligned source
    lD = j < ws && bit_ext(r, neg, j);
  }
  return apply_overflow<U, W, S, O, N>(v, s, in_range, lD);
}

// §4.3: a double into a fixed type with F = W - I fractional bits.
template <class U, int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
inline U fixed_from_double(double x) {
  const uint64_t b = double_bits(x);
  const int e = int((b >> 52) & 0x7ff);
  const uint64_t m = b & ((uint64_t(1) << 52) - 1);
  if (e == 0 && m == 0) return U(0);
  const bool neg = (b >> 63) != 0;
  const U mag = U(m | (uint64_t(1) << 52));
  const int d = (1075 - e) - (W - I);  // F_src - F, subnormals read with exponent -1023
  return convert_bits<U, W, S, Q, O, N>(neg ? U(U(0) - mag) : mag, neg, 54, d);
}

// §4.4: a floating value (sign, biased exponent e, fraction m of fbits bits) into a W-bit integer.
template <class U, int W, bool S>
inline U int_from_float_fields(bool neg, int e, uint64_t m, int fbits, int bias) {
  if (e == 0 && m == 0) return U(0);
  const U mag = U(m | (uint64_t(1) << fbits));
  const int sh = fbits - (e - bias);
  U v = 0;
  if (sh == 0) v = mag;
  else if (sh > 0 && sh < fbits + 2) v = U(mag >> sh);
  else if (sh >= fbits + 2) v = neg ? U(~U(0)) : U(0);  // [quirk] so negative |x| < 0.5 gives +1
  else v = -sh < W ? shl(mag, -sh) : U(0);
  if (neg) v = U(U(0) - v);
  return finish(v, W, S);
}

template <class U, int W, bool S>
inline U int_from_double(double x) {
  const uint64_t b = double_bits(x);
  return int_from_float_fields<U, W, S>((b >> 63) != 0, int((b >> 52) & 0x7ff),
                                        b & ((uint64_t(1) << 52) - 1), 52, 1023);
}

template <class U, int W, bool S>
inline U int_from_float(float x) {
  const uint32_t b = float_bits(x);
  return int_from_float_fields<U, W, S>((b >> 31) != 0, int((b >> 23) & 0xff), b & 0x7fffffu, 23, 127);
}

// §4.5: the integer part of a fixed value (toward zero; I <= 0 gives 0, or -1 for negatives).
template <class U>
SP_AP_CX14 SP_AP_INLINE U fixed_int_part(U r, bool neg, int w, int i, bool s) {
  if (i > w) return shl(r, i - w);
  if (i <= 0) return neg ? U(~U(0)) : U(0);
  const int f = w - i;
  const U fl = shr_ext(r, neg, f);
  return (s && neg && low_nonzero(r, neg, f)) ? U(fl + 1) : fl;
}

}  // namespace sp_ap_detail

#endif  // SP_AP_CONVERT_H
