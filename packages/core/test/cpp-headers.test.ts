// Smoke test of our C++ headers (hls-include/ap_types) compiled with g++: the worked examples of
// docs/semantics.md#fixed-worked-examples (literal output of the official Xilinx headers), rows derived
// by hand for the rest of the API, and what the headers must refuse to compile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparsePixelsError } from '../src/errors';
import { compileCpp, type CppProgram } from './differential/cpp-toolchain';
import { HAND_DERIVED_ROWS } from './differential/hand-derived-rows';
import { expectedLine, smokeProgram } from './differential/smoke-program';
import { WORKED_EXAMPLES } from './differential/worked-examples';

const ROWS = [...WORKED_EXAMPLES, ...HAND_DERIVED_ROWS];
const PROGRAM = smokeProgram(ROWS);

/** The message of the SparsePixelsError that compiling `body` (inside main) throws. */
function compileError(body: string): string {
  const source = `#include "ap_fixed.h"\nint main() {\n${body}\n  return 0;\n}\n`;
  try {
    compileCpp(source, { opt: '-O0', syntaxOnly: true }).dispose();
  } catch (e) {
    if (e instanceof SparsePixelsError && e.code === 'SP_CPP_COMPILE') return e.message;
    throw e;
  }
  return 'compiled';
}

describe('hls-include/ap_types, compiled with g++ -std=c++14 -O1 -Wall -Wextra -Werror', () => {
  let program: CppProgram | undefined;
  let lines = new Map<number, string>();
  beforeAll(() => {
    program = compileCpp(PROGRAM, { std: 'c++14', opt: '-O1' });
    const out = program.run().trimEnd().split('\n');
    lines = new Map(out.map((l) => [Number(l.slice(0, l.indexOf(' '))), l]));
  });
  afterAll(() => program?.dispose());

  it.each(WORKED_EXAMPLES.map((r) => [r.id, r] as const))('§13 row %i', (_id, row) => {
    expect(lines.get(row.id)).toBe(expectedLine(row));
  });

  it.each(HAND_DERIVED_ROWS.map((r) => [r.id, r] as const))('hand-derived row %i', (_id, row) => {
    expect(lines.get(row.id)).toBe(expectedLine(row));
  });

  it.each(['c++11', 'c++17'])('compiles warning-free with -std=%s', (std) => {
    compileCpp(PROGRAM, { std, opt: '-O0', syntaxOnly: true }).dispose();
  });

  it('the refusal probe compiles a valid body', () => {
    expect(compileError('ap_fixed<8,4> x = 1.5; ap_fixed<9,5> y = x + x; (void)y;')).toBe('compiled');
  });

  it('evaluates conversions, arithmetic, comparisons and shifts in constant expressions (C++14)', () => {
    const body = [
      'constexpr ap_fixed<8,4> a(3); constexpr ap_int<8> b(5);',
      'static_assert((b * b + b).to_int() == 30, "int arithmetic");',
      'static_assert(ap_fixed<8,4,AP_RND,AP_SAT>(a * a).to_int() == 7, "saturating conversion");',
      'static_assert(a < b && !(a == b), "comparison");',
      'static_assert((a << 2).to_int() == -4, "shift wraps");',
    ].join('\n');
    expect(compileError(body)).toBe('compiled');
  });

  it('rejects ap_fixed (+) double like the reference (ambiguous)', () => {
    expect(compileError('ap_fixed<8,4> x = 1.5; double y = x + 1.5; (void)y;')).toMatch(/ambiguous/);
  });

  it('rejects results wider than 128 bits with a static_assert', () => {
    const msg = compileError('ap_fixed<100,50> a = 1; auto b = a * a; (void)b;');
    expect(msg).toMatch(/widths above 128 bits are not supported/);
  });

  it('rejects ap_ufixed with AP_WRAP_SM at compile time', () => {
    expect(compileError('ap_ufixed<8,4,AP_TRN,AP_WRAP_SM> u = 1; (void)u;')).toMatch(/cannot use AP_WRAP_SM/);
  });
});
