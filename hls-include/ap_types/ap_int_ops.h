// sparsepixels ap_types: operators between ap_int/ap_uint and ap_int or C integers (§6.5), and
// ap_int (+) double/float, which is floating-point arithmetic on the 64-bit value (§6.3).
#ifndef SP_AP_INT_OPS_H
#define SP_AP_INT_OPS_H

#include "ap_fixed_ops.h"
#include "ap_int_base.h"

namespace sp_ap_detail {

template <class A, class B, bool Enable>
struct int_arith {};

template <class A, class B>
struct int_arith<A, B, true> {
  typedef operand<A> X;
  typedef operand<B> Y;
  static const int Wu = imax(X::W + (Y::S && !X::S), Y::W + (X::S && !Y::S));
  static const bool Sr = X::S || Y::S;
  // Division and remainder: both operands widened to M bits, read with the wider one's signedness.
  static const int M = imax(X::W, Y::W) + Sr;
  static const bool St = X::W > Y::W ? X::S : Y::W > X::W ? Y::S : Sr;
  typedef typename int_type<Wu + 1, Sr>::type add_type;
  typedef typename int_type<Wu + 1, true>::type sub_type;
  typedef typename int_type<X::W + Y::W, Sr>::type mul_type;
  typedef typename int_type<X::W + int(Y::S), Sr>::type div_type;
  typedef typename int_type<imin(X::W, Y::W + (X::S && !Y::S)), X::S>::type mod_type;
  typedef typename int_type<Wu, Sr>::type bit_type;

  template <class R, class V>
  static SP_AP_CX14 SP_AP_INLINE R make(V v) {
    typedef typename operand<R>::calc_type C;
    typedef typename mint<mbits<C>::value, false>::type UC;
    return raw_access::make<R>(C(finish(UC(v), operand<R>::W, operand<R>::S)));
  }
  static SP_AP_CX14 SP_AP_INLINE add_type add(const A& a, const B& b) {
    typedef typename operand<add_type>::calc_type C;
    return raw_access::make<add_type>(C(C(X::raw(a)) + C(Y::raw(b))));
  }
  static SP_AP_CX14 SP_AP_INLINE sub_type sub(const A& a, const B& b) {
    typedef typename operand<sub_type>::calc_type C;
    return raw_access::make<sub_type>(C(C(X::raw(a)) - C(Y::raw(b))));
  }
  static SP_AP_CX14 SP_AP_INLINE mul_type mul(const A& a, const B& b) {
    typedef typename operand<mul_type>::calc_type C;
    return raw_access::make<mul_type>(C(C(X::raw(a)) * C(Y::raw(b))));
  }
  // The operand extended by its own signedness to M bits, read as signed (Sign) or unsigned.
  template <class C, bool Sign>
  static SP_AP_CX14 SP_AP_INLINE C widened(typename mint<mbits<C>::value, false>::type pattern) {
    return C(finish(finish(pattern, M, false), M, Sign));
  }
  static SP_AP_CX14 SP_AP_INLINE div_type div(const A& a, const B& b) {
    static_assert(M <= 128, "sparsepixels ap_types: division wider than 128 bits is not supported");
    typedef typename mint<M <= 64 ? 64 : 128, St>::type D;
    typedef typename mint<M <= 64 ? 64 : 128, false>::type UD;
    const D n = widened<D, St>(UD(X::raw(a)));
    const D d = widened<D, St>(UD(Y::raw(b)));
    const D q = (St && d == D(UD(~UD(0)))) ? D(UD(0) - UD(n)) : D(n / d);
    return make<div_type>(finish(UD(q), M, St));
  }
  static SP_AP_CX14 SP_AP_INLINE mod_type mod(const A& a, const B& b) {
    static_assert(M <= 128, "sparsepixels ap_types: remainder wider than 128 bits is not supported");
    typedef typename mint<M <= 64 ? 64 : 128, St && X::S>::type D;
    typedef typename mint<M <= 64 ? 64 : 128, false>::type UD;
    const D n = widened<D, St && X::S>(UD(X::raw(a)));
    const D d = widened<D, St && X::S>(UD(Y::raw(b)));
    const D r = (St && X::S && d == D(UD(~UD(0)))) ? D(0) : D(n % d);
    return make<mod_type>(UD(r));
  }
  template <class C>
  static SP_AP_CX14 SP_AP_INLINE C bits_a(const A& a) { return C(X::raw(a)); }
  template <class C>
  static SP_AP_CX14 SP_AP_INLINE C bits_b(const B& b) { return C(Y::raw(b)); }
  static SP_AP_CX14 SP_AP_INLINE bit_type bit_and(const A& a, const B& b) {
    typedef typename operand<bit_type>::calc_type C;
    return make<bit_type>(C(bits_a<C>(a) & bits_b<C>(b)));
  }
  static SP_AP_CX14 SP_AP_INLINE bit_type bit_or(const A& a, const B& b) {
    typedef typename operand<bit_type>::calc_type C;
    return make<bit_type>(C(bits_a<C>(a) | bits_b<C>(b)));
  }
  static SP_AP_CX14 SP_AP_INLINE bit_type bit_xor(const A& a, const B& b) {
    typedef typename operand<bit_type>::calc_type C;
    return make<bit_type>(C(bits_a<C>(a) ^ bits_b<C>(b)));
  }
};

template <class T>
struct int_left { static const bool value = operand<T>::ok && operand<T>::kind != KIND_FIXED; };

}  // namespace sp_ap_detail

