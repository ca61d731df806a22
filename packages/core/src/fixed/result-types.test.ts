import { describe, expect, it } from 'vitest';
import type { FixedType } from './fixed-type';
import { formatType } from './format-type';
import { addType, divType, mulType, negType, subType } from './result-types';
import { apFixed, apInt, apUfixed, apUint } from './type-constructors';

describe('operator result types (§6.1, §6.2, §6.5)', () => {
  it('give the header’s result types', () => {
    const t = (f: () => FixedType): string => formatType(f());
    expect(t(() => addType(apFixed(8, 4), apFixed(6, 2)))).toBe('ap_fixed<9,5>');
    expect(t(() => addType(apUfixed(8, 4), apUfixed(6, 2)))).toBe('ap_ufixed<9,5>');
    expect(t(() => subType(apUfixed(8, 4), apUfixed(6, 2)))).toBe('ap_fixed<9,5>');
    expect(t(() => addType(apFixed(16, 6), apFixed(8, 1)))).toBe('ap_fixed<17,7>');
    expect(t(() => addType(apUfixed(8, 4), apFixed(8, 4)))).toBe('ap_fixed<10,6>');
    expect(t(() => addType(apFixed(8, 4), apUint(1)))).toBe('ap_fixed<9,5>'); // `+ true`
    expect(t(() => mulType(apFixed(40, 10), apFixed(32, 4)))).toBe('ap_fixed<72,14>');
    expect(t(() => divType(apFixed(8, 4), apUfixed(8, 2)))).toBe('ap_fixed<14,10>');
    expect(t(() => divType(apFixed(8, 4), apFixed(8, 10)))).toBe('ap_fixed<9,3>');
    expect(t(() => negType(apUfixed(8, 4)))).toBe('ap_fixed<9,5>');
    expect(t(() => addType(apUint(8), apInt(8)))).toBe('ap_int<10>');
    expect(t(() => mulType(apUint(8), apUint(3)))).toBe('ap_uint<11>');
    expect(t(() => divType(apUint(8), apInt(3)))).toBe('ap_int<9>');
    expect(t(() => negType(apInt(1)))).toBe('ap_int<3>');
    expect(t(() => negType(apUint(1)))).toBe('ap_int<2>');
    expect(t(() => negType(apFixed(1, 1)))).toBe('ap_fixed<2,2>');
  });

  it('have AP_TRN/AP_WRAP/0 whatever the operands’ modes, and may exceed 64 bits', () => {
    const r = mulType(apFixed(64, 32, 'AP_RND', 'AP_SAT'), apFixed(64, 32, 'AP_RND_CONV', 'AP_WRAP_SM', 3));
    expect(r).toMatchObject({ width: 128, integer: 64, quant: 'AP_TRN', overflow: 'AP_WRAP', satBits: 0 });
  });
});
