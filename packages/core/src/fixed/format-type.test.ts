import { describe, expect, it } from 'vitest';
import { formatHls4mlType, formatType, sameType, typeKey } from './format-type';
import { apFixed, apInt, apUfixed, apUint, operatorType } from './type-constructors';

describe('formatType / formatHls4mlType', () => {
  it('prints short forms for default modes and full forms otherwise', () => {
    expect(formatType(apFixed(16, 6))).toBe('ap_fixed<16,6>');
    expect(formatType(apFixed(16, 6, 'AP_RND_CONV', 'AP_SAT'))).toBe('ap_fixed<16,6,AP_RND_CONV,AP_SAT>');
    expect(formatType(apFixed(16, 6, 'AP_TRN', 'AP_SAT'))).toBe('ap_fixed<16,6,AP_TRN,AP_SAT>');
    expect(formatType(apFixed(16, 6, 'AP_RND'))).toBe('ap_fixed<16,6,AP_RND,AP_WRAP>');
    expect(formatType(apFixed(8, 4, 'AP_TRN', 'AP_WRAP', 2))).toBe('ap_fixed<8,4,AP_TRN,AP_WRAP,2>');
    expect(formatType(apUfixed(8, 1))).toBe('ap_ufixed<8,1>');
    expect(formatType(apInt(8))).toBe('ap_int<8>');
    expect(formatType(apUint(3))).toBe('ap_uint<3>');
  });

  it('prints hls4ml precisions', () => {
    expect(formatHls4mlType(apFixed(16, 6, 'AP_RND_CONV', 'AP_SAT'))).toBe('fixed<16,6,RND_CONV,SAT,0>');
    expect(formatHls4mlType(apUfixed(8, 1))).toBe('ufixed<8,1,TRN,WRAP,0>');
    expect(formatHls4mlType(apInt(8))).toBe('int<8>');
    expect(formatHls4mlType(apUint(8))).toBe('uint<8>');
  });
});

describe('typeKey / sameType', () => {
  it('distinguish every field, including modes that formatType abbreviates', () => {
    const types = [
      apFixed(8, 4),
      apFixed(8, 4, 'AP_TRN', 'AP_WRAP', 1),
      apFixed(8, 4, 'AP_RND'),
      apFixed(8, 4, 'AP_TRN', 'AP_SAT'),
      apUfixed(8, 4),
      apFixed(8, 3),
      apFixed(9, 4),
      apInt(8),
      apUint(8),
      apFixed(8, 8),
    ];
    expect(new Set(types.map(typeKey)).size).toBe(types.length);
    types.forEach((a, i) => types.forEach((b, j) => expect(sameType(a, b)).toBe(i === j)));
    expect(typeKey(apFixed(16, 6))).toBe('ap_fixed<16,6,AP_TRN,AP_WRAP,0>');
    expect(sameType(apFixed(16, 6), { ...apFixed(16, 6) })).toBe(true);
  });

  it('also format operator result types wider than 64 bits', () => {
    expect(formatType(operatorType('fixed', true, 128, 64))).toBe('ap_fixed<128,64>');
    expect(formatType(operatorType('int', false, 70, 70))).toBe('ap_uint<70>');
  });
});
