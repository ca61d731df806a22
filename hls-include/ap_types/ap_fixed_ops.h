// sparsepixels ap_types: + - * / and unary - when at least one operand is a fixed type (§6.1-6.4).
// ap_int and C integer operands read as <W, W, S>. Results are exact and carry AP_TRN/AP_WRAP/0.
#ifndef SP_AP_FIXED_OPS_H
#define SP_AP_FIXED_OPS_H

#include "ap_fixed_base.h"

namespace sp_ap_detail {

// v * 2^k in the (wide enough) machine type C.
template <class C, class V>
SP_AP_CX14 SP_AP_INLINE C aligned(V v, int k) {
  typedef typename mint<mbits<C>::value, false>::type UC;
  return C(UC(UC(C(v)) << k));
}

template <class A, class B, bool Enable>
struct fx_arith {};

template <class A, class B>
struct fx_arith<A, B, true> {
  typedef operand<A> X;
  typedef operand<B> Y;
  static const int Iu = imax(X::I + (Y::S && !X::S), Y::I + (X::S && !Y::S));
  static const int Fm = imax(X::F, Y::F);
  static const bool Sr = X::S || Y::S;
  static const int F2p = imax(Y::F, 0);
  // Internal width of the division (§6.4); the quotient wraps to it.
  static const int Mdiv = imax(X::W + F2p + (Y::S && !X::S), Y::W + (X::S && !Y::S));
  typedef typename fixed_type<Iu + 1 + Fm, Iu + 1, Sr>::type add_type;
  typedef typename fixed_type<Iu + 1 + Fm, Iu + 1, true>::type sub_type;
  typedef typename fixed_type<X::W + Y::W, X::I + Y::I, Sr>::type mul_type;
  typedef typename fixed_type<int(Y::S) + X::W + F2p, int(Y::S) + X::I + Y::F, Sr>::type div_type;

  static SP_AP_CX14 SP_AP_INLINE add_type add(const A& a, const B& b) {
    typedef typename operand<add_type>::calc_type C;
    return raw_access::make<add_type>(C(aligned<C>(X::raw(a), Fm - X::F) + aligned<C>(Y::raw(b), Fm - Y::F)));
  }
  static SP_AP_CX14 SP_AP_INLINE sub_type sub(const A& a, const B& b) {
    typedef typename operand<sub_type>::calc_type C;
    return raw_access::make<sub_type>(C(aligned<C>(X::raw(a), Fm - X::F) - aligned<C>(Y::raw(b), Fm - Y::F)));
  }
  static SP_AP_CX14 SP_AP_INLINE mul_type mul(const A& a, const B& b) {
    typedef typename operand<mul_type>::calc_type C;
    return raw_access::make<mul_type>(C(C(X::raw(a)) * C(Y::raw(b))));
  }
  // trunc(r1 * 2^max(F2,0) / r2), wrapped to Mdiv bits, then to the result width.
  static SP_AP_CX14 SP_AP_INLINE div_type div(const A& a, const B& b) {
    static_assert(Mdiv <= 128, "sparsepixels ap_types: division whose internal width exceeds 128 bits is not supported");
    typedef typename mint<(Mdiv < 64 || (!Sr && Mdiv == 64)) ? 64 : 128, Sr>::type D;
    typedef typename mint<mbits<D>::value, false>::type UD;
    const D n = aligned<D>(X::raw(a), F2p);
    const D d = D(Y::raw(b));
    const D q = (Sr && d == D(UD(~UD(0)))) ? D(UD(0) - UD(n)) : D(n / d);  // x / -1 without overflow
    const UD wrapped = finish(UD(q), Mdiv, Sr);
    typedef typename operand<div_type>::calc_type R;
    return raw_access::make<div_type>(R(finish(wrapped, operand<div_type>::W, Sr)));
  }
};

template <class A>
struct fx_unary {
  typedef operand<A> X;
  typedef typename fixed_type<X::W + 1, X::I + 1, true>::type neg_type;
  static SP_AP_CX14 SP_AP_INLINE neg_type neg(const A& a) {
    typedef typename operand<neg_type>::calc_type C;
    return raw_access::make<neg_type>(C(C(0) - C(X::raw(a))));
  }
};

// Operand pairs handled here: fixed (+) anything, or ap_int/C integer (+) fixed.
template <class T>
struct fx_left { static const bool value = operand<T>::ok; };
template <class T>
struct fx_right { static const bool value = operand<T>::ok && operand<T>::kind != KIND_FIXED; };

}  // namespace sp_ap_detail

#define SP_AP_FX_TEMPLATE_L template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, class B>
#define SP_AP_FX_TEMPLATE_R template <class A, int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
#define SP_AP_FX_L ap_fixed_base<W1, I1, S1, Q1, O1, N1>
#define SP_AP_FX_R ap_fixed_base<W2, I2, S2, Q2, O2, N2>
#define SP_AP_FX_ARITH_L sp_ap_detail::fx_arith<SP_AP_FX_L, B, sp_ap_detail::fx_left<B>::value>
#define SP_AP_FX_ARITH_R sp_ap_detail::fx_arith<A, SP_AP_FX_R, sp_ap_detail::fx_right<A>::value>

#define SP_AP_FX_BINARY(OP, TYPE, CALL)                                                               \
  SP_AP_FX_TEMPLATE_L SP_AP_CX14 SP_AP_INLINE typename SP_AP_FX_ARITH_L::TYPE operator OP(const SP_AP_FX_L& a, \
                                                                                       const B& b) {    \
    return SP_AP_FX_ARITH_L::CALL(a, b);                                                              \
  }                                                                                                   \
  SP_AP_FX_TEMPLATE_R SP_AP_CX14 SP_AP_INLINE typename SP_AP_FX_ARITH_R::TYPE operator OP(const A& a,      \
                                                                                       const SP_AP_FX_R& b) { \
    return SP_AP_FX_ARITH_R::CALL(a, b);                                                              \
  }

SP_AP_FX_BINARY(+, add_type, add)
SP_AP_FX_BINARY(-, sub_type, sub)
SP_AP_FX_BINARY(*, mul_type, mul)
SP_AP_FX_BINARY(/, div_type, div)

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
SP_AP_CX14 SP_AP_INLINE typename sp_ap_detail::fx_unary<ap_fixed_base<W, I, S, Q, O, N> >::neg_type operator-(
    const ap_fixed_base<W, I, S, Q, O, N>& a) {
  return sp_ap_detail::fx_unary<ap_fixed_base<W, I, S, Q, O, N> >::neg(a);
}

#endif  // SP_AP_FIXED_OPS_H
