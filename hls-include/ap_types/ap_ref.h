// sparsepixels ap_types: x.range(hi, lo) and x[i] proxies (read and write of raw bits).
#ifndef SP_AP_REF_H
#define SP_AP_REF_H

#include "ap_operand.h"

namespace sp_ap_detail {

// The W-bit raw pattern of an ap value, zero-extended to 128 bits, and its inverse.
template <class T>
SP_AP_INLINE u128 pattern_get(const T& x) {
  return u128(operand<T>::raw(x)) & low_mask<u128>(operand<T>::W);
}
template <class T>
SP_AP_INLINE void pattern_set(T& x, u128 p) {
  raw_access::set(x, finish(p, operand<T>::W, operand<T>::S));
}

}  // namespace sp_ap_detail

// Bits hi..lo of an ap value (lo <= hi < W); reads as an unsigned integer, writes keep other bits.
template <class Owner>
class ap_range_ref {
 public:
  ap_range_ref(Owner* owner, int hi, int lo) : owner_(owner), hi_(hi), lo_(lo) {}
  ap_range_ref(const ap_range_ref&) = default;

  int length() const { return hi_ - lo_ + 1; }
  sp_ap_detail::u128 get() const {
    return (sp_ap_detail::pattern_get(*owner_) >> lo_) & sp_ap_detail::low_mask<sp_ap_detail::u128>(length());
  }
  unsigned long long to_uint64() const { return (unsigned long long)get(); }
  long long to_int64() const { return (long long)get(); }
  unsigned to_uint() const { return unsigned(get()); }
  int to_int() const { return int(unsigned(get())); }
  operator unsigned long long() const { return to_uint64(); }

  ap_range_ref& set(sp_ap_detail::u128 v) {
    const sp_ap_detail::u128 m = sp_ap_detail::low_mask<sp_ap_detail::u128>(length()) << lo_;
    const sp_ap_detail::u128 p = sp_ap_detail::pattern_get(*owner_);
    sp_ap_detail::pattern_set(*owner_, (p & ~m) | ((v << lo_) & m));
    return *this;
  }
  ap_range_ref& operator=(unsigned long long v) { return set(v); }
  ap_range_ref& operator=(const ap_range_ref& r) { return set(r.get()); }
  template <class O2>
  ap_range_ref& operator=(const ap_range_ref<O2>& r) { return set(r.get()); }
  template <int W2, bool S2>
  ap_range_ref& operator=(const ap_int_base<W2, S2>& v) { return set(sp_ap_detail::pattern_get(v)); }

 private:
  Owner* owner_;
  int hi_;
  int lo_;
};

// Bit i of an ap value.
template <class Owner>
class ap_bit_ref {
 public:
  ap_bit_ref(Owner* owner, int i) : owner_(owner), i_(i) {}
  ap_bit_ref(const ap_bit_ref&) = default;

  bool get() const { return ((sp_ap_detail::pattern_get(*owner_) >> i_) & 1) != 0; }
  operator bool() const { return get(); }
  bool to_bool() const { return get(); }
  ap_bit_ref& operator=(bool b) {
    const sp_ap_detail::u128 m = sp_ap_detail::u128(1) << i_;
    const sp_ap_detail::u128 p = sp_ap_detail::pattern_get(*owner_);
    sp_ap_detail::pattern_set(*owner_, b ? (p | m) : (p & ~m));
    return *this;
  }
  ap_bit_ref& operator=(const ap_bit_ref& r) { return *this = r.get(); }

 private:
  Owner* owner_;
  int i_;
};

#endif  // SP_AP_REF_H
