import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from './error-of.test-util';
import { OVERFLOW_MODES, QUANT_MODES, type FixedType } from './fixed-type';
import { formatHls4mlType, formatType, sameType } from './format-type';
import { parseType } from './parse-type';
import { apFixed, apInt, apUfixed, apUint } from './type-constructors';

describe('parseType', () => {
  it('reads the canonical C++ spellings', () => {
    expect(parseType('ap_fixed<16,6,AP_RND_CONV,AP_SAT,0>')).toEqual(
      apFixed(16, 6, 'AP_RND_CONV', 'AP_SAT', 0),
    );
    expect(parseType('ap_ufixed<8,1>')).toEqual(apUfixed(8, 1));
    expect(parseType('ap_int<8>')).toEqual(apInt(8));
    expect(parseType('ap_uint<3>')).toEqual(apUint(3));
    expect(parseType('ap_fixed<8,-2>')).toEqual(apFixed(8, -2));
    expect(parseType('ap_fixed<8,4,AP_TRN,AP_WRAP_SM,2>')).toEqual(apFixed(8, 4, 'AP_TRN', 'AP_WRAP_SM', 2));
  });

  it('reads the hls4ml spellings, modes with or without AP_, and tolerates whitespace', () => {
    expect(parseType('fixed<8,3,TRN,WRAP,0>')).toEqual(apFixed(8, 3));
    expect(parseType('ufixed<8,1>')).toEqual(apUfixed(8, 1));
    expect(parseType('int<8>')).toEqual(apInt(8));
    expect(parseType('uint<8>')).toEqual(apUint(8));
    expect(parseType('fixed<8,3,RND_CONV,SAT>')).toEqual(apFixed(8, 3, 'AP_RND_CONV', 'AP_SAT'));
    expect(parseType('fixed<8,3,AP_RND,SAT_SYM>')).toEqual(apFixed(8, 3, 'AP_RND', 'AP_SAT_SYM'));
    expect(parseType('  ap_fixed < 16 , 6 , AP_RND , AP_SAT >  ')).toEqual(
      apFixed(16, 6, 'AP_RND', 'AP_SAT'),
    );
    expect(parseType('fixed<8,3,RND>')).toEqual(apFixed(8, 3, 'AP_RND'));
  });

  it('rejects malformed strings with one-line messages', () => {
    expect(errorOf(() => parseType('fixed<8>'))).toMatchInlineSnapshot(
      `"SP_TYPE_SYNTAX: cannot parse type "fixed<8>" (a fixed type takes 2 to 5 arguments, got 1): expected e.g. ap_fixed<16,6>, ap_fixed<16,6,AP_RND_CONV,AP_SAT,0>, ap_ufixed<8,1>, ap_int<8>, ap_uint<3>, fixed<8,3,TRN,WRAP,0>, int<8>"`,
    );
    expect(errorOf(() => parseType('ap_fixed<16,6'))).toMatchInlineSnapshot(
      `"SP_TYPE_SYNTAX: cannot parse type "ap_fixed<16,6" (not of the form family<args>): expected e.g. ap_fixed<16,6>, ap_fixed<16,6,AP_RND_CONV,AP_SAT,0>, ap_ufixed<8,1>, ap_int<8>, ap_uint<3>, fixed<8,3,TRN,WRAP,0>, int<8>"`,
    );
    expect(errorOf(() => parseType('float'))).toMatchInlineSnapshot(
      `"SP_TYPE_SYNTAX: cannot parse type "float" (not of the form family<args>): expected e.g. ap_fixed<16,6>, ap_fixed<16,6,AP_RND_CONV,AP_SAT,0>, ap_ufixed<8,1>, ap_int<8>, ap_uint<3>, fixed<8,3,TRN,WRAP,0>, int<8>"`,
    );
    expect(errorOf(() => parseType('ap_int<8,2>'))).toMatchInlineSnapshot(
      `"SP_TYPE_SYNTAX: cannot parse type "ap_int<8,2>" (an integer type takes 1 argument, got 2): expected e.g. ap_fixed<16,6>, ap_fixed<16,6,AP_RND_CONV,AP_SAT,0>, ap_ufixed<8,1>, ap_int<8>, ap_uint<3>, fixed<8,3,TRN,WRAP,0>, int<8>"`,
    );
    expect(errorOf(() => parseType('ap_fixed<a,6>'))).toMatchInlineSnapshot(
      `"SP_TYPE_SYNTAX: cannot parse type "ap_fixed<a,6>" (width "a" is not an integer): expected e.g. ap_fixed<16,6>, ap_fixed<16,6,AP_RND_CONV,AP_SAT,0>, ap_ufixed<8,1>, ap_int<8>, ap_uint<3>, fixed<8,3,TRN,WRAP,0>, int<8>"`,
    );
    expect(errorOf(() => parseType('ap_fixed<16,6,AP_RND,AP_SAT,0,1>'))).toMatchInlineSnapshot(
      `"SP_TYPE_SYNTAX: cannot parse type "ap_fixed<16,6,AP_RND,AP_SAT,0,1>" (a fixed type takes 2 to 5 arguments, got 6): expected e.g. ap_fixed<16,6>, ap_fixed<16,6,AP_RND_CONV,AP_SAT,0>, ap_ufixed<8,1>, ap_int<8>, ap_uint<3>, fixed<8,3,TRN,WRAP,0>, int<8>"`,
    );
    expect(errorOf(() => parseType('ap_fixed<16,6,ROUND>'))).toMatchInlineSnapshot(
      `"SP_TYPE_MODE: unknown quantization mode "ROUND" in type "ap_fixed<16,6,ROUND>": allowed AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV (the AP_ prefix is optional)"`,
    );
    expect(errorOf(() => parseType('ap_fixed<16,6,AP_RND,CLAMP>'))).toMatchInlineSnapshot(
      `"SP_TYPE_MODE: unknown overflow mode "CLAMP" in type "ap_fixed<16,6,AP_RND,CLAMP>": allowed AP_WRAP, AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP_SM (the AP_ prefix is optional)"`,
    );
    expect(errorOf(() => parseType('ap_fixed<0,0>'))).toMatchInlineSnapshot(
      `"SP_TYPE_WIDTH: ap_fixed width 0 is out of range: declared widths must be integers 1..64 (in type "ap_fixed<0,0>")"`,
    );
    expect(errorOf(() => parseType('ap_int<65>'))).toMatchInlineSnapshot(
      `"SP_TYPE_WIDTH: ap_int width 65 is out of range: declared widths must be integers 1..64 (in type "ap_int<65>")"`,
    );
    expect(errorOf(() => parseType('ap_ufixed<8,4,AP_TRN,AP_WRAP_SM>'))).toMatchInlineSnapshot(
      `"SP_TYPE_MODE: ap_ufixed cannot use AP_WRAP_SM: sign-magnitude wrapping needs a signed type (use ap_fixed) (in type "ap_ufixed<8,4,AP_TRN,AP_WRAP_SM>")"`,
    );
  });
});

const declaredType: fc.Arbitrary<FixedType> = fc.oneof(
  fc
    .record({
      signed: fc.boolean(),
      width: fc.integer({ min: 1, max: 64 }),
      integer: fc.integer({ min: -70, max: 140 }),
      quant: fc.constantFrom(...QUANT_MODES),
      overflow: fc.constantFrom(...OVERFLOW_MODES),
      n: fc.nat(64),
    })
    .map(({ signed, width, integer, quant, overflow, n }) => {
      const o = !signed && overflow === 'AP_WRAP_SM' ? 'AP_WRAP' : overflow;
      return (signed ? apFixed : apUfixed)(width, integer, quant, o, n % (width + 1));
    }),
  fc.integer({ min: 1, max: 64 }).map(apInt),
  fc.integer({ min: 1, max: 64 }).map(apUint),
);

describe('round trips', () => {
  it('parseType(formatType(t)) and parseType(formatHls4mlType(t)) give t back', () => {
    fc.assert(
      fc.property(declaredType, (t) => {
        expect(sameType(parseType(formatType(t)), t)).toBe(true);
        expect(sameType(parseType(formatHls4mlType(t)), t)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
