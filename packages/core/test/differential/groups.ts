// The type combinations ("groups") of the differential test. Each group is one set of C++ template
// instantiations, applied at run time to many values; the plan covers every Q/O mode pair (and
// N > 0), every declared width 1..64, and I negative, zero, inside and beyond W.
import { OVERFLOW_MODES, QUANT_MODES, fracBits, type FixedType } from '../../src/fixed/fixed-type';
import { addType, divType, mulType, subType } from '../../src/fixed/result-types';
import { intOperandType, type CompoundOp } from '../../src/fixed/compound';
import { apFixed, apUfixed } from '../../src/fixed/type-constructors';
import type { Prng } from './prng';
import {
  C_INT_TYPES,
  INTEGER_BITS_KINDS,
  apOperand,
  randomType,
  type IntegerBitsKind,
  type OperandType,
} from './random-values';

export type Family =
  | 'fromDouble'
  | 'cast'
  | 'binary'
  | 'negate'
  | 'accumulate'
  | 'compare'
  | 'shift'
  | 'print'
  | 'assignOp';
export type BinaryOp = '+' | '-' | '*' | '/';
export const BINARY_OPS: readonly BinaryOp[] = ['+', '-', '*', '/'];

/** Operators whose result is a's own (base-class) type: `T r = ++a;`, `T r = (a += b);` ... */
export type AssignOp = '++a' | 'a++' | '--a' | 'a--' | '<<=' | '>>=' | CompoundOp;
export const ASSIGN_OPS: readonly AssignOp[] = [
  '++a',
  'a++',
  '--a',
  'a--',
  '+=',
  '-=',
  '*=',
  '/=',
  '<<=',
  '>>=',
  '%=', // this and the next three: ap_int / ap_uint targets only
  '&=',
  '|=',
  '^=',
];
export const INT_ONLY_ASSIGN_OPS: ReadonlySet<AssignOp> = new Set(['%=', '&=', '|=', '^=']);
export const INC_DEC: ReadonlySet<AssignOp> = new Set(['++a', 'a++', '--a', 'a--']);
export const SHIFT_ASSIGN: ReadonlySet<AssignOp> = new Set(['<<=', '>>=']);
/** The four class templates; an assignOp group's first operand is one of them. */
export const TARGET_FAMILIES = ['ap_int', 'ap_uint', 'ap_fixed', 'ap_ufixed'] as const;

export interface Group {
  readonly id: number;
  readonly family: Family;
  /**
   * fromDouble/print [T]; cast [S, T]; binary/compare [A, B]; negate/shift [A]; accumulate
   * [acc, A, B]; assignOp [A] (++, --, <<=, >>=) or [A, B].
   */
  readonly operands: readonly OperandType[];
  readonly op?: BinaryOp;
  /** assignOp groups: the operator applied to the first operand. */
  readonly assign?: AssignOp;
  /** Cases per group in this run. */
  readonly cases: number;
}

/** Groups per family and cases per group for the default total (scaled by SP_DIFF_CASES). */
export const PLAN: readonly { family: Family; groups: number; cases: number }[] = [
  { family: 'fromDouble', groups: 64, cases: 45 },
  { family: 'cast', groups: 64, cases: 35 },
  { family: 'binary', groups: 112, cases: 30 },
  { family: 'negate', groups: 16, cases: 30 },
  { family: 'accumulate', groups: 24, cases: 20 },
  { family: 'compare', groups: 40, cases: 40 },
  { family: 'shift', groups: 24, cases: 30 },
];

export const PLAN_CASES = PLAN.reduce((n, p) => n + p.groups * p.cases, 0);

/**
 * Families added after the first plan (issue 14: printing, operator results as initialisers). They
 * draw from their own random stream and add to PLAN's cases, so PLAN's cases stay as they were.
 */
export const ADDED_PLAN: readonly { family: Family; groups: number; cases: number }[] = [
  { family: 'print', groups: 48, cases: 40 },
  { family: 'assignOp', groups: 96, cases: 16 },
];

const MAX_CPP_WIDTH = 128; // widest type our C++ headers support (operator results)
const MAX_DIV_INTERNAL = 64; // the random tests divide only when the internal width fits 64 bits

