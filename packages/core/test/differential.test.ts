// Differential test: our TypeScript fixed-point implementation against our C++ headers
// (hls-include/ap_types), bit for bit, on seeded random cases: conversions, operators, compound
// assignment, comparisons, shifts, `os << x` text (any precision and stream state) and the
// results of ++/--/op= used as initialisers. One C++ program holds every type combination; the
// values travel through stdin. SP_DIFF_SEED and SP_DIFF_CASES override the
// defaults (e.g. SP_DIFF_SEED=7 SP_DIFF_CASES=50000 npx vitest run test/differential.test.ts).
import { describe, expect, it } from 'vitest';
import { SparsePixelsError } from '../src/errors';
import { OVERFLOW_MODES, QUANT_MODES } from '../src/fixed/fixed-type';
import { typeFamilyName } from '../src/fixed/type-constructors';
import { ASSIGN_OPS, INT_ONLY_ASSIGN_OPS, TARGET_FAMILIES } from './differential/groups';
import { renderProgram } from './differential/cpp-driver';
import { compileCpp } from './differential/cpp-toolchain';
import { generateCases, renderInput, type Case, type CaseSet } from './differential/generate-cases';

const DEFAULT_SEED = 20240611;
const DEFAULT_CASES = 12_000;
const SHOWN_MISMATCHES = 20;

function envInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new SparsePixelsError('SP_TEST_ENV', `${name}=${text} is not allowed: use a positive integer`);
  }
  return n;
}

function describeCase(c: Case, got: string | undefined): string {
  const g = c.group;
  const what = `${g.family}${g.op ? ` ${g.op}` : ''} ${g.operands.map((o) => o.cpp).join(', ')}`;
  return `[group ${g.id}: ${what}] ${c.inputs}: C++ "${got ?? '(no line)'}" TS "${c.expected}"`;
}

function mismatchReport(set: CaseSet, lines: readonly string[]): { count: number; report: string } {
  const bad: string[] = [];
  let count = 0;
  set.cases.forEach((c, i) => {
    if (lines[i] === c.expected) return;
    count++;
    if (bad.length < SHOWN_MISMATCHES) bad.push(describeCase(c, lines[i]));
  });
  if (lines.length !== set.cases.length)
    bad.push(`C++ printed ${lines.length} lines for ${set.cases.length} cases`);
  const head = `seed ${set.seed}: ${count} of ${set.cases.length} cases differ; first ${bad.length}:`;
  return { count: count + (lines.length !== set.cases.length ? 1 : 0), report: [head, ...bad].join('\n') };
}

describe('TypeScript fixed point vs C++ ap_types headers', () => {
  const seed = envInteger('SP_DIFF_SEED', DEFAULT_SEED);
  const set = generateCases(seed, envInteger('SP_DIFF_CASES', DEFAULT_CASES));

  it('draws enough cases over all modes, widths and integer-bit kinds', () => {
    expect(set.cases.length).toBeGreaterThanOrEqual(
      Math.min(10_000, envInteger('SP_DIFF_CASES', DEFAULT_CASES)),
    );
    const fixed = set.groups.flatMap((g) => g.operands.map((o) => o.type)).filter((t) => t.kind === 'fixed');
    const pairs = new Set(fixed.map((t) => `${t.quant}/${t.overflow}`));
    expect(pairs.size).toBe(QUANT_MODES.length * OVERFLOW_MODES.length);
    const widths = new Set(set.groups.flatMap((g) => g.operands.map((o) => o.type.width)));
    for (let w = 1; w <= 64; w++) expect(widths.has(w), `width ${w}`).toBe(true);
    expect(fixed.some((t) => t.integer < 0)).toBe(true);
    expect(fixed.some((t) => t.integer === 0)).toBe(true);
    expect(fixed.some((t) => t.integer > t.width)).toBe(true);
    expect(fixed.some((t) => t.satBits > 0 && t.overflow === 'AP_WRAP_SM')).toBe(true);
    expect(fixed.some((t) => t.satBits > 0 && t.overflow === 'AP_WRAP')).toBe(true);
  });

  it('prints at every precision 1..17 in every stream state, and applies every assignment operator', () => {
    const printed = set.cases.filter((c) => c.group.family === 'print');
    const token = (i: number) => new Set(printed.map((c) => c.tokens[i]));
    expect([...token(1)].map(Number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    expect(token(2)).toEqual(new Set(['0', '1', '2'])); // default, std::fixed, std::scientific
    expect(token(3)).toEqual(new Set(['0', '1', '2', '3'])); // std::showpos, std::left
    expect(printed.some((c) => Number(c.tokens[4]) > 0)).toBe(true);
    const printedTypes = new Set(printed.map((c) => typeFamilyName(c.group.operands[0]!.type)));
    expect(printedTypes).toEqual(new Set(TARGET_FAMILIES));
    const applied = new Set(
      set.groups
        .filter((g) => g.family === 'assignOp')
        .map((g) => `${g.assign} ${typeFamilyName(g.operands[0]!.type)}`),
    );
    for (const op of ASSIGN_OPS) {
      for (const f of TARGET_FAMILIES) {
        const defined = !INT_ONLY_ASSIGN_OPS.has(op) || f === 'ap_int' || f === 'ap_uint';
        expect(applied.has(`${op} ${f}`), `${op} on ${f}`).toBe(defined);
      }
    }
  });

  it('agrees bit for bit (raw results, operator result types and printed text)', () => {
    const program = compileCpp(renderProgram(set.groups), { std: 'c++14', opt: '-O1' });
    let lines: string[];
    try {
      lines = program.run(renderInput(set.cases)).split('\n');
    } finally {
      program.dispose();
    }
    if (lines[lines.length - 1] === '') lines.pop();
    const { count, report } = mismatchReport(set, lines);
    expect(count, report).toBe(0);
  }, 150_000);
});
