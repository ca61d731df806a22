// sparsepixels ap_types: exact decimal strings of raw * 2^-F (any F) and the precision reduction
// that std::ostream << ap_fixed applies (§10.1). Printing only: not on any arithmetic path.
#ifndef SP_AP_DECIMAL_H
#define SP_AP_DECIMAL_H

#include <string>
#include <vector>

#include "ap_common.h"

namespace sp_ap_detail {

// A small unsigned big integer (32-bit limbs, least significant first).
class big_uint {
 public:
  explicit big_uint(u128 v) {
    for (; v != 0; v >>= 32) d_.push_back(uint32_t(v));
  }
  bool is_zero() const { return d_.empty(); }
  void shift_left(int k) {
    d_.insert(d_.begin(), size_t(k / 32), 0u);
    shift_bits_left(k % 32);
  }
  void shift_right(int k) {
    const size_t words = size_t(k / 32);
    d_.erase(d_.begin(), d_.begin() + long(words < d_.size() ? words : d_.size()));
    const int b = k % 32;
    if (b != 0) {
      for (size_t i = 0; i < d_.size(); ++i) {
        const uint32_t hi = i + 1 < d_.size() ? d_[i + 1] : 0u;
        d_[i] = (d_[i] >> b) | (hi << (32 - b));
      }
    }
    trim();
  }
  void keep_low_bits(int k) {
    const size_t words = size_t((k + 31) / 32);
    if (d_.size() > words) d_.resize(words);
    if (k % 32 != 0 && d_.size() == words) d_.back() &= (uint32_t(1) << (k % 32)) - 1;
    trim();
  }
  void multiply(uint32_t m) {
    uint64_t carry = 0;
    for (size_t i = 0; i < d_.size(); ++i) {
      const uint64_t t = uint64_t(d_[i]) * m + carry;
      d_[i] = uint32_t(t);
      carry = t >> 32;
    }
    if (carry != 0) d_.push_back(uint32_t(carry));
  }
  uint32_t divide(uint32_t m) {  // returns the remainder
    uint64_t rem = 0;
    for (size_t i = d_.size(); i-- > 0;) {
      const uint64_t t = (rem << 32) | d_[i];
      d_[i] = uint32_t(t / m);
      rem = t % m;
    }
    trim();
    return uint32_t(rem);
  }
  uint32_t low_word() const { return d_.empty() ? 0u : d_[0]; }

 private:
  void shift_bits_left(int b) {
    if (b == 0) return;
    uint32_t carry = 0;
    for (size_t i = 0; i < d_.size(); ++i) {
      const uint32_t next = d_[i] >> (32 - b);
      d_[i] = (d_[i] << b) | carry;
      carry = next;
    }
    if (carry != 0) d_.push_back(carry);
  }
  void trim() {
    while (!d_.empty() && d_.back() == 0) d_.pop_back();
  }
  std::vector<uint32_t> d_;
};

inline std::string big_to_decimal(big_uint v) {
  if (v.is_zero()) return "0";
  std::string s;
  while (!v.is_zero()) s.insert(s.begin(), char('0' + v.divide(10)));
  return s;
}

// The exact decimal expansion of (negative ? -mag : mag) * 2^-f, without trailing zeros.
inline std::string exact_decimal(u128 mag, bool negative, int f) {
  std::string s = negative && mag != 0 ? "-" : "";
  big_uint ip(mag);
  if (f <= 0) {
    ip.shift_left(-f);
    return s + big_to_decimal(ip);
  }
  big_uint frac(mag);
  ip.shift_right(f);
  frac.keep_low_bits(f);
  s += big_to_decimal(ip);
  if (!frac.is_zero()) s += '.';
  while (!frac.is_zero()) {
    frac.multiply(10);
    big_uint digit = frac;
    digit.shift_right(f);
    s += char('0' + digit.low_word());
    frac.keep_low_bits(f);
  }
  return s;
}

inline bool nonzero_digit(char c) { return c >= '1' && c <= '9'; }

// Scientific form of an unsigned digit string: 7.62939e-06, 1.2e+05, no suffix for exponent 0.
inline std::string scientific(const std::string& u) {
  const size_t pt = u.find('.') == std::string::npos ? u.size() : u.find('.');
  size_t f = 0;
  while (!nonzero_digit(u[f])) ++f;
  size_t l = u.size() - 1;
  while (!nonzero_digit(u[l])) --l;
  const long e = f < pt ? long(pt - f) - 1 : -long(f - pt);
  std::string s(1, u[f]);
  if (l > f) s += '.';
  for (size_t i = f + 1; i <= l && l > f; ++i)
    if (u[i] != '.') s += u[i];
  if (e == 0) return s;
  std::string digits = std::to_string(e < 0 ? -e : e);
  if (digits.size() < 2) digits = "0" + digits;
  return s + (e < 0 ? "e-" : "e+") + digits;
}

// A value below 1 with four or more zeros right after the point prints in scientific form.
inline bool tiny(const std::string& u) { return u.compare(0, 6, "0.0000") == 0; }

// Position of the p-th significant digit counted from the first non-zero digit.
inline size_t significant_position(const std::string& u, int p) {
  size_t pos = 0;
  while (!nonzero_digit(u[pos])) ++pos;
  for (int count = 1; count < p; ++count) {
    ++pos;
    if (u[pos] == '.') ++pos;
  }
  return pos;
}

// §10.1 step 2: reduce the unsigned exact string u to p significant digits, the reference's way
// (the rule and its evidence: hls-include/README.md, "Printing"). One decision character k is read;
// if it is 5-9, one unit is added to the digit just left of k (the point skipped), carrying left,
// and then every digit after the p-th significant one is dropped. Normally that digit is the p-th
// significant one (decimal half-up on the exact digits). [quirk] When the value has a fraction and
// at least p + 2 integer digits, k is the (p+2)-th significant digit and the unit lands on the
// (p+1)-th, which is dropped: the value is truncated unless that digit is 9 and the carry reaches
// the p-th (ap_ufixed<16,10> 105.015625 at precision 1 prints 1e+02; 195.5 prints 2e+02).
inline std::string reduce_precision(std::string u, int p) {
  if (u.find_first_of("123456789") == std::string::npos) return "0";
  if (p < 1) p = 1;
  const size_t f = u.find_first_of("123456789");
  const size_t l = u.find_last_of("123456789");
  const size_t pt = u.find('.') == std::string::npos ? u.size() : u.find('.');
  const long n = long(l - f + 1) - (pt > f && pt < l ? 1 : 0);
  if (n <= p) return tiny(u) ? scientific(u) : u;
  const size_t k = f + size_t(p) + (pt > f && pt < l ? 1 : 0);
  if (k < u.size() && u[k] >= '5' && u[k] <= '9') {
    size_t i = k;
    bool carry = true;
    while (carry && i-- > 0) {
      if (u[i] == '.') continue;
      carry = u[i] == '9';
      u[i] = carry ? '0' : char(u[i] + 1);
    }
    if (carry) u.insert(u.begin(), '1');
  }
  const size_t pos = significant_position(u, p);
  for (size_t i = pos + 1; i < u.size(); ++i)
    if (u[i] != '.') u[i] = '0';
  if (u.find('.') != std::string::npos) {
    u.erase(u.find_last_not_of('0') + 1);
    if (u[u.size() - 1] == '.') u.erase(u.size() - 1);
  }
  if (u.find('.') != std::string::npos) return tiny(u) ? scientific(u) : u;
  return long(u.size()) <= p ? u : scientific(u);
}

}  // namespace sp_ap_detail

#endif  // SP_AP_DECIMAL_H