/** Destination types cycling through all 35 Q/O pairs, all widths and all I kinds. */
function coveringType(rng: Prng, i: number, shift: number): FixedType {
  if (i % 8 === 7) return randomType(rng, { kind: 'int' });
  const combo = (i + shift) % (QUANT_MODES.length * OVERFLOW_MODES.length);
  return randomType(rng, {
    kind: 'fixed',
    width: 1 + ((i * 29 + shift) % 64),
    integerBits: INTEGER_BITS_KINDS[(i + shift) % INTEGER_BITS_KINDS.length],
    quant: QUANT_MODES[combo % QUANT_MODES.length],
    overflow: OVERFLOW_MODES[Math.floor(combo / QUANT_MODES.length)],
  });
}

/** Two operands, one of them a C integer type now and then (never both). */
function operandPair(rng: Prng, cIntChance: number): [OperandType, OperandType] {
  const a = apOperand(randomType(rng));
  const b = apOperand(randomType(rng));
  if (!rng.chance(cIntChance)) return [a, b];
  return rng.chance(0.5) ? [rng.pick(C_INT_TYPES), b] : [a, rng.pick(C_INT_TYPES)];
}

/** Same W and I, opposite signedness: the C-like mixed-signedness comparison rules (§9.2). */
function mirroredPair(rng: Prng): [OperandType, OperandType] {
  const a = randomType(rng, { overflow: rng.pick(['AP_WRAP', 'AP_SAT', 'AP_SAT_SYM'] as const) });
  const b =
    a.kind === 'int'
      ? randomType(rng, { kind: 'int', signed: !a.signed, width: a.width })
      : { ...a, signed: !a.signed };
  return [apOperand(a), apOperand(b)];
}

/**
 * [quirk of §9.1] A right AP_SAT_SYM operand with fewer fractional bits, and a left operand whose
 * range holds the right one's minimum, so that minimum can meet equal and adjacent left values.
 */
function satSymPair(rng: Prng): [OperandType, OperandType] {
  const right = randomType(rng, {
    kind: 'fixed',
    signed: true,
    overflow: 'AP_SAT_SYM',
    width: rng.int(1, 48),
  });
  const extraInt = rng.int(0, 2);
  const extraFrac = rng.int(1, 64 - right.width - extraInt);
  const left = apFixed(right.width + extraInt + extraFrac, right.integer + extraInt, rng.pick(QUANT_MODES));
  return [apOperand(left), apOperand(right)];
}

/** §6.4 / §6.5: the width the division works in internally. */
export function divisionInternalWidth(a: FixedType, b: FixedType): number {
  if (a.kind === 'int' && b.kind === 'int')
    return Math.max(a.width, b.width) + (a.signed || b.signed ? 1 : 0);
  const f2 = Math.max(fracBits(b), 0);
  return Math.max(a.width + f2 + (b.signed && !a.signed ? 1 : 0), b.width + (a.signed && !b.signed ? 1 : 0));
}

/** Whether our C++ headers compile `a op b` (result and internal widths they support). */
export function cppSupportsBinary(op: BinaryOp, a: FixedType, b: FixedType): boolean {
  if (op === '+') return addType(a, b).width <= MAX_CPP_WIDTH;
  if (op === '-') return subType(a, b).width <= MAX_CPP_WIDTH;
  if (op === '*') return mulType(a, b).width <= MAX_CPP_WIDTH;
  return divType(a, b).width <= MAX_CPP_WIDTH && divisionInternalWidth(a, b) <= MAX_DIV_INTERNAL;
}

/** The type `acc += p` adds in: an ap_int accumulator takes p's integer part as ap_int<max(I,1)>. */
export function accumulateAddend(acc: FixedType, p: FixedType): FixedType {
  return acc.kind === 'int' ? intOperandType(p) : p;
}

function cppSupportsAccumulate(acc: FixedType, a: FixedType, b: FixedType): boolean {
  const p = mulType(a, b);
  const addend = accumulateAddend(acc, p);
  return (
    p.width <= MAX_CPP_WIDTH && addend.width <= MAX_CPP_WIDTH && addType(acc, addend).width <= MAX_CPP_WIDTH
  );
}

function retry<T>(make: () => T, ok: (v: T) => boolean): T {
  for (;;) {
    const v = make();
    if (ok(v)) return v;
  }
}

type GroupShape = Pick<Group, 'operands' | 'op' | 'assign'>;

