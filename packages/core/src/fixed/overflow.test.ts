import { describe, expect, it } from 'vitest';
import { overflowBig } from './overflow';
import { apFixed, apUfixed } from './type-constructors';

describe('overflowBig', () => {
  it('keeps in-range values except the AP_SAT_SYM minimum', () => {
    expect(overflowBig(-128n, apFixed(8, 4, 'AP_TRN', 'AP_SAT_SYM'), 0)).toBe(-127n);
    expect(overflowBig(-1n, apFixed(1, 1, 'AP_TRN', 'AP_SAT_SYM'), 0)).toBe(-1n);
    expect(overflowBig(-128n, apFixed(8, 4, 'AP_TRN', 'AP_SAT'), 0)).toBe(-128n);
    expect(overflowBig(100n, apFixed(8, 4, 'AP_TRN', 'AP_WRAP_SM', 3), 1)).toBe(100n);
  });

  it('saturates, zeroes or wraps out-of-range values', () => {
    expect(overflowBig(300n, apFixed(8, 4, 'AP_TRN', 'AP_SAT'), 0)).toBe(127n);
    expect(overflowBig(-300n, apFixed(8, 4, 'AP_TRN', 'AP_SAT_SYM'), 0)).toBe(-127n);
    expect(overflowBig(-3n, apUfixed(8, 4, 'AP_TRN', 'AP_SAT_SYM'), 0)).toBe(0n);
    expect(overflowBig(-300n, apFixed(8, 4, 'AP_TRN', 'AP_SAT_ZERO'), 0)).toBe(0n);
    expect(overflowBig(300n, apFixed(8, 4), 0)).toBe(44n);
    expect(overflowBig(-24n, apUfixed(8, 4), 0)).toBe(232n);
  });

  it('applies the N-bit procedures (§3, §13 rows 19-21)', () => {
    expect(overflowBig(144n, apFixed(8, 4, 'AP_TRN', 'AP_WRAP', 2), 0)).toBe(0x50n);
    expect(overflowBig(-144n, apFixed(8, 4, 'AP_TRN', 'AP_WRAP', 2), 0)).toBe(0xb0n - 256n); // 0x70 -> sign 1, next bit 0
    expect(overflowBig(300n, apUfixed(8, 4, 'AP_TRN', 'AP_WRAP', 3), 0)).toBe(0xecn); // 0x2c | 0xe0
    expect(overflowBig(144n, apFixed(8, 4, 'AP_TRN', 'AP_WRAP_SM'), 0)).toBe(0x6fn);
    expect(overflowBig(-152n, apFixed(8, 4, 'AP_TRN', 'AP_WRAP_SM'), 1)).toBe(0x97n - 256n);
    expect(overflowBig(144n, apFixed(8, 4, 'AP_TRN', 'AP_WRAP_SM', 1), 0)).toBe(0x6fn); // s=0 != V[7]: invert
    expect(overflowBig(200n, apFixed(8, 4, 'AP_TRN', 'AP_WRAP_SM', 2), 0)).toBe(0x48n); // 0xc8: V[6] = 1 != s, no inversion; V[6] := 1, V[7] := 0
  });
});
