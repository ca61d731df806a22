// sparsepixels ap_types: ap_int_base<W, S> and ap_int<W> / ap_uint<W>.
#ifndef SP_AP_INT_BASE_H
#define SP_AP_INT_BASE_H

#include "ap_convert.h"
#include "ap_operand.h"
#include "ap_ref.h"

namespace sp_ap_detail {

// The integer an operand contributes to an ap_int compound assignment (§7): the integer part
// of a fixed value (§4.5), every other operand as it is.
template <class T, bool Fixed = operand<T>::kind == KIND_FIXED && operand<T>::ok>
struct int_view {
  typedef const T& type;
  static const T& get(const T& v) { return v; }
};
template <class T>
struct int_view<T, true> {
  typedef typename int_type<imax(operand<T>::I, 1), operand<T>::S>::type type;
  static type get(const T& v) { return type(v); }
};

}  // namespace sp_ap_detail

template <int W, bool S>
class ap_int_base {
  static_assert(W >= 1, "sparsepixels ap_types: ap_int/ap_uint width must be at least 1");
  static_assert(W <= SP_AP_MAX_W,
                "sparsepixels ap_types: widths above 128 bits are not supported "
                "(declared widths up to 64, operator results up to 128)");

 public:
  typedef typename sp_ap_detail::calc<W, S>::type sp_calc_type;
  typedef typename sp_ap_detail::store<W, S>::type sp_store_type;
  typedef typename sp_ap_detail::mint<sp_ap_detail::mclass<W>::value, false>::type sp_bits_type;
  typedef typename std::conditional<S, long long, unsigned long long>::type sp_ret_type;
  static constexpr int width = W;

  constexpr ap_int_base() : raw_(0) {}
  template <class T, typename std::enable_if<sp_ap_detail::operand<T>::ok, int>::type = 0>
  SP_AP_CX14 ap_int_base(const T& v) : raw_(from_operand(v)) {}
  ap_int_base(double x) : raw_(sp_store_type(sp_ap_detail::int_from_double<sp_bits_type, W, S>(x))) {}
  ap_int_base(float x) : raw_(sp_store_type(sp_ap_detail::int_from_float<sp_bits_type, W, S>(x))) {}
  template <class O>
  ap_int_base(const ap_range_ref<O>& r)
      : raw_(sp_store_type(sp_ap_detail::finish(sp_bits_type(r.get()), W, S))) {}
  template <class O>
  ap_int_base(const ap_bit_ref<O>& b) : raw_(sp_store_type(sp_ap_detail::finish(sp_bits_type(b.get()), W, S))) {}

  template <class T, typename std::enable_if<sp_ap_detail::operand<T>::ok, int>::type = 0>
  SP_AP_CX14 ap_int_base& operator=(const T& v) {
    raw_ = from_operand(v);
    return *this;
  }
  ap_int_base& operator=(double x) { return *this = ap_int_base(x); }
  ap_int_base& operator=(float x) { return *this = ap_int_base(x); }
  template <class O>
  ap_int_base& operator=(const ap_range_ref<O>& r) { return *this = ap_int_base(r); }

  // a op= b  is  a = wrap(a op int(b)) (§7).
  template <class T> ap_int_base& operator+=(const T& b) { return *this = *this + sp_ap_detail::int_view<T>::get(b); }
  template <class T> ap_int_base& operator-=(const T& b) { return *this = *this - sp_ap_detail::int_view<T>::get(b); }
  template <class T> ap_int_base& operator*=(const T& b) { return *this = *this * sp_ap_detail::int_view<T>::get(b); }
  template <class T> ap_int_base& operator/=(const T& b) { return *this = *this / sp_ap_detail::int_view<T>::get(b); }
  template <class T> ap_int_base& operator%=(const T& b) { return *this = *this % sp_ap_detail::int_view<T>::get(b); }
  template <class T> ap_int_base& operator&=(const T& b) { return *this = *this & sp_ap_detail::int_view<T>::get(b); }
  template <class T> ap_int_base& operator|=(const T& b) { return *this = *this | sp_ap_detail::int_view<T>::get(b); }
  template <class T> ap_int_base& operator^=(const T& b) { return *this = *this ^ sp_ap_detail::int_view<T>::get(b); }
  template <class T> ap_int_base& operator<<=(const T& n) { return *this = *this << n; }
  template <class T> ap_int_base& operator>>=(const T& n) { return *this = *this >> n; }

