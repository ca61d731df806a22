// The results of ++a, a++, --a, a-- and every a op= b (the variable's base-class type, as in the
// reference headers) used the ways user code uses them: T r = ++a; T r(a += b); T r{a--}; r = a <<= 1;
// f(T) and f(const T&) arguments; `return ++x;` in a template. Issue 14: these did not compile
// with our headers (inherited constructors never take a base-class argument). The values of the
// same forms against the TypeScript implementation are in differential.test.ts (family assignOp).
import { describe, expect, it } from 'vitest';
import { compileCpp } from './differential/cpp-toolchain';
import { ASSIGN_OPS } from './differential/groups';
import {
  OPERATOR_RESULT_WIDTHS,
  operatorResultTypes,
  operatorResultsProgram,
} from './differential/operator-results-program';

describe('operator results as initialisers and arguments (hls-include/ap_types)', () => {
  const { source, checks } = operatorResultsProgram();

  it('covers every operator on ap_int, ap_uint, ap_fixed and ap_ufixed at every storage boundary', () => {
    for (let k = 0; k < ASSIGN_OPS.length; k++) expect(source).toContain(`check_${k}(`);
    for (const w of OPERATOR_RESULT_WIDTHS) {
      for (const t of ['ap_int', 'ap_uint', 'ap_fixed', 'ap_ufixed'])
        expect(source).toMatch(new RegExp(`${t}<${w}[,>]`));
    }
    expect(checks).toBeGreaterThan(1000);
  });

  it.each(['c++11', 'c++14', 'c++17'])(
    'compiles warning-free with -std=%s -Wall -Wextra -Werror',
    (std) => {
      compileCpp(source, { std, opt: '-O0', syntaxOnly: true }).dispose();
    },
    120_000,
  );

  it('runs (widths 1, 9, 33, 64): every form holds the value the variable holds', () => {
    const small = operatorResultsProgram(operatorResultTypes([1, 9, 33, 64]));
    const program = compileCpp(small.source, { std: 'c++14', opt: '-O0' });
    try {
      expect(program.run().trim()).toBe(`checks ${small.checks} failures 0`);
    } finally {
      program.dispose();
    }
  }, 240_000);
});
