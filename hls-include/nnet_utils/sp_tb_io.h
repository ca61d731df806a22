// Test bench I/O for C simulation (not synthesized): reading event lines and writing fixed-point
// values as EXACT decimals. Only the raw bits of a value are read (x.range(W-1, 0).to_uint64()), so
// this works with the vendor ap_types headers as well as with ours. The generated code passes the
// type's width W, fractional bits F = W - I and signedness S as template arguments.
#ifndef SP_TB_IO_H_
#define SP_TB_IO_H_

#include <cstdlib>
#include <ostream>
#include <stdint.h>
#include <string>
#include <vector>

namespace sp {

// True if the line holds only white space.
inline bool blank_line(const std::string &line) {
    return line.find_first_not_of(" \t\r") == std::string::npos;
}

// Parses a line of space-separated numbers with strtod (the shortest form of a double parses back
// to exactly that double). Returns false on text that is not a number.
inline bool parse_values(const std::string &line, std::vector<double> &values) {
    values.clear();
    const char *p = line.c_str();
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r') p++;
        if (*p == '\0') return true;
        if (p[0] == '0' && (p[1] == ' ' || p[1] == '\0' || p[1] == '\t' || p[1] == '\r')) {
            values.push_back(0.0); // sparse images are mostly zeros: skip strtod for them
            p++;
            continue;
        }
        char *end = 0;
        const double v = std::strtod(p, &end);
        if (end == p) return false;
        values.push_back(v);
        p = end;
    }
}

// Little-endian 32-bit limbs: just enough big-integer arithmetic for exact decimals.
typedef std::vector<uint32_t> limbs_t;

inline void limbs_mul_add(limbs_t &d, uint32_t m, uint32_t a) {
    uint64_t carry = a;
    for (size_t k = 0; k < d.size(); k++) {
        const uint64_t t = uint64_t(d[k]) * m + carry;
        d[k] = uint32_t(t);
        carry = t >> 32;
    }
    if (carry) d.push_back(uint32_t(carry));
}

inline uint32_t limbs_div_small(limbs_t &d, uint32_t m) {
    uint64_t rem = 0;
    for (size_t k = d.size(); k-- > 0;) {
        const uint64_t t = (rem << 32) | d[k];
        d[k] = uint32_t(t / m);
        rem = t % m;
    }
    while (!d.empty() && d.back() == 0) d.pop_back();
    return uint32_t(rem);
}

inline bool limbs_zero(const limbs_t &d) {
    for (size_t k = 0; k < d.size(); k++)
        if (d[k]) return false;
    return true;
}

// Returns d >> bits (must be < 2^32) and clears those high bits of d.
inline uint32_t limbs_take_high(limbs_t &d, unsigned bits) {
    const size_t word = bits / 32;
    const unsigned shift = bits % 32;
    uint64_t high = 0;
    for (size_t k = d.size(); k-- > word;) {
        if (d[k] == 0) continue;
        const uint64_t part = k == word ? uint64_t(d[k]) >> shift : uint64_t(d[k]) << (32 * (k - word) - shift);
        high |= part;
        d[k] = k == word ? uint32_t(d[k] & ((uint64_t(1) << shift) - 1)) : 0u;
    }
    return uint32_t(high);
}

inline std::string limbs_decimal(limbs_t d) {
    std::string s;
    do s.insert(s.begin(), char('0' + limbs_div_small(d, 10)));
    while (!limbs_zero(d));
    return s;
}

// Exact decimal of the W-bit raw pattern `bits` read as signed (S) or unsigned, times 2^-F.
template <int W, int F, bool S> std::string exact_decimal(uint64_t bits) {
    const uint64_t mask = W >= 64 ? ~uint64_t(0) : (uint64_t(1) << W) - 1;
    bits &= mask;
    const bool negative = S && ((bits >> (W - 1)) & 1);
    const uint64_t magnitude = negative ? ((~bits + 1) & mask) : bits;
    limbs_t d;
    d.push_back(uint32_t(magnitude));
    d.push_back(uint32_t(magnitude >> 32));
    std::string text;
    if (F <= 0) {
        for (int k = 0; k < -F; k++) limbs_mul_add(d, 2, 0);
        text = limbs_decimal(d);
    } else {
        limbs_t frac = d;
        limbs_t whole = d;
        for (int k = 0; k < F; k++) limbs_div_small(whole, 2);
        limbs_take_high(frac, F);
        text = limbs_decimal(whole);
        if (!limbs_zero(frac)) text += '.';
        while (!limbs_zero(frac)) {
            limbs_mul_add(frac, 10, 0);
            text += char('0' + limbs_take_high(frac, F));
        }
    }
    return negative && text != "0" ? "-" + text : text;
}

// Writes n values of an ap type with width W, fractional bits F, signedness S, space-separated;
// a leading space unless `first`.
template <int W, int F, bool S, class T> void write_values(std::ostream &os, const T *x, unsigned n, bool first) {
    for (unsigned k = 0; k < n; k++) {
        if (k > 0 || !first) os << ' ';
        os << exact_decimal<W, F, S>(x[k].range(W - 1, 0).to_uint64());
    }
}

} // namespace sp

#endif
