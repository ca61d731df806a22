import { apFixed, apInt, apUfixed, formatType, OVERFLOW_MODES, QUANT_MODES } from '@sparsepixels/core';
import { describe, expect, it } from 'vitest';
import { modeFromConfig, modeToConfig, typeFromConfig, typeToConfig } from './config-type';

/** What TensorFlow.js does to config strings on save and on load (tfjs-layers generic_utils). */
const toSnake = (s: string) => s.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
const toCamel = (s: string) => (s.length <= 1 || !s.includes('_') ? s : s.replace(/[_]+(\w|$)/g, (_m, p: string) => p.toUpperCase()));

describe('types in layer configs', () => {
  it('survive the tfjs save/load string rewrites for every mode', () => {
    for (const q of QUANT_MODES) {
      for (const o of OVERFLOW_MODES.filter((m) => m !== 'AP_WRAP_SM')) {
        for (const t of [apFixed(12, 3, q, o), apUfixed(8, 1, q, o)]) {
          const s = typeToConfig(t);
          expect(toCamel(toSnake(s))).toBe(s);
          expect(formatType(typeFromConfig(toCamel(toSnake(s))))).toBe(formatType(t));
        }
      }
      expect(modeFromConfig(toCamel(toSnake(modeToConfig(q))))).toBe(q);
    }
    expect(typeToConfig(apInt(8))).toBe('int<8>');
    expect(typeToConfig(apUfixed(8, 2, 'AP_RND_CONV', 'AP_SAT'))).toBe('ufixed<8,2,rndconv,sat,0>');
  });

  it('accepts canonical spellings too', () => {
    expect(formatType(typeFromConfig('ap_fixed<16,6,AP_RND_CONV,AP_SAT>'))).toBe('ap_fixed<16,6,AP_RND_CONV,AP_SAT>');
    expect(modeFromConfig('AP_RND')).toBe('AP_RND');
    expect(() => modeFromConfig('nearest')).toThrowErrorMatchingInlineSnapshot(`[SparsePixelsError: rounding "nearest" is unknown; allowed AP_TRN, AP_TRN_ZERO, AP_RND, AP_RND_ZERO, AP_RND_MIN_INF, AP_RND_INF, AP_RND_CONV]`);
  });
});
