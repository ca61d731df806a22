// Bit fields of Verilated signals, whatever C++ type Verilator chose for them (CData, SData,
// IData, QData or VlWide<N>): a field is at most 64 bits wide (every fixed-point value of the IR is).
#ifndef SP_VBITS_H
#define SP_VBITS_H

#include <cstdint>
#include "verilated.h"

namespace sp {

inline uint64_t field_mask(int width) { return width >= 64 ? ~0ULL : ((1ULL << width) - 1ULL); }

template <typename T>
inline uint64_t get_bits(const T& sig, int lsb, int width) {
  return (static_cast<uint64_t>(sig) >> lsb) & field_mask(width);
}

template <typename T>
inline void set_bits(T& sig, int lsb, int width, uint64_t value) {
  const uint64_t m = field_mask(width) << lsb;
  uint64_t s = static_cast<uint64_t>(sig);
  s = (s & ~m) | ((value << lsb) & m);
  sig = static_cast<T>(s);
}

template <std::size_t N>
inline uint64_t get_bits(const VlWide<N>& sig, int lsb, int width) {
  uint64_t v = 0;
  for (int b = 0; b < width; ++b) {
    const int k = lsb + b;
    v |= static_cast<uint64_t>((sig[k >> 5] >> (k & 31)) & 1U) << b;
  }
  return v;
}

template <std::size_t N>
inline void set_bits(VlWide<N>& sig, int lsb, int width, uint64_t value) {
  for (int b = 0; b < width; ++b) {
    const int k = lsb + b;
    const uint32_t bit = static_cast<uint32_t>((value >> b) & 1U) << (k & 31);
    sig[k >> 5] = (sig[k >> 5] & ~(1U << (k & 31))) | bit;
  }
}

template <std::size_t N>
inline void clear_all(VlWide<N>& sig) {
  for (std::size_t w = 0; w < N; ++w) sig[w] = 0;
}

template <typename T>
inline void clear_all(T& sig) {
  sig = 0;
}

// A raw field read as a signed or unsigned integer of its width.
inline int64_t as_raw(uint64_t bits, int width, bool is_signed) {
  if (!is_signed || width >= 64) return static_cast<int64_t>(bits);
  const uint64_t sign = 1ULL << (width - 1);
  return (bits & sign) ? static_cast<int64_t>(bits | ~field_mask(width)) : static_cast<int64_t>(bits);
}

}  // namespace sp

#endif
