// Renders the differential test's C++ program: one function per group (one set of template
// instantiations), dispatched by the group id at the start of each input line; values arrive as
// hex raw patterns / IEEE bit patterns, results leave as hex raw patterns.
import { ASSIGN_OPS, INC_DEC, type AssignOp, type Family, type Group } from './groups';

const PRELUDE = `#include <cstdio>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <sstream>
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
// os << v with the stream state of the input: precision, floatfield (1 fixed, 2 scientific),
// flags (1 showpos, 2 left), width and fill (a character code).
template <class T>
void put_printed(std::string& out, const T& v, In& in) {
  const long p = in.dec(), floatfield = in.dec(), flags = in.dec(), w = in.dec(), fill = in.dec();
  std::ostringstream os;
  os.precision(p);
  os.fill(char(fill));
  if (floatfield == 1) os << std::fixed;
  if (floatfield == 2) os << std::scientific;
  if (flags & 1) os << std::showpos;
  if (flags & 2) os << std::left;
  os << std::setw(int(w)) << v;
  out += '[';
  out += os.str();
  out += ']';
}
// An operator result passed to a function taking the derived class by value / by const reference.
template <class T>
T by_value(T v) { return v; }
template <class T>
T by_cref(const T& v) { return v; }
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
  print: (_g, [a]) => `const ${a} a = read<${a}>(in); put_printed(out, a, in);`,
  // The result of a op b initialises r, is passed by value and by const reference, and returned
  // from a template (ret_K): all must be the derived class's value of the operator's result.
  assignOp: (g, [a, b]) => {
    const op = g.assign ?? '++a';
    const k = ASSIGN_OPS.indexOf(op);
    const readB = INC_DEC.has(op)
      ? ''
      : b
        ? `const ${b} b = read<${b}>(in); `
        : 'const int b = int(in.dec()); ';
    const ret = INC_DEC.has(op) ? `ret_${k}<${a}>(a0)` : `ret_${k}<${a}>(a0, b)`;
    return `const ${a} a0 = read<${a}>(in); ${readB}
  ${a} a = a0; ${a} r = ${assignExpr(op, 'a')}; put_bits(out, r); out += ' '; put_bits(out, a);
  { ${a} x = a0; out += ' '; put_bits(out, by_value<${a}>(${assignExpr(op, 'x')})); }
  { ${a} x = a0; out += ' '; put_bits(out, by_cref<${a}>(${assignExpr(op, 'x')})); }
  out += ' '; put_bits(out, ${ret});`;
  },
};

/** The C++ expression of op applied to variable x (and the right operand named b). */
export function assignExpr(op: AssignOp, x: string): string {
  if (INC_DEC.has(op)) return op.startsWith('a') ? `${x}${op.slice(1)}` : `${op.slice(0, 2)}${x}`;
  return `${x} ${op} b`;
}

/** `return ++a;` and friends in a function template: ret_K for ASSIGN_OPS[K]. */
const RETURN_TEMPLATES = ASSIGN_OPS.map((op, k) =>
  INC_DEC.has(op)
    ? `template <class T>\nT ret_${k}(T a) { return ${assignExpr(op, 'a')}; }`
    : `template <class T, class B>\nT ret_${k}(T a, const B& b) { return ${assignExpr(op, 'a')}; }`,
).join('\n');

function groupFunction(g: Group): string {
  const names = g.operands.map((o) => o.cpp);
  return `// ${g.family} ${g.op ?? ''} ${names.join(', ')}\nvoid g${g.id}(In& in, std::string& out) {\n  ${BODIES[g.family](g, names)}\n}\n`;
}

/** The whole C++ source for these groups. */
export function renderProgram(groups: readonly Group[]): string {
  const table = groups.map((g) => `g${g.id}`).join(', ');
  return `${PRELUDE}
${RETURN_TEMPLATES}

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
