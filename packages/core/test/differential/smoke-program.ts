// Renders the smoke-test C++ program: each row's expression printed as one line, and the line
// each row expects.
import type { SmokeRow } from './worked-examples';

function rowStatement(row: SmokeRow): string {
  const out = (payload: string): string => `std::cout << ${row.id} << ' ' << ${payload} << '\\n';`;
  if ('bits' in row) return `{ auto v = ${row.bits}; ${out('type_of(v) << " " << sp::to_hex(v)')} }`;
  if ('bool' in row) return out(`(${row.bool} ? "true" : "false")`);
  if ('int' in row) return out(`(${row.int})`);
  if ('f32' in row) return `{ float f = ${row.f32}; ${out('sp::hex_of(float_bits(f), 32)')} }`;
  if ('f64' in row) return `{ double d = ${row.f64}; ${out('sp::hex_of(double_bits(d), 64)')} }`;
  return `{ std::ostringstream os; ${row.text} ${out('"[" << os.str() << "]"')} }`;
}

/** The output line a row expects. */
export function expectedLine(row: SmokeRow): string {
  if ('bits' in row) return `${row.id} ${row.type} ${row.hex}`;
  if ('text' in row) return `${row.id} [${row.value}]`;
  if ('f32' in row || 'f64' in row) return `${row.id} ${row.hex}`;
  return `${row.id} ${String(row.value)}`;
}

/** A program that prints `<id> <result>` for every row. */
export function smokeProgram(rows: readonly SmokeRow[]): string {
  return `#include <cstring>
#include <iomanip>
#include <iostream>
#include <sstream>
#include "ap_fixed.h"
#include "ap_int.h"
#include "sp_exact_io.h"

template <class T>
std::string type_of(const T&) {
  typedef sp::ap_info<T> info;
  std::ostringstream s;
  if (!info::is_fixed) s << "int " << info::width;
  else s << info::width << "," << info::iwidth;
  s << (info::is_signed ? ",s" : ",u");
  return s.str();
}
static uint32_t float_bits(float f) { uint32_t b; std::memcpy(&b, &f, 4); return b; }
static uint64_t double_bits(double d) { uint64_t b; std::memcpy(&b, &d, 8); return b; }
volatile double zero = 0.0;  // volatile: 0.0 / zero is made at run time (x86's negative NaN)

int main() {
${rows.map((r) => `  ${rowStatement(r)}`).join('\n')}
  return 0;
}
`;
}