#define SP_AP_INT_ARITH_L sp_ap_detail::int_arith<ap_int_base<W1, S1>, B, sp_ap_detail::int_left<B>::value>
#define SP_AP_INT_ARITH_R sp_ap_detail::int_arith<A, ap_int_base<W2, S2>, sp_ap_detail::is_cint<A>::value>

#define SP_AP_INT_BINARY(OP, TYPE, CALL)                                                                  \
  template <int W1, bool S1, class B>                                                                     \
  SP_AP_CX14 SP_AP_INLINE typename SP_AP_INT_ARITH_L::TYPE operator OP(const ap_int_base<W1, S1>& a, const B& b) { \
    return SP_AP_INT_ARITH_L::CALL(a, b);                                                                 \
  }                                                                                                       \
  template <class A, int W2, bool S2>                                                                     \
  SP_AP_CX14 SP_AP_INLINE typename SP_AP_INT_ARITH_R::TYPE operator OP(const A& a, const ap_int_base<W2, S2>& b) { \
    return SP_AP_INT_ARITH_R::CALL(a, b);                                                                 \
  }

SP_AP_INT_BINARY(+, add_type, add)
SP_AP_INT_BINARY(-, sub_type, sub)
SP_AP_INT_BINARY(*, mul_type, mul)
SP_AP_INT_BINARY(/, div_type, div)
SP_AP_INT_BINARY(%, mod_type, mod)
SP_AP_INT_BINARY(&, bit_type, bit_and)
SP_AP_INT_BINARY(|, bit_type, bit_or)
SP_AP_INT_BINARY(^, bit_type, bit_xor)

// -a is max(1 + S, W) + 1 bits, signed; ~a keeps the type.
template <int W, bool S>
SP_AP_CX14 SP_AP_INLINE ap_int<sp_ap_detail::imax(1 + S, W) + 1> operator-(const ap_int_base<W, S>& a) {
  typedef ap_int<sp_ap_detail::imax(1 + S, W) + 1> R;
  typedef typename sp_ap_detail::operand<R>::calc_type C;
  return sp_ap_detail::raw_access::make<R>(C(C(0) - C(sp_ap_detail::raw_access::get(a))));
}
template <int W, bool S>
SP_AP_CX14 SP_AP_INLINE typename sp_ap_detail::int_type<W, S>::type operator~(const ap_int_base<W, S>& a) {
  typedef typename sp_ap_detail::int_type<W, S>::type R;
  typedef typename ap_int_base<W, S>::sp_bits_type U;
  return sp_ap_detail::raw_access::make<R>(sp_ap_detail::finish(U(~U(sp_ap_detail::raw_access::get(a))), W, S));
}

// ap_int (+) double / float: floating-point arithmetic on the value as a 64-bit C integer.
#define SP_AP_INT_FLOAT_BINARY(OP, FT)                                                      \
  template <int W, bool S>                                                                  \
  inline FT operator OP(const ap_int_base<W, S>& a, FT b) {                                 \
    return FT(typename ap_int_base<W, S>::sp_ret_type(a)) OP b;                             \
  }                                                                                         \
  template <int W, bool S>                                                                  \
  inline FT operator OP(FT a, const ap_int_base<W, S>& b) {                                 \
    return a OP FT(typename ap_int_base<W, S>::sp_ret_type(b));                             \
  }
SP_AP_INT_FLOAT_BINARY(+, double)
SP_AP_INT_FLOAT_BINARY(-, double)
SP_AP_INT_FLOAT_BINARY(*, double)
SP_AP_INT_FLOAT_BINARY(/, double)
SP_AP_INT_FLOAT_BINARY(+, float)
SP_AP_INT_FLOAT_BINARY(-, float)
SP_AP_INT_FLOAT_BINARY(*, float)
SP_AP_INT_FLOAT_BINARY(/, float)

#endif  // SP_AP_INT_OPS_H
