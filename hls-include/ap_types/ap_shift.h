// sparsepixels ap_types: << and >> (§8): the raw bits move inside the W-bit container; the type,
// and so the binary point, stay. No quantization or saturation; negative signed amounts reverse.
#ifndef SP_AP_SHIFT_H
#define SP_AP_SHIFT_H

#include "ap_fixed_base.h"
#include "ap_int_base.h"

namespace sp_ap_detail {

// The shift amount of a C integer (its value) or an ap value (to_int / to_uint), clamped.
template <bool S>
struct clamp_amount {
  static SP_AP_CX14 SP_AP_INLINE long long get(long long v) { return v < -(1 << 20) ? -(1 << 20) : v; }
};
template <>
struct clamp_amount<false> {
  static SP_AP_CX14 SP_AP_INLINE long long get(unsigned long long v) {
    return v > (1u << 20) ? (1 << 20) : (long long)v;
  }
};
template <class T, operand_kind K = operand<T>::kind>
struct shift_amount {
  static SP_AP_CX14 SP_AP_INLINE long long get(const T& n) { return clamp_amount<operand<T>::S>::get(n); }
};
template <class T>
struct shift_amount<T, KIND_INT> {
  static SP_AP_CX14 SP_AP_INLINE long long get(const T& n) {
    return operand<T>::S ? (long long)n.to_int() : (long long)n.to_uint();
  }
};
template <class T>
struct shift_amount<T, KIND_FIXED> {
  static SP_AP_CX14 SP_AP_INLINE long long get(const T& n) {
    return operand<T>::S ? (long long)n.to_int() : (long long)n.to_uint();
  }
};

// r (sign-extended pattern of a W-bit value) shifted left (or right) by n, in the same W bits.
template <class U, int W, bool S>
SP_AP_CX14 SP_AP_INLINE U shift_raw(U r, long long n, bool left) {
  if (n < 0) {
    left = !left;
    n = -n;
  }
  const bool neg = S && ((r >> (W - 1)) & 1) != 0;
  if (left) return n >= W ? U(0) : finish(U(r << n), W, S);
  return n >= W ? (neg ? U(~U(0)) : U(0)) : finish(shr_ext(r, neg, int(n)), W, S);
}

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
struct fixed_class { typedef ap_fixed<W, I, Q, O, N> type; };
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
struct fixed_class<W, I, false, Q, O, N> { typedef ap_ufixed<W, I, Q, O, N> type; };

template <class R, class X, class T>
SP_AP_CX14 SP_AP_INLINE R shifted(const X& x, const T& n, bool left) {
  typedef typename X::sp_bits_type U;
  return raw_access::make<R>(
      shift_raw<U, X::width, operand<X>::S>(U(raw_access::get(x)), shift_amount<T>::get(n), left));
}

}  // namespace sp_ap_detail

#define SP_AP_SHIFT_OPS(OP, LEFT)                                                                      \
  template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N, class T>                            \
  SP_AP_CX14 SP_AP_INLINE typename std::enable_if<sp_ap_detail::operand<T>::ok,                        \
                                                  typename sp_ap_detail::fixed_class<W, I, S, Q, O, N>::type>::type \
  operator OP(const ap_fixed_base<W, I, S, Q, O, N>& x, const T& n) {                                  \
    return sp_ap_detail::shifted<typename sp_ap_detail::fixed_class<W, I, S, Q, O, N>::type>(x, n, LEFT); \
  }                                                                                                    \
  template <int W, bool S, class T>                                                                    \
  SP_AP_CX14 SP_AP_INLINE                                                                              \
      typename std::enable_if<sp_ap_detail::operand<T>::ok, typename sp_ap_detail::int_type<W, S>::type>::type \
      operator OP(const ap_int_base<W, S>& x, const T& n) {                                            \
    return sp_ap_detail::shifted<typename sp_ap_detail::int_type<W, S>::type>(x, n, LEFT);             \
  }

SP_AP_SHIFT_OPS(<<, true)
SP_AP_SHIFT_OPS(>>, false)

#endif  // SP_AP_SHIFT_H
