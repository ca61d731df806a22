// Randomized cases of the differential test with the results our TypeScript implementation
// predicts. Each case becomes one line of the C++ program's input and is compared with one line
// of its output.
import { add, mul, neg, sub } from '../../src/fixed/arithmetic';
import { cast } from '../../src/fixed/cast';
import { eq, ge, gt, le, lt, ne } from '../../src/fixed/compare';
import { accumulate, compoundAssign, increment, type CompoundOp } from '../../src/fixed/compound';
import { div } from '../../src/fixed/divide';
import { fracBits, type FixedType } from '../../src/fixed/fixed-type';
import { FixedValue } from '../../src/fixed/fixed-value';
import { fromNumber } from '../../src/fixed/from-number';
import { integerPart } from '../../src/fixed/integer-part';
import { shl, shr } from '../../src/fixed/shift';
import { streamText } from '../../src/fixed/stream-text';
import { rawMaxBig, rawMinBig } from '../../src/fixed/type-range';
import {
  ADDED_PLAN,
  INC_DEC,
  makeGroups,
  PLAN_CASES,
  SHIFT_ASSIGN,
  type BinaryOp,
  type Family,
  type Group,
} from './groups';
import { Prng } from './prng';
import {
  doubleHex,
  hexOf,
  randomDecimalValue,
  randomDouble,
  randomNonZeroRaw,
  randomRaw,
} from './random-values';

export interface Case {
  readonly group: Group;
  /** Input tokens after the group id (hex raws / double bits, decimal counts and amounts). */
  readonly tokens: readonly string[];
  /** Operand values, for failure messages. */
  readonly inputs: string;
  /** The output line our TypeScript implementation predicts (or `error: ...`). */
  readonly expected: string;
}

export interface CaseSet {
  readonly seed: number;
  readonly groups: readonly Group[];
  readonly cases: readonly Case[];
}

/** Result type and raw bits: `f9,5,s 9b` (f fixed / i integer, W, I, signedness, hex pattern). */
export function typedResult(v: FixedValue): string {
  const t = v.type;
  return `${t.kind === 'int' ? 'i' : 'f'}${t.width},${t.integer},${t.signed ? 's' : 'u'} ${hexOf(v.raw, t.width)}`;
}

const bitsOf = (v: FixedValue): string => hexOf(v.raw, v.type.width);
const value = (raw: bigint, t: FixedType): FixedValue => new FixedValue(t, raw);

const BINARY: Record<BinaryOp, (a: FixedValue, b: FixedValue) => FixedValue> = {
  '+': add,
  '-': sub,
  '*': mul,
  '/': div,
};

/** A raw of t equal in value to a (to exercise ==), or a's bit pattern when no such raw exists. */
function matchingRaw(a: FixedValue, t: FixedType): bigint {
  const k = fracBits(t) - fracBits(a.type);
  const exact = k >= 0 ? a.raw << BigInt(k) : a.raw % (1n << BigInt(-k)) === 0n ? a.raw >> BigInt(-k) : null;
  if (exact !== null && exact >= rawMinBig(t) && exact <= rawMaxBig(t)) return exact;
  const pattern = BigInt.asUintN(t.width, a.raw);
  return t.signed ? BigInt.asIntN(t.width, pattern) : pattern;
}

/** raw moved by -1, 0 or +1 within t's range. */
function nudge(rng: Prng, raw: bigint, t: FixedType): bigint {
  const r = raw + BigInt(rng.int(-1, 1));
  return r < rawMinBig(t) ? rawMinBig(t) : r > rawMaxBig(t) ? rawMaxBig(t) : r;
}

/**
 * A divisor for `a /= b` / `a %= b`: non-zero, and for an ap_int target with a non-zero integer
 * part (what the target divides by). Groups never pair an ap_int target with an ap_ufixed<W, I <= 0>.
 */
function divisorRaw(rng: Prng, target: FixedType, t: FixedType): bigint {
  for (let i = 0; i < 30; i++) {
    const r = randomNonZeroRaw(rng, t);
    if (target.kind === 'fixed' || integerPart(value(r, t)) !== 0n) return r;
  }
  return t.signed ? rawMinBig(t) : rawMaxBig(t);
}

/** The operator-result line: the initialised r, a afterwards, r by value, by const reference, returned. */
function assignLine(r: FixedValue, after: FixedValue): string {
  return [r, after, r, r, r].map(bitsOf).join(' ');
}

