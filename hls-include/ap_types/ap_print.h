// sparsepixels ap_types: std::ostream << for fixed (§10.1) and integer (§10.2) values.
#ifndef SP_AP_PRINT_H
#define SP_AP_PRINT_H

#include <ostream>
#include <string>

#include "ap_decimal.h"
#include "ap_fixed_base.h"
#include "ap_int_base.h"

namespace sp_ap_detail {

// Exact decimal text of any ap value (to_string(10) of the reference, also for I > W).
template <class T>
inline std::string exact_string(const T& x) {
  const bool neg = is_negative(x);
  const u128 r = u128(operand<T>::raw(x));
  return exact_decimal(neg ? u128(u128(0) - r) : r, neg, operand<T>::F);
}

}  // namespace sp_ap_detail

// Precision-significant digits, decimal half-up on the exact digits; stream flags other than
// precision, width and fill are ignored. [quirk] A width larger than the text gives
// 2 * width - length - 1 fill characters before it, as the reference does.
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
inline std::ostream& operator<<(std::ostream& out, const ap_fixed_base<W, I, S, Q, O, N>& x) {
  std::string exact = sp_ap_detail::exact_string(x);
  const bool neg = !exact.empty() && exact[0] == '-';
  if (neg) exact.erase(0, 1);
  const std::string text = (neg ? "-" : "") + sp_ap_detail::reduce_precision(exact, int(out.precision()));
  const std::streamsize w = out.width();
  out.width(0);
  if (w > std::streamsize(text.size())) out << std::string(size_t(2 * w - std::streamsize(text.size()) - 1), out.fill());
  return out << text;
}

// The decimal value as a string, so setw / setfill behave as usual.
template <int W, bool S>
inline std::ostream& operator<<(std::ostream& out, const ap_int_base<W, S>& x) {
  return out << sp_ap_detail::exact_string(x);
}

#endif  // SP_AP_PRINT_H
