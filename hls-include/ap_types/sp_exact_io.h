// sparsepixels ap_types: exact access for tests and test benches (namespace sp). Not part of the
// Xilinx API: raw bit patterns in and out, and exact decimal text.
#ifndef SP_EXACT_IO_H
#define SP_EXACT_IO_H

#include <string>

#include "ap_fixed.h"

namespace sp {

// Static description of an ap type: width W, integer bits I (W for ap_int), signedness.
template <class T>
struct ap_info {
  static const int width = sp_ap_detail::operand<T>::W;
  static const int iwidth = sp_ap_detail::operand<T>::I;
  static const bool is_signed = sp_ap_detail::operand<T>::S;
  static const bool is_fixed = sp_ap_detail::operand<T>::kind == sp_ap_detail::KIND_FIXED;
};

// The raw W-bit pattern (zero-extended): uint64_t for W <= 64, unsigned __int128 above.
template <class T>
struct raw_bits_type {
  typedef typename sp_ap_detail::mint<sp_ap_detail::mclass<ap_info<T>::width>::value, false>::type type;
};

template <class T>
inline typename raw_bits_type<T>::type raw_bits(const T& x) {
  typedef typename raw_bits_type<T>::type U;
  return U(sp_ap_detail::operand<T>::raw(x)) & sp_ap_detail::low_mask<U>(ap_info<T>::width);
}

// Sets x's raw bits from the low W bits of a pattern.
template <class T, class P>
inline void set_raw_bits(T& x, P pattern) {
  typedef typename raw_bits_type<T>::type U;
  sp_ap_detail::raw_access::set(x, sp_ap_detail::finish(U(pattern), ap_info<T>::width, ap_info<T>::is_signed));
}

template <class T, class P>
inline T from_raw_bits(P pattern) {
  T x;
  set_raw_bits(x, pattern);
  return x;
}

// Hexadecimal text of a pattern of w bits: "0x" and ceil(w / 4) digits.
inline std::string hex_of(sp_ap_detail::u128 pattern, int w) {
  static const char digits[] = "0123456789abcdef";
  std::string s;
  for (int i = (w + 3) / 4 - 1; i >= 0; --i) s += digits[int((pattern >> (4 * i)) & 15)];
  return "0x" + s;
}

template <class T>
inline std::string to_hex(const T& x) {
  return hex_of(sp_ap_detail::u128(raw_bits(x)), ap_info<T>::width);
}

// The exact decimal value (every fraction digit, no rounding), e.g. "-0.001953125".
template <class T>
inline std::string to_exact_string(const T& x) {
  return sp_ap_detail::exact_string(x);
}

}  // namespace sp

#endif  // SP_EXACT_IO_H