/** Draws a case's inputs; `expect` evaluates them with our TypeScript implementation. */
type Maker = (rng: Prng, g: Group) => { tokens: string[]; inputs: string; expect: () => string };

const operand = (g: Group, i: number): FixedType => {
  const o = g.operands[i];
  if (!o) throw new Error(`group ${g.id} has no operand ${i}`);
  return o.type;
};

const MAKERS: Record<Family, Maker> = {
  fromDouble: (rng, g) => {
    const x = randomDouble(rng, operand(g, 0));
    return {
      tokens: [doubleHex(x)],
      inputs: `x=${x} (${doubleHex(x)})`,
      expect: () => bitsOf(fromNumber(x, operand(g, 0))),
    };
  },
  cast: (rng, g) => {
    const [ts, tt] = [operand(g, 0), operand(g, 1)];
    const s = randomRaw(rng, ts);
    return { tokens: [hexOf(s, ts.width)], inputs: `s=${s}`, expect: () => bitsOf(cast(value(s, ts), tt)) };
  },
  binary: (rng, g) => {
    const [ta, tb] = [operand(g, 0), operand(g, 1)];
    // Division: now and then the quotient-overflow corner `lo / -1` (when both are signed).
    const corner = g.op === '/' && ta.signed && tb.signed && rng.chance(0.1);
    const a = corner ? rawMinBig(ta) : randomRaw(rng, ta);
    const b = corner ? -1n : g.op === '/' ? randomNonZeroRaw(rng, tb) : randomRaw(rng, tb);
    const expect = (): string => typedResult(BINARY[g.op ?? '+'](value(a, ta), value(b, tb)));
    return { tokens: [hexOf(a, ta.width), hexOf(b, tb.width)], inputs: `a=${a} b=${b}`, expect };
  },
  negate: (rng, g) => {
    const t = operand(g, 0);
    const a = randomRaw(rng, t);
    return { tokens: [hexOf(a, t.width)], inputs: `a=${a}`, expect: () => typedResult(neg(value(a, t))) };
  },
  accumulate: (rng, g) => {
    const [tacc, ta, tb] = [operand(g, 0), operand(g, 1), operand(g, 2)];
    const steps = rng.int(2, 50);
    const acc0 = randomRaw(rng, tacc);
    const pairs = Array.from({ length: steps }, () => [randomRaw(rng, ta), randomRaw(rng, tb)] as const);
    const operands = pairs.flatMap(([a, b]) => [hexOf(a, ta.width), hexOf(b, tb.width)]);
    const expect = (): string =>
      bitsOf(
        pairs.reduce((acc, [a, b]) => accumulate(acc, mul(value(a, ta), value(b, tb))), value(acc0, tacc)),
      );
    const inputs = `acc0=${acc0}, ${steps} steps of (a, b) hex: ${operands.join(' ')}`;
    return { tokens: [hexOf(acc0, tacc.width), String(steps), ...operands], inputs, expect };
  },
  compare: (rng, g) => {
    const [ta, tb] = [operand(g, 0), operand(g, 1)];
    // Equal or adjacent values half of the time, so == and the boundaries of < are exercised.
    const roll = rng.int(0, 9);
    let a = randomRaw(rng, ta);
    let b = roll < 2 ? matchingRaw(value(a, ta), tb) : randomRaw(rng, tb);
    if (roll >= 2 && roll < 5) {
      if (rng.chance(0.2)) b = rawMinBig(tb); // the AP_SAT_SYM alignment quirk lives at the minimum
      a = nudge(rng, matchingRaw(value(b, tb), ta), ta);
    }
    const expect = (): string =>
      [lt, le, gt, ge, eq, ne].map((f) => (f(value(a, ta), value(b, tb)) ? '1' : '0')).join('');
    return { tokens: [hexOf(a, ta.width), hexOf(b, tb.width)], inputs: `a=${a} b=${b}`, expect };
  },
  shift: (rng, g) => {
    const t = operand(g, 0);
    const a = randomRaw(rng, t);
    const n = rng.int(-t.width - 3, t.width + 3);
    const expect = (): string => `${bitsOf(shl(value(a, t), n))} ${bitsOf(shr(value(a, t), n))}`;
    return { tokens: [hexOf(a, t.width), String(n)], inputs: `a=${a} n=${n}`, expect };
  },
  print: (rng, g) => {
    const t = operand(g, 0);
    const raw = rng.chance(0.4) ? fromNumber(randomDecimalValue(rng, t), t).raw : randomRaw(rng, t);
    // Half of the precisions are 1..3, where short integer parts already meet the truncation quirk.
    const precision = rng.chance(0.5) ? rng.int(1, 3) : rng.int(1, 17);
    const s = { precision, width: rng.chance(0.3) ? rng.int(1, 30) : 0, fill: rng.pick([' ', '*']) };
    const [floatfield, showpos, left] = [rng.int(0, 2), rng.chance(0.3), rng.chance(0.2)]; // 0 default, 1 fixed, 2 scientific
    const flags = (showpos ? 1 : 0) + (left ? 2 : 0);
    const tokens = [
      hexOf(raw, t.width),
      ...[s.precision, floatfield, flags, s.width, s.fill.charCodeAt(0)].map(String),
    ];
    const inputs = `x=${raw} precision ${s.precision} floatfield ${floatfield} showpos ${showpos} left ${left} width ${s.width} fill '${s.fill}'`;
    return { tokens, inputs, expect: () => `[${streamText(value(raw, t), { ...s, left })}]` };
  },
  assignOp: (rng, g) => {
    const op = g.assign ?? '++a';
    const ta = operand(g, 0);
    const a = value(randomRaw(rng, ta), ta);
    if (INC_DEC.has(op)) {
      const expect = (): string => {
        const after = increment(a, op.includes('+') ? 1 : -1);
        return assignLine(op.startsWith('a') ? a : after, after);
      };
      return { tokens: [bitsOf(a)], inputs: `a=${a.raw}`, expect };
    }
    if (SHIFT_ASSIGN.has(op)) {
      const n = rng.int(-ta.width - 3, ta.width + 3);
      const expect = (): string => {
        const after = op === '<<=' ? shl(a, n) : shr(a, n);
        return assignLine(after, after);
      };
      return { tokens: [bitsOf(a), String(n)], inputs: `a=${a.raw} n=${n}`, expect };
    }
    const tb = operand(g, 1);
    const b = value(op === '/=' || op === '%=' ? divisorRaw(rng, ta, tb) : randomRaw(rng, tb), tb);
    const expect = (): string => {
      const after = compoundAssign(a, op as CompoundOp, b);
      return assignLine(after, after);
    };
    return { tokens: [bitsOf(a), bitsOf(b)], inputs: `a=${a.raw} b=${b.raw}`, expect };
  },
};

