/**
 * A cast to any ap type with that type's own quantization and overflow, e.g. the input quantizer
 * `fixedQuantizer('ap_ufixed<8,1>')` (truncating, wrapping) that reproduces how the HLS test bench
 * and the interpreter cast real inputs. Gradient: straight-through (d/dx = 1).
 */
import type { FixedType } from '@sparsepixels/core';
import { typeFromConfig, typeToConfig } from './config-type';
import { makeQuantizer, type Quantizer } from './quantizer';

export function fixedQuantizer(type: string | FixedType): Quantizer {
  const t = typeof type === 'string' ? typeFromConfig(type) : type;
  const grid = { ...t, quant: 'AP_TRN', overflow: 'AP_WRAP', satBits: 0 } as const;
  return makeQuantizer('fixed', t, Object.freeze(grid), 'linear', 'identity', { type: typeToConfig(t) });
}
