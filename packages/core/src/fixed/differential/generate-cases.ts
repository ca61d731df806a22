// Randomized cases of the differential test with the results our TypeScript implementation
// predicts. Each case becomes one line of the C++ program's input and is compared with one line
// of its output.
import { add, mul, neg, sub } from '../arithmetic';
import { cast } from '../cast';
import { eq, ge, gt, le, lt, ne } from '../compare';
import { accumulate } from '../compound';
import { div } from '../divide';
import { fracBits, type FixedType } from '../fixed-type';
import { FixedValue } from '../fixed-value';
import { fromNumber } from '../from-number';
import { shl, shr } from '../shift';
import { rawMaxBig, rawMinBig } from '../type-range';
import { makeGroups, PLAN_CASES, type BinaryOp, type Family, type Group } from './groups';
import { Prng } from './prng';
import { doubleHex, hexOf, randomDouble, randomNonZeroRaw, randomRaw } from './random-values';

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

/** Every group and case of one run: `total` cases (about), reproducible from `seed`. */
export function generateCases(seed: number, total: number): CaseSet {
  const rng = new Prng(seed);
  const groups = makeGroups(rng, total / PLAN_CASES);
  const cases: Case[] = [];
  for (const g of groups) {
    for (let i = 0; i < g.cases; i++) cases.push(predict(MAKERS[g.family], rng, g));
  }
  return { seed, groups, cases };
}

/** The program's stdin: one line per case, `<group id> <tokens...>`. */
export function renderInput(cases: readonly Case[]): string {
  return cases.map((c) => `${c.group.id} ${c.tokens.join(' ')}\n`).join('');
}
