// sparsepixels ap_types: ap_fixed_base<W, I, S, Q, O, N> and ap_fixed / ap_ufixed.
#ifndef SP_AP_FIXED_BASE_H
#define SP_AP_FIXED_BASE_H

#include <cmath>

#include "ap_convert.h"
#include "ap_int_base.h"
#include "ap_operand.h"
#include "ap_ref.h"

namespace sp_ap_detail {
template <int E>
struct pow2c {
  // Only used inside the normal range; other exponents go through std::ldexp.
  static constexpr double d = pow2d(E <= 1000 && E >= -1000 ? E : 0);
  static constexpr float f = pow2f(E <= 126 && E >= -125 ? E : 0);
};
}  // namespace sp_ap_detail

template <int W, int I, bool S = true, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
class ap_fixed_base {
  static_assert(W >= 1, "sparsepixels ap_types: ap_fixed/ap_ufixed width must be at least 1");
  static_assert(W <= SP_AP_MAX_W,
                "sparsepixels ap_types: widths above 128 bits are not supported "
                "(declared widths up to 64, operator results up to 128)");
  static_assert(S || O != AP_WRAP_SM, "sparsepixels ap_types: ap_ufixed cannot use AP_WRAP_SM (signed types only)");
  static_assert(N >= 0, "sparsepixels ap_types: saturation bits N must be >= 0");

 public:
  typedef typename sp_ap_detail::calc<W, S>::type sp_calc_type;
  typedef typename sp_ap_detail::store<W, S>::type sp_store_type;
  typedef typename sp_ap_detail::mint<sp_ap_detail::mclass<W>::value, false>::type sp_bits_type;
  static constexpr int width = W;
  static constexpr int iwidth = I;
  static constexpr ap_q_mode qmode = Q;
  static constexpr ap_o_mode omode = O;

  constexpr ap_fixed_base() : raw_(0) {}
  template <class T, typename std::enable_if<sp_ap_detail::operand<T>::ok, int>::type = 0>
  SP_AP_CX14 ap_fixed_base(const T& v) : raw_(from_operand(v)) {}
  ap_fixed_base(double x) : raw_(from_double(x)) {}
  ap_fixed_base(float x) : raw_(from_double(double(x))) {}

  template <class T, typename std::enable_if<sp_ap_detail::operand<T>::ok, int>::type = 0>
  SP_AP_CX14 ap_fixed_base& operator=(const T& v) {
    raw_ = from_operand(v);
    return *this;
  }
  ap_fixed_base& operator=(double x) { raw_ = from_double(x); return *this; }
  ap_fixed_base& operator=(float x) { raw_ = from_double(double(x)); return *this; }

  // a op= b  is  a = T_a(a op b): the exact result written with a's Q, O and N (§7).
  template <class T> ap_fixed_base& operator+=(const T& b) { return *this = *this + b; }
  template <class T> ap_fixed_base& operator-=(const T& b) { return *this = *this - b; }
  template <class T> ap_fixed_base& operator*=(const T& b) { return *this = *this * b; }
  template <class T> ap_fixed_base& operator/=(const T& b) { return *this = *this / b; }
  template <class T> ap_fixed_base& operator<<=(const T& n) { return *this = *this << n; }
  template <class T> ap_fixed_base& operator>>=(const T& n) { return *this = *this >> n; }

  // ++/-- add 1 exactly and write back with this type's Q and O (§6.4).
  ap_fixed_base& operator++() { return *this += ap_uint<1>(1); }
  ap_fixed_base& operator--() { return *this -= ap_uint<1>(1); }
  ap_fixed_base operator++(int) { ap_fixed_base old(*this); ++*this; return old; }
  ap_fixed_base operator--(int) { ap_fixed_base old(*this); --*this; return old; }
  ap_fixed_base operator+() const { return *this; }
  bool operator!() const { return raw_ == 0; }

  // Floating point: one rounding of the exact value (§5).
  double to_double() const {
    return (F >= -1000 && F <= 1000) ? double(sp_calc_type(raw_)) * sp_ap_detail::pow2c<-F>::d
                                     : std::ldexp(double(sp_calc_type(raw_)), -F);
  }
  float to_float() const {
    return (F >= -126 && F <= 125) ? float(sp_calc_type(raw_)) * sp_ap_detail::pow2c<-F>::f
                                   : std::ldexp(float(sp_calc_type(raw_)), -F);
  }
  // Integers: the integer part toward zero (§4.5), wrapped to the C type.
  SP_AP_CX14 sp_bits_type int_part() const {
    return sp_ap_detail::fixed_int_part<sp_bits_type>(sp_bits_type(sp_calc_type(raw_)), is_neg(), W, I, S);
  }
  SP_AP_CX14 bool is_neg() const { return sp_ap_detail::sign_of<S>::neg(raw_); }
  SP_AP_CX14 int to_int() const { return int(uint32_t(int_part())); }
  SP_AP_CX14 unsigned to_uint() const { return unsigned(uint32_t(int_part())); }
  SP_AP_CX14 long to_long() const { return long(uint64_t(int_part())); }
  SP_AP_CX14 unsigned long to_ulong() const { return (unsigned long)(uint64_t(int_part())); }
  SP_AP_CX14 long long to_int64() const { return (long long)(uint64_t(int_part())); }
  SP_AP_CX14 unsigned long long to_uint64() const { return (unsigned long long)(uint64_t(int_part())); }
  SP_AP_CX14 bool to_bool() const { return raw_ != 0; }

