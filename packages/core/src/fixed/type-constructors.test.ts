import { describe, expect, it } from 'vitest';
import { errorOf } from './error-of.test-util';
import { apFixed, apInt, apUfixed, apUint, operatorType } from './type-constructors';

describe('type constructors', () => {
  it('build the four families with the default modes', () => {
    expect(apFixed(16, 6)).toEqual({
      kind: 'fixed',
      signed: true,
      width: 16,
      integer: 6,
      quant: 'AP_TRN',
      overflow: 'AP_WRAP',
      satBits: 0,
    });
    expect(apUfixed(8, 1, 'AP_RND', 'AP_SAT', 2)).toMatchObject({
      signed: false,
      quant: 'AP_RND',
      satBits: 2,
    });
    expect(apInt(8)).toMatchObject({ kind: 'int', signed: true, width: 8, integer: 8 });
    expect(apUint(64)).toMatchObject({ kind: 'int', signed: false, width: 64, integer: 64 });
    expect(apFixed(8, -20).integer).toBe(-20);
    expect(apFixed(4, 80).integer).toBe(80);
    expect(Object.isFrozen(apFixed(8, 4))).toBe(true);
  });

  it('allow operator result types wider than 64 bits only through operatorType', () => {
    expect(operatorType('fixed', true, 128, 64).width).toBe(128);
    expect(operatorType('int', false, 70, 0).integer).toBe(70);
  });

  it('reject bad parameters with one-line messages', () => {
    expect(errorOf(() => apFixed(0, 0))).toMatchInlineSnapshot(
      `"SP_TYPE_WIDTH: ap_fixed width 0 is out of range: declared widths must be integers 1..64"`,
    );
    expect(errorOf(() => apFixed(65, 1))).toMatchInlineSnapshot(
      `"SP_TYPE_WIDTH: ap_fixed width 65 is out of range: declared widths must be integers 1..64"`,
    );
    expect(errorOf(() => apInt(65))).toMatchInlineSnapshot(
      `"SP_TYPE_WIDTH: ap_int width 65 is out of range: declared widths must be integers 1..64"`,
    );
    expect(errorOf(() => apUint(0))).toMatchInlineSnapshot(
      `"SP_TYPE_WIDTH: ap_uint width 0 is out of range: declared widths must be integers 1..64"`,
    );
    expect(errorOf(() => apFixed(8.5, 1))).toMatchInlineSnapshot(
      `"SP_TYPE_WIDTH: ap_fixed width 8.5 is out of range: declared widths must be integers 1..64"`,
    );
    expect(errorOf(() => apFixed(8, 2000))).toMatchInlineSnapshot(
      `"SP_TYPE_INTEGER_BITS: ap_fixed integer bits 2000 is out of range: allowed integers -1024..1024"`,
    );
    expect(errorOf(() => apFixed(8, 4, 'AP_TRN', 'AP_WRAP', 9))).toMatchInlineSnapshot(
      `"SP_TYPE_SAT_BITS: ap_fixed saturation bits N=9 is out of range: allowed integers 0..8 (the width)"`,
    );
    expect(errorOf(() => apUfixed(8, 4, 'AP_TRN', 'AP_WRAP_SM'))).toMatchInlineSnapshot(
      `"SP_TYPE_MODE: ap_ufixed cannot use AP_WRAP_SM: sign-magnitude wrapping needs a signed type (use ap_fixed)"`,
    );
    expect(errorOf(() => apFixed(8, 4, 'RND' as never))).toMatchInlineSnapshot(
      `"SP_TYPE_MODE: ap_fixed quantization mode "RND" is unknown: allowed AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV"`,
    );
    expect(errorOf(() => apFixed(8, 4, 'AP_TRN', 'SAT' as never))).toMatchInlineSnapshot(
      `"SP_TYPE_MODE: ap_fixed overflow mode "SAT" is unknown: allowed AP_WRAP, AP_SAT, AP_SAT_ZERO, AP_SAT_SYM, AP_WRAP_SM"`,
    );
  });

  it('accept the extremes of the allowed ranges', () => {
    expect(apFixed(1, 1).width).toBe(1);
    expect(apFixed(64, 64, 'AP_TRN', 'AP_WRAP_SM', 64).satBits).toBe(64);
    expect(apUint(1).width).toBe(1);
  });
});
