// Renders a C++ program that uses the result of every operator returning the variable's own
// (base-class) type -- ++a, a++, --a, a--, a op= b -- in every way user code does: copy-, direct-
// and list-initialisation, assignment, by-value and const-reference arguments, `return` from a
// function template. It compiles only if all of them are accepted; run, it prints
// `checks <n> failures <m>`, comparing every form with the variable itself.
import { QUANT_MODES, OVERFLOW_MODES, type FixedType } from '../../src/fixed/fixed-type';
import { formatType } from '../../src/fixed/format-type';
import { apFixed, apInt, apUfixed, apUint } from '../../src/fixed/type-constructors';
import { assignExpr } from './cpp-driver';
import {
  ASSIGN_OPS,
  INC_DEC,
  INT_ONLY_ASSIGN_OPS,
  SHIFT_ASSIGN,
  cppSupportsAssign,
  type AssignOp,
} from './groups';

/** Widths at the storage boundaries (1, 8/9, 16/17, 32/33, 63/64) and in between. */
export const OPERATOR_RESULT_WIDTHS: readonly number[] = [1, 2, 7, 8, 9, 16, 17, 31, 32, 33, 63, 64];

/** The four class templates at `widths`; fixed types cycle I (below 0 to above W) and Q/O. */
export function operatorResultTypes(widths: readonly number[] = OPERATOR_RESULT_WIDTHS): FixedType[] {
  const types: FixedType[] = [];
  for (const w of widths) {
    const i = [w, Math.ceil(w / 2), 0, -3, w + 2][w % 5] ?? w;
    const q = QUANT_MODES[w % QUANT_MODES.length] ?? 'AP_TRN';
    const o = OVERFLOW_MODES[(w >> 1) % OVERFLOW_MODES.length] ?? 'AP_WRAP';
    types.push(
      apInt(w),
      apUint(w),
      apFixed(w, i, q, o),
      apUfixed(w, i, q, o === 'AP_WRAP_SM' ? 'AP_SAT' : o),
    );
  }
  return types;
}

/** Right operands of `a op= b`: the same type, an int and another ap type (nonzero values). */
function rightOperands(t: FixedType): { cpp: string; type: FixedType; value: string }[] {
  const other = t.kind === 'int' ? apUint(5) : apFixed(10, 4);
  return [
    { cpp: formatType(t), type: t, value: `sp::from_raw_bits<${formatType(t)} >(1)` },
    { cpp: 'int', type: apInt(32), value: '3' },
    { cpp: formatType(other), type: other, value: `${formatType(other)}(3.25)` },
  ];
}

/** check_K<T, B>(a0, b): every use of ASSIGN_OPS[K]'s result; returns the number of differences. */
function checkTemplate(op: AssignOp, k: number): string {
  const post = op === 'a++' || op === 'a--';
  const noB = INC_DEC.has(op);
  const e = (x: string): string => assignExpr(op, x);
  const want = post ? 'Base' : 'Base&';
  return `template <class T${noB ? '' : ', class B'}>
T ret_${k}(T a${noB ? '' : ', const B& b'}) { return ${e('a')}; }
template <class T${noB ? '' : ', class B'}>
int check_${k}(const T& a0${noB ? '' : ', const B& b'}) {
  typedef typename T::Base Base;
  static_assert(std::is_same<decltype(${e('std::declval<T&>()')}), ${want}>::value, "${op} returns ${want}");
  T a = a0; T r1 = ${e('a')};
  T x2 = a0; T r2(${e('x2')});
  T x3 = a0; T r3{${e('x3')}};
  T x4 = a0; T r4; r4 = ${e('x4')};
  T x5 = a0; T r5 = by_value<T>(${e('x5')});
  T x6 = a0; T r6 = by_cref<T>(${e('x6')});
  T r7 = ret_${k}<T>(a0${noB ? '' : ', b'});
  const T want = ${post ? 'a0' : 'a'};
  return differ(r1, want) + differ(r2, want) + differ(r3, want) + differ(r4, want) + differ(r5, want) +
         differ(r6, want) + differ(r7, want) + differ(x2, a) + differ(x3, a) + differ(x4, a) + differ(x5, a) +
         differ(x6, a);
}`;
}

/** The calls for one target type: every operator with every right operand it compiles with. */
function callsFor(t: FixedType): string[] {
  const cpp = formatType(t);
  const a0 = `sp::from_raw_bits<${cpp} >(0x5a5a5a5a5a5a5a5aull)`;
  const calls: string[] = [];
  ASSIGN_OPS.forEach((op, k) => {
    if (INT_ONLY_ASSIGN_OPS.has(op) && t.kind !== 'int') return;
    if (INC_DEC.has(op)) calls.push(`check_${k}(${a0})`);
    else if (SHIFT_ASSIGN.has(op)) calls.push(`check_${k}(${a0}, 3)`, `check_${k}(${a0}, -2)`);
    else {
      for (const b of rightOperands(t)) {
        if (cppSupportsAssign(op.slice(0, -1), t, b.type)) calls.push(`check_${k}(${a0}, ${b.value})`);
      }
    }
  });
  return calls.map((c) => `  failures += ${c}; ++checks;`);
}

/** The program for `types` (default: operatorResultTypes()) and the number of checks it runs. */
export function operatorResultsProgram(types: readonly FixedType[] = operatorResultTypes()): {
  source: string;
  checks: number;
} {
  const calls = types.flatMap(callsFor);
  const source = `#include <cstdio>
#include <type_traits>
#include <utility>
#include "ap_fixed.h"
#include "ap_int.h"
#include "sp_exact_io.h"

template <class T>
int differ(const T& x, const T& y) { return sp::raw_bits(x) != sp::raw_bits(y) ? 1 : 0; }
template <class T>
T by_value(T v) { return v; }
template <class T>
T by_cref(const T& v) { return v; }

${ASSIGN_OPS.map(checkTemplate).join('\n\n')}

int main() {
  long checks = 0, failures = 0;
${calls.join('\n')}
  std::printf("checks %ld failures %ld\\n", checks, failures);
  return 0;
}
`;
  return { source, checks: calls.length };
}