  SP_AP_CX14 operator bool() const { return raw_ != 0; }
  SP_AP_CX14 operator char() const { return char(to_int64()); }
  SP_AP_CX14 operator signed char() const { return (signed char)(to_int64()); }
  SP_AP_CX14 operator unsigned char() const { return (unsigned char)(to_uint64()); }
  SP_AP_CX14 operator short() const { return short(to_int64()); }
  SP_AP_CX14 operator unsigned short() const { return (unsigned short)(to_uint64()); }
  SP_AP_CX14 operator int() const { return to_int(); }
  SP_AP_CX14 operator unsigned() const { return to_uint(); }
  SP_AP_CX14 operator long() const { return to_long(); }
  SP_AP_CX14 operator unsigned long() const { return to_ulong(); }
  SP_AP_CX14 operator long long() const { return to_int64(); }
  SP_AP_CX14 operator unsigned long long() const { return to_uint64(); }
  operator float() const { return to_float(); }
  operator double() const { return to_double(); }

  int length() const { return W; }
  ap_range_ref<ap_fixed_base> range(int hi, int lo) { return ap_range_ref<ap_fixed_base>(this, hi, lo); }
  ap_range_ref<const ap_fixed_base> range(int hi, int lo) const {
    return ap_range_ref<const ap_fixed_base>(this, hi, lo);
  }
  ap_range_ref<ap_fixed_base> range() { return range(W - 1, 0); }
  ap_range_ref<const ap_fixed_base> range() const { return range(W - 1, 0); }
  ap_bit_ref<ap_fixed_base> operator[](int i) { return ap_bit_ref<ap_fixed_base>(this, i); }
  bool operator[](int i) const { return ((sp_bits_type(sp_calc_type(raw_)) >> i) & 1) != 0; }
  ap_bit_ref<ap_fixed_base> bit(int i) { return (*this)[i]; }
  bool bit(int i) const { return (*this)[i]; }

 private:
  friend struct sp_ap_detail::raw_access;
  static const int F = W - I;

  template <class T>
  static SP_AP_CX14 SP_AP_INLINE sp_store_type from_operand(const T& v) {
    typedef sp_ap_detail::operand<T> A;
    typedef typename sp_ap_detail::mint<(A::W <= 64 && W <= 64) ? 64 : 128, false>::type U;
    if (A::kind == sp_ap_detail::KIND_FIXED && A::W == W && A::I == I && A::S == S && A::Q == Q && A::O == O &&
        A::N == N)
      return sp_store_type(A::raw(v));  // identical types copy the raw bits
    return sp_store_type(sp_ap_detail::convert_bits<U, W, S, Q, O, N>(
        sp_ap_detail::pattern_of<U>(v), sp_ap_detail::is_negative(v), A::W, A::F - F));
  }
  static sp_store_type from_double(double x) {
    typedef typename sp_ap_detail::mint<W <= 64 ? 64 : 128, false>::type U;
    return sp_store_type(sp_ap_detail::fixed_from_double<U, W, I, S, Q, O, N>(x));
  }

  sp_store_type raw_;
};

#if __cplusplus < 201703L
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
constexpr int ap_fixed_base<W, I, S, Q, O, N>::width;
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
constexpr int ap_fixed_base<W, I, S, Q, O, N>::iwidth;
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
constexpr ap_q_mode ap_fixed_base<W, I, S, Q, O, N>::qmode;
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
constexpr ap_o_mode ap_fixed_base<W, I, S, Q, O, N>::omode;
#endif

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
class ap_fixed : public ap_fixed_base<W, I, true, Q, O, N> {
 public:
  typedef ap_fixed_base<W, I, true, Q, O, N> Base;
  using Base::Base;
  constexpr ap_fixed() : Base() {}
  // ++a, a++, a += b, a <<= n return the base type; inherited constructors never take it.
  constexpr ap_fixed(const Base& v) : Base(v) {}
  using Base::operator=;
};

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
class ap_ufixed : public ap_fixed_base<W, I, false, Q, O, N> {
 public:
  typedef ap_fixed_base<W, I, false, Q, O, N> Base;
  using Base::Base;
  constexpr ap_ufixed() : Base() {}
  // ++a, a++, a += b, a <<= n return the base type; inherited constructors never take it.
  constexpr ap_ufixed(const Base& v) : Base(v) {}
  using Base::operator=;
};

#endif  // SP_AP_FIXED_BASE_H