function predict(make: Maker, rng: Prng, g: Group): Case {
  const { tokens, inputs, expect } = make(rng, g);
  try {
    return { group: g, tokens, inputs, expected: expect() };
  } catch (e) {
    // Keep the case: the C++ output cannot match, so the failure shows the TypeScript error.
    return { group: g, tokens, inputs, expected: `error: ${(e as Error).message}` };
  }
}

function drawCases(rng: Prng, groups: readonly Group[]): Case[] {
  const cases: Case[] = [];
  for (const g of groups) {
    for (let i = 0; i < g.cases; i++) cases.push(predict(MAKERS[g.family], rng, g));
  }
  return cases;
}

/** Seed offset of the ADDED_PLAN families' own random stream. */
const ADDED_STREAM = 0x5bd1e995;

/**
 * Every group and case of one run, reproducible from `seed`: PLAN's families with `total` cases
 * (about), then ADDED_PLAN's, scaled alike, from their own stream.
 */
export function generateCases(seed: number, total: number): CaseSet {
  const scale = total / PLAN_CASES;
  const rng = new Prng(seed);
  const groups = makeGroups(rng, scale);
  const cases = drawCases(rng, groups);
  const addedRng = new Prng(seed ^ ADDED_STREAM);
  const added = makeGroups(addedRng, scale, ADDED_PLAN, groups.length);
  return { seed, groups: [...groups, ...added], cases: [...cases, ...drawCases(addedRng, added)] };
}

/** The program's stdin: one line per case, `<group id> <tokens...>`. */
export function renderInput(cases: readonly Case[]): string {
  return cases.map((c) => `${c.group.id} ${c.tokens.join(' ')}\n`).join('');
}