  ap_int_base& operator++() { return *this += 1; }
  ap_int_base& operator--() { return *this -= 1; }
  ap_int_base operator++(int) { ap_int_base old(*this); *this += 1; return old; }
  ap_int_base operator--(int) { ap_int_base old(*this); *this -= 1; return old; }
  ap_int_base operator+() const { return *this; }

  // The value's low 64 bits as long long / unsigned long long (§4.5), then C rules.
  SP_AP_CX14 operator sp_ret_type() const { return sp_ret_type(uint64_t(sp_bits_type(raw_))); }
  SP_AP_CX14 bool to_bool() const { return raw_ != 0; }
  SP_AP_CX14 int to_int() const { return int(uint32_t(sp_bits_type(raw_))); }
  SP_AP_CX14 unsigned to_uint() const { return unsigned(uint32_t(sp_bits_type(raw_))); }
  SP_AP_CX14 long to_long() const { return long(uint64_t(sp_bits_type(raw_))); }
  SP_AP_CX14 unsigned long to_ulong() const { return (unsigned long)(uint64_t(sp_bits_type(raw_))); }
  SP_AP_CX14 long long to_int64() const { return (long long)(uint64_t(sp_bits_type(raw_))); }
  SP_AP_CX14 unsigned long long to_uint64() const { return (unsigned long long)(uint64_t(sp_bits_type(raw_))); }
  // ap_int to floating point converts the 64-bit machine integer (low 64 bits for W > 64, §5).
  double to_double() const { return double(sp_ret_type(*this)); }
  float to_float() const { return float(sp_ret_type(*this)); }

  int length() const { return W; }
  ap_range_ref<ap_int_base> range(int hi, int lo) { return ap_range_ref<ap_int_base>(this, hi, lo); }
  ap_range_ref<const ap_int_base> range(int hi, int lo) const { return ap_range_ref<const ap_int_base>(this, hi, lo); }
  ap_range_ref<ap_int_base> range() { return range(W - 1, 0); }
  ap_range_ref<const ap_int_base> range() const { return range(W - 1, 0); }
  ap_bit_ref<ap_int_base> operator[](int i) { return ap_bit_ref<ap_int_base>(this, i); }
  bool operator[](int i) const { return ((sp_bits_type(raw_) >> i) & 1) != 0; }
  ap_bit_ref<ap_int_base> bit(int i) { return (*this)[i]; }
  bool bit(int i) const { return (*this)[i]; }

 private:
  friend struct sp_ap_detail::raw_access;

  template <class T>
  static SP_AP_CX14 SP_AP_INLINE sp_store_type from_operand(const T& v) {
    typedef sp_ap_detail::operand<T> A;
    typedef typename sp_ap_detail::mint<(A::W <= 64 && W <= 64) ? 64 : 128, false>::type U;
    const U r = sp_ap_detail::pattern_of<U>(v);
    const U ip = A::kind == sp_ap_detail::KIND_FIXED
                     ? sp_ap_detail::fixed_int_part<U>(r, sp_ap_detail::is_negative(v), A::W, A::I, A::S)
                     : r;
    return sp_store_type(sp_ap_detail::finish(ip, W, S));
  }

  sp_store_type raw_;
};

#if __cplusplus < 201703L
template <int W, bool S>
constexpr int ap_int_base<W, S>::width;
#endif

template <int W>
class ap_int : public ap_int_base<W, true> {
 public:
  typedef ap_int_base<W, true> Base;
  using Base::Base;
  constexpr ap_int() : Base() {}
  // ++a, a++, a += b, a <<= n return the base type; inherited constructors never take it.
  constexpr ap_int(const Base& v) : Base(v) {}
  using Base::operator=;
};

template <int W>
class ap_uint : public ap_int_base<W, false> {
 public:
  typedef ap_int_base<W, false> Base;
  using Base::Base;
  constexpr ap_uint() : Base() {}
  // ++a, a++, a += b, a <<= n return the base type; inherited constructors never take it.
  constexpr ap_uint(const Base& v) : Base(v) {}
  using Base::operator=;
};

#endif  // SP_AP_INT_BASE_H
