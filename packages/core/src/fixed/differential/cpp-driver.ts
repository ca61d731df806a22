// Renders the differential test's C++ program: one function per group (one set of template
// instantiations), dispatched by the group id at the start of each input line; values arrive as
// hex raw patterns / IEEE bit patterns, results leave as hex raw patterns.
import type { Family, Group } from './groups';

const PRELUDE = `#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>
#include "ap_fixed.h"
#include "ap_int.h"
#include "sp_exact_io.h"

namespace {

struct In {
  const char* p;
  void skip() { while (*p == ' ' || *p == '\\n') ++p; }
  bool more() { skip(); return *p != 0; }
  uint64_t hex() {
    skip();
    uint64_t v = 0;
    for (;; ++p) {
      const char c = *p;
      if (c >= '0' && c <= '9') v = v * 16 + uint64_t(c - '0');
      else if (c >= 'a' && c <= 'f') v = v * 16 + uint64_t(c - 'a' + 10);
      else return v;
    }
  }
  long dec() {
    skip();
    const bool neg = *p == '-';
    if (neg) ++p;
    long v = 0;
    for (; *p >= '0' && *p <= '9'; ++p) v = v * 10 + (*p - '0');
    return neg ? -v : v;
  }
  double dbl() {
    const uint64_t b = hex();
    double d;
    std::memcpy(&d, &b, sizeof d);
    return d;
  }
};

// Operands: ap types from their raw pattern, C integers by conversion of the pattern.
template <class T, bool Ap = sp_ap_detail::is_ap<T>::value>
struct reader {
  static T get(In& in) { return sp::from_raw_bits<T>(in.hex()); }
};
template <class T>
struct reader<T, false> {
  static T get(In& in) { return T(in.hex()); }
};
template <class T>
T read(In& in) { return reader<T>::get(in); }

void put_hex(std::string& out, sp_ap_detail::u128 v) {
  char buf[40];
  int n = 0;
  do { buf[n++] = "0123456789abcdef"[int(v & 15)]; v >>= 4; } while (v != 0);
  while (n > 0) out += buf[--n];
}
template <class T>
void put_bits(std::string& out, const T& v) { put_hex(out, sp_ap_detail::u128(sp::raw_bits(v))); }
template <class T>
void put_typed(std::string& out, const T& v) {
  typedef sp::ap_info<T> info;
  out += info::is_fixed ? 'f' : 'i';
  out += std::to_string(info::width) + "," + std::to_string(info::iwidth) + (info::is_signed ? ",s " : ",u ");
  put_bits(out, v);
}
`;

const BODIES: Record<Family, (g: Group, t: readonly string[]) => string> = {
  fromDouble: (_g, [t]) => `${t} v(in.dbl()); put_bits(out, v);`,
  // Odd groups go through operator= instead of the constructor.
  cast: (g, [s, t]) =>
    g.id % 2 === 0
      ? `${s} s = read<${s}>(in); ${t} v(s); put_bits(out, v);`
      : `${s} s = read<${s}>(in); ${t} v; v = s; put_bits(out, v);`,
  binary: (g, [a, b]) => `${a} a = read<${a}>(in); ${b} b = read<${b}>(in); put_typed(out, a ${g.op} b);`,
  negate: (_g, [a]) => `${a} a = read<${a}>(in); put_typed(out, -a);`,
  accumulate: (_g, [acc, a, b]) =>
    `${acc} acc = read<${acc}>(in); const long n = in.dec();
  for (long i = 0; i < n; ++i) { ${a} a = read<${a}>(in); ${b} b = read<${b}>(in); acc += a * b; }
  put_bits(out, acc);`,
  compare: (_g, [a, b]) =>
    `${a} a = read<${a}>(in); ${b} b = read<${b}>(in);
  out += a < b ? '1' : '0'; out += a <= b ? '1' : '0'; out += a > b ? '1' : '0';
  out += a >= b ? '1' : '0'; out += a == b ? '1' : '0'; out += a != b ? '1' : '0';`,
  shift: (_g, [a]) =>
    `${a} a = read<${a}>(in); const int n = int(in.dec());
  put_bits(out, a << n); out += ' '; put_bits(out, a >> n);`,
};

function groupFunction(g: Group): string {
  const names = g.operands.map((o) => o.cpp);
  return `// ${g.family} ${g.op ?? ''} ${names.join(', ')}\nvoid g${g.id}(In& in, std::string& out) {\n  ${BODIES[g.family](g, names)}\n}\n`;
}

/** The whole C++ source for these groups. */
export function renderProgram(groups: readonly Group[]): string {
  const table = groups.map((g) => `g${g.id}`).join(', ');
  return `${PRELUDE}
${groups.map(groupFunction).join('\n')}
void (*const GROUPS[])(In&, std::string&) = {${table}};

}  // namespace

int main() {
  const std::string data((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  In in{data.c_str()};
  std::string out;
  while (in.more()) {
    GROUPS[in.dec()](in, out);
    out += '\\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
`;
}
