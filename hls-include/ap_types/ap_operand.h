// sparsepixels ap_types: how every operand kind reads as a fixed-point triple (W, I, signed).
// ap_int<W> is <W, W, S>; C integers are <bits, bits, signed?> (§4.2, §6.2).
#ifndef SP_AP_OPERAND_H
#define SP_AP_OPERAND_H

#include "ap_common.h"

namespace sp_ap_detail {

enum operand_kind { KIND_CINT = 0, KIND_INT = 1, KIND_FIXED = 2 };

// Reads and writes the raw integer of an ap value (the classes befriend this struct).
struct raw_access {
  template <class T>
  static SP_AP_CX14 SP_AP_INLINE typename T::sp_calc_type get(const T& x) {
    return typename T::sp_calc_type(x.raw_);
  }
  template <class T, class V>
  static SP_AP_CX14 SP_AP_INLINE void set(T& x, V v) {
    x.raw_ = typename T::sp_store_type(v);
  }
  template <class T, class V>
  static SP_AP_CX14 SP_AP_INLINE T make(V v) {
    T x;
    x.raw_ = typename T::sp_store_type(v);
    return x;
  }
};

template <int W_, int I_, bool S_, ap_q_mode Q_, ap_o_mode O_, int N_, operand_kind K_>
struct operand_info {
  static const bool ok = true;
  static const int W = W_;
  static const int I = I_;
  static const int F = W_ - I_;
  static const bool S = S_;
  static const ap_q_mode Q = Q_;
  static const ap_o_mode O = O_;
  static const int N = N_;
  static const operand_kind kind = K_;
  typedef typename calc<W_, S_>::type calc_type;
};

template <class T>
struct operand {
  static const bool ok = false;
  static const operand_kind kind = KIND_CINT;
};

template <class T, int Bits, bool S>
struct cint_operand : operand_info<Bits, Bits, S, AP_TRN, AP_WRAP, 0, KIND_CINT> {
  typedef typename calc<Bits, S>::type calc_type;
  static SP_AP_CX14 SP_AP_INLINE calc_type raw(T v) { return calc_type(v); }
};

template <>
struct operand<bool> : cint_operand<bool, 1, false> {};
template <>
struct operand<char> : cint_operand<char, 8, std::is_signed<char>::value> {};
template <>
struct operand<signed char> : cint_operand<signed char, 8, true> {};
template <>
struct operand<unsigned char> : cint_operand<unsigned char, 8, false> {};
template <>
struct operand<short> : cint_operand<short, 16, true> {};
template <>
struct operand<unsigned short> : cint_operand<unsigned short, 16, false> {};
template <>
struct operand<int> : cint_operand<int, 32, true> {};
template <>
struct operand<unsigned> : cint_operand<unsigned, 32, false> {};
template <>
struct operand<long> : cint_operand<long, int(sizeof(long) * 8), true> {};
template <>
struct operand<unsigned long> : cint_operand<unsigned long, int(sizeof(long) * 8), false> {};
template <>
struct operand<long long> : cint_operand<long long, 64, true> {};
template <>
struct operand<unsigned long long> : cint_operand<unsigned long long, 64, false> {};

template <class T, int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N, operand_kind K>
struct ap_operand : operand_info<W, I, S, Q, O, N, K> {
  typedef typename calc<W, S>::type calc_type;
  static SP_AP_CX14 SP_AP_INLINE calc_type raw(const T& v) { return raw_access::get(v); }
};

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
struct operand<ap_fixed_base<W, I, S, Q, O, N> >
    : ap_operand<ap_fixed_base<W, I, S, Q, O, N>, W, I, S, Q, O, N, KIND_FIXED> {};
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
struct operand<ap_fixed<W, I, Q, O, N> >
    : ap_operand<ap_fixed_base<W, I, true, Q, O, N>, W, I, true, Q, O, N, KIND_FIXED> {};
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
struct operand<ap_ufixed<W, I, Q, O, N> >
    : ap_operand<ap_fixed_base<W, I, false, Q, O, N>, W, I, false, Q, O, N, KIND_FIXED> {};
template <int W, bool S>
struct operand<ap_int_base<W, S> > : ap_operand<ap_int_base<W, S>, W, W, S, AP_TRN, AP_WRAP, 0, KIND_INT> {};
template <int W>
struct operand<ap_int<W> > : ap_operand<ap_int_base<W, true>, W, W, true, AP_TRN, AP_WRAP, 0, KIND_INT> {};
template <int W>
struct operand<ap_uint<W> > : ap_operand<ap_int_base<W, false>, W, W, false, AP_TRN, AP_WRAP, 0, KIND_INT> {};

// Whether T is a C integer type / an ap type / either.
template <class T>
struct is_cint { static const bool value = operand<T>::ok && operand<T>::kind == KIND_CINT; };
template <class T>
struct is_ap { static const bool value = operand<T>::ok && operand<T>::kind != KIND_CINT; };

// The result classes of operators: ap_fixed / ap_ufixed and ap_int / ap_uint.
template <int W, int I, bool S>
struct fixed_type { typedef ap_fixed<W, I, AP_TRN, AP_WRAP, 0> type; };
template <int W, int I>
struct fixed_type<W, I, false> { typedef ap_ufixed<W, I, AP_TRN, AP_WRAP, 0> type; };
template <int W, bool S>
struct int_type { typedef ap_int<W> type; };
template <int W>
struct int_type<W, false> { typedef ap_uint<W> type; };

// Source description for convert_bits: the raw as an extended pattern in U.
template <class U, class T>
SP_AP_CX14 SP_AP_INLINE U pattern_of(const T& v) {
  return U(operand<T>::raw(v));
}
// Whether a raw value is negative (no comparison for unsigned types: -Wtype-limits).
template <bool S>
struct sign_of {
  template <class V>
  static constexpr bool neg(V v) { return v < 0; }
};
template <>
struct sign_of<false> {
  template <class V>
  static constexpr bool neg(V) { return false; }
};
template <class T>
SP_AP_CX14 SP_AP_INLINE bool is_negative(const T& v) {
  return sign_of<operand<T>::S>::neg(operand<T>::raw(v));
}

}  // namespace sp_ap_detail

#endif  // SP_AP_OPERAND_H
