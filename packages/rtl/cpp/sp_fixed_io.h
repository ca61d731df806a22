// Fixed-point I/O of the Verilator test bench: doubles converted into a fixed-point type exactly
// as ap_fixed / ap_int constructors do (packages/core's quantizeNumber is the reference), and raws
// printed as exact decimals (the format of the HLS projects' csim_results.log).
#ifndef SP_FIXED_IO_H
#define SP_FIXED_IO_H

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

namespace sp {

// A fixed-point type: W bits, F fraction bits, signedness, quantization Q and overflow O (codes of
// sp_cast.v), N saturation bits; is_int for ap_int/ap_uint (their double conversion differs).
struct FixedType {
  int w, f;
  bool is_signed, is_int;
  int q, o, n;
};

typedef __int128 i128;

inline i128 pow2_128(int k) { return static_cast<i128>(1) << k; }

// The general conversion (ap-types: quantize then overflow) of raw with fsrc fraction bits and a
// source container of srcw bits, for |raw| < 2^62.
inline int64_t cast_raw(int64_t raw, int fsrc, int srcw, const FixedType& t) {
  const int d = fsrc - t.f;
  const bool neg = raw < 0;
  i128 q = 0;
  bool huge = false;  // |q| far beyond any 64-bit destination
  if (d > 0) {
    i128 fl;
    bool gt_half, eq_half, nonzero;
    if (d <= 100) {
      fl = static_cast<i128>(raw) >> (d > 120 ? 120 : d);
      const i128 rem = static_cast<i128>(raw) - (fl << d);
      const i128 h = pow2_128(d - 1);
      gt_half = rem > h;
      eq_half = rem == h;
      nonzero = rem != 0;
    } else {
      fl = neg ? -1 : 0;
      gt_half = neg;  // rem = 2^d + raw > 2^(d-1) for negative raw, rem = raw < 2^(d-1) otherwise
      eq_half = false;
      nonzero = raw != 0;
    }
    bool inc = false;
    switch (t.q) {
      case 0: inc = gt_half || eq_half; break;
      case 1: inc = gt_half || (eq_half && neg); break;
      case 2: inc = gt_half; break;
      case 3: inc = gt_half || (eq_half && !neg); break;
      case 4: inc = gt_half || (eq_half && (fl & 1) != 0); break;
      case 6: inc = neg && nonzero; break;
      default: inc = false;
    }
    q = fl + (inc ? 1 : 0);
  } else if (-d <= 60) {
    q = static_cast<i128>(raw) << (-d);
  } else {
    huge = raw != 0;
    q = 0;
  }
  const int kd = t.w + d;  // AP_WRAP_SM's deleted bit: bit W of the truncated source
  const int ld = (kd >= 0 && kd < srcw && kd < 63) ? static_cast<int>((static_cast<uint64_t>(raw) >> kd) & 1U) : 0;
  const i128 hi = t.is_signed ? pow2_128(t.w - 1) - 1 : pow2_128(t.w) - 1;
  const i128 lo = t.is_signed ? -pow2_128(t.w - 1) : 0;
  const bool s = huge ? neg : q < 0;
  const bool over = huge ? !neg : q > hi;
  const bool under = huge ? neg : q < lo;
  const uint64_t mask = t.w >= 64 ? ~0ULL : (1ULL << t.w) - 1ULL;
  uint64_t v = huge ? 0 : static_cast<uint64_t>(q) & mask;
  auto signed_of = [&](uint64_t bits) -> int64_t {
    if (!t.is_signed || t.w >= 64) return static_cast<int64_t>(bits);
    return (bits >> (t.w - 1)) & 1U ? static_cast<int64_t>(bits | ~mask) : static_cast<int64_t>(bits);
  };
  if (t.o == 2 && t.is_signed) {  // AP_SAT_SYM: clamp to [lo + 1, hi]
    const i128 los = t.w >= 2 ? lo + 1 : lo;
    if (over) return static_cast<int64_t>(hi);
    if (under || (!huge && q < los)) return static_cast<int64_t>(los);
    return static_cast<int64_t>(q);
  }
  if (!over && !under) return signed_of(v);
  switch (t.o) {
    case 0:
    case 2:
      return static_cast<int64_t>(over ? hi : lo);
    case 1:
      return 0;
    case 3:
      if (t.n > 0) {
        for (int k = t.w - t.n; k < t.w; ++k) {
          const uint64_t bit = 1ULL << k;
          const bool one = t.is_signed ? (k == t.w - 1 ? s : !s) : true;
          v = one ? (v | bit) : (v & ~bit);
        }
      }
      return signed_of(v);
    default: {  // AP_WRAP_SM
      const int top = t.w - 1;
      bool flip;
      if (t.n == 0) flip = static_cast<int>((v >> top) & 1U) != ld;
      else if (t.n == 1) flip = ((v >> top) & 1U) != (s ? 1U : 0U);
      else flip = ((v >> (t.w - t.n)) & 1U) == (s ? 1U : 0U);
      if (flip) v = ~v & mask;
      for (int k = (t.n >= 2 ? t.w - t.n : top); k < top; ++k) v = s ? (v & ~(1ULL << k)) : (v | (1ULL << k));
      const bool topbit = t.n == 0 ? ld != 0 : s;
      v = topbit ? (v | (1ULL << top)) : (v & ~(1ULL << top));
      return signed_of(v);
    }
  }
}

inline int64_t wrap_int(i128 v, const FixedType& t) {
  const uint64_t mask = t.w >= 64 ? ~0ULL : (1ULL << t.w) - 1ULL;
  uint64_t bits = static_cast<uint64_t>(v) & mask;
  if (t.is_signed && t.w < 64 && ((bits >> (t.w - 1)) & 1U)) bits |= ~mask;
  return static_cast<int64_t>(bits);
}

// T(x) for a finite double: ap_fixed reads the double as the raw +-(2^52 + m) of a 54-bit signed
// source with 52 - e fraction bits (subnormals keep the implicit 1, e = -1023); ap_int truncates.
inline int64_t from_double(double x, const FixedType& t) {
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  const bool neg = (bits >> 63) != 0;
  const int exp_field = static_cast<int>((bits >> 52) & 0x7ff);
  const uint64_t frac = bits & ((1ULL << 52) - 1ULL);
  if (exp_field == 0 && frac == 0) return 0;
  const int64_t mag = static_cast<int64_t>((1ULL << 52) | frac);
  const int e = exp_field - 1023;
  if (!t.is_int) return cast_raw(neg ? -mag : mag, 52 - e, 54, t);
  const int sh = 52 - e;
  i128 v;
  if (sh == 0) v = mag;
  else if (sh > 0 && sh < 54) v = mag >> sh;
  else if (sh >= 54) v = neg ? -1 : 0;
  else v = (-sh < t.w && -sh < 70) ? static_cast<i128>(mag) << (-sh) : 0;
  v = wrap_int(v, t);
  return neg ? wrap_int(-v, t) : wrap_int(v, t);
}

// The exact decimal text of raw * 2^-f: "-1.25", "0.0078125", "96".
inline std::string exact_decimal(int64_t raw, int f) {
  const bool neg = raw < 0;
  unsigned __int128 mag = neg ? static_cast<unsigned __int128>(-static_cast<i128>(raw)) : static_cast<unsigned __int128>(raw);
  std::string intpart, fracpart;
  if (f <= 0) {
    // integer value mag * 2^-f, as decimal digits (repeated doubling of a digit string)
    std::string digits;
    {
      unsigned __int128 m = mag;
      if (m == 0) digits = "0";
      while (m > 0) {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(m % 10)));
        m /= 10;
      }
    }
    for (int k = 0; k < -f; ++k) {
      int carry = 0;
      for (int i = static_cast<int>(digits.size()) - 1; i >= 0; --i) {
        const int dgt = (digits[i] - '0') * 2 + carry;
        digits[i] = static_cast<char>('0' + dgt % 10);
        carry = dgt / 10;
      }
      if (carry) digits.insert(digits.begin(), '1');
    }
    intpart = digits;
  } else {
    // integer part: mag >> f; fraction: repeated *10 of the remainder, as a little-endian base-2^32 number
    const unsigned __int128 ip = f >= 127 ? 0 : (mag >> f);
    {
      unsigned __int128 m = ip;
      if (m == 0) intpart = "0";
      while (m > 0) {
        intpart.insert(intpart.begin(), static_cast<char>('0' + static_cast<int>(m % 10)));
        m /= 10;
      }
    }
    const int words = (f + 31) / 32 + 1;
    uint32_t r[16] = {0};
    unsigned __int128 rem = f >= 127 ? mag : mag - (ip << f);
    for (int i = 0; i < words && i < 16; ++i) {
      r[i] = static_cast<uint32_t>(rem & 0xffffffffu);
      rem >>= 32;
    }
    auto is_zero = [&]() {
      for (int i = 0; i < words; ++i) if (r[i]) return false;
      return true;
    };
    while (!is_zero()) {
      uint64_t carry = 0;
      for (int i = 0; i < words; ++i) {
        const uint64_t v = static_cast<uint64_t>(r[i]) * 10U + carry;
        r[i] = static_cast<uint32_t>(v & 0xffffffffu);
        carry = v >> 32;
      }
      // the digit is the value above bit f
      const int wi = f / 32, bi = f % 32;
      uint64_t digit = (static_cast<uint64_t>(r[wi]) >> bi);
      if (wi + 1 < words) digit |= static_cast<uint64_t>(r[wi + 1]) << (32 - bi);
      digit &= 0xf;
      // clear bits >= f
      r[wi] &= bi == 0 ? 0U : ((1U << bi) - 1U);
      for (int i = wi + 1; i < words; ++i) r[i] = 0;
      fracpart.push_back(static_cast<char>('0' + static_cast<int>(digit)));
    }
  }
  std::string text = fracpart.empty() ? intpart : intpart + "." + fracpart;
  return (neg && text != "0") ? "-" + text : text;
}

}  // namespace sp

#endif