const SHAPES: Record<Family, (rng: Prng, i: number) => GroupShape> = {
  fromDouble: (rng, i) => ({ operands: [apOperand(coveringType(rng, i, 0))] }),
  cast: (rng, i) => {
    const source = i % 6 === 5 ? rng.pick(C_INT_TYPES) : apOperand(randomType(rng));
    return { operands: [source, apOperand(coveringType(rng, i, 11))] };
  },
  binary: (rng, i) => {
    const op = BINARY_OPS[i % BINARY_OPS.length] ?? '+';
    const operands = retry(
      () => operandPair(rng, 1 / 6),
      ([a, b]) => cppSupportsBinary(op, a.type, b.type),
    );
    return { operands, op };
  },
  negate: (rng) => ({ operands: [apOperand(randomType(rng))] }),
  accumulate: (rng, i) => {
    const acc = randomType(rng, { kind: i % 6 === 5 ? 'int' : 'fixed' });
    const [a, b] = retry(
      () => [randomType(rng), randomType(rng)] as const,
      ([x, y]) => cppSupportsAccumulate(acc, x, y),
    );
    return { operands: [apOperand(acc), apOperand(a), apOperand(b)] };
  },
  compare: (rng, i) => {
    if (i % 4 === 3) return { operands: mirroredPair(rng) };
    if (i % 8 === 1) return { operands: satSymPair(rng) };
    return { operands: operandPair(rng, 1 / 5) };
  },
  shift: (rng) => ({ operands: [apOperand(randomType(rng))] }),
  print: (rng, i) => {
    if (i === 0) return { operands: [apOperand(apUfixed(16, 10))] }; // the type of issue 14's report
    const { kind, signed } = targetFamily(TARGET_FAMILIES[i % TARGET_FAMILIES.length] ?? 'ap_fixed');
    return { operands: [apOperand(randomType(rng, { kind, signed, integerBits: rng.pick(PRINTABLE_I) }))] };
  },
  assignOp: (rng, i) => {
    const [assign, target] = ASSIGN_COMBOS[i % ASSIGN_COMBOS.length] ?? ['++a', 'ap_int'];
    const { kind, signed } = targetFamily(target);
    // The reference adds 1 as an unsigned <F + 1, 1> value: no such type when I > W.
    const a = INC_DEC.has(assign)
      ? randomType(rng, { kind, signed, integerBits: rng.pick(PRINTABLE_I) })
      : randomType(rng, { kind, signed });
    if (INC_DEC.has(assign) || SHIFT_ASSIGN.has(assign)) return { operands: [apOperand(a)], assign };
    const op = assign.slice(0, -1);
    const b = retry(
      () => (rng.chance(1 / 5) ? rng.pick(C_INT_TYPES) : apOperand(randomType(rng))),
      (o) => cppSupportsAssign(op, a, o.type),
    );
    return { operands: [apOperand(a), b], assign };
  },
};

function targetFamily(f: (typeof TARGET_FAMILIES)[number]): { kind: 'int' | 'fixed'; signed: boolean } {
  return {
    kind: f === 'ap_int' || f === 'ap_uint' ? 'int' : 'fixed',
    signed: f === 'ap_int' || f === 'ap_fixed',
  };
}

/** Printing is defined for I <= W (the reference prints wrong digits for I > W). */
const PRINTABLE_I: readonly IntegerBitsKind[] = ['negative', 'zero', 'inside'];

/** Every operator with every target class it applies to. */
const ASSIGN_COMBOS: readonly (readonly [AssignOp, (typeof TARGET_FAMILIES)[number]])[] = ASSIGN_OPS.flatMap(
  (op) =>
    TARGET_FAMILIES.filter((f) => !INT_ONLY_ASSIGN_OPS.has(op) || f === 'ap_int' || f === 'ap_uint').map(
      (f) => [op, f] as const,
    ),
);

/** Whether our headers compile `a op= b` (the operator's result and internal widths; "op" without "="). */
export function cppSupportsAssign(op: string, a: FixedType, b: FixedType): boolean {
  const y = a.kind === 'int' ? intOperandType(b) : b;
  // An ap_int target divides by the integer part, always 0 for an ap_ufixed with I <= 0.
  if (a.kind === 'int' && (op === '/' || op === '%') && b.kind === 'fixed' && !b.signed && b.integer <= 0)
    return false;
  if (op === '%') return cppSupportsBinary('/', a, y);
  if (op === '&' || op === '|' || op === '^') return true;
  return cppSupportsBinary(op as BinaryOp, a, y);
}

/** The groups of `plan`, numbered from `firstId`: `scale` multiplies the cases per group (at least one each). */
export function makeGroups(rng: Prng, scale: number, plan = PLAN, firstId = 0): Group[] {
  const groups: Group[] = [];
  for (const p of plan) {
    const cases = Math.max(1, Math.round(p.cases * scale));
    for (let i = 0; i < p.groups; i++) {
      groups.push({ id: firstId + groups.length, family: p.family, cases, ...SHAPES[p.family](rng, i) });
    }
  }
  return groups;
}
