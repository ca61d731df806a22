/** The quantizers a saved model can name (explicit list), and turning configs back into quantizers. */
import { SparsePixelsError } from '@sparsepixels/core';
import { modeFromConfig } from './config-type';
import { fixedQuantizer } from './fixed-quantizer';
import { quantizedBits } from './quantized-bits';
import { quantizedRelu } from './quantized-relu';
import type { Quantizer, QuantizerJson } from './quantizer';

type Config = QuantizerJson['config'];

interface QuantizerEntry {
  readonly className: string;
  fromConfig(c: Config): Quantizer;
}

export const QUANTIZERS: readonly QuantizerEntry[] = Object.freeze([
  {
    className: 'quantizedBits',
    fromConfig: (c: Config) =>
      quantizedBits(Number(c['bits']), Number(c['integer'] ?? 0), {
        keepNegative: c['keepNegative'] !== false,
        symmetric: c['symmetric'] === true,
        rounding: modeFromConfig(String(c['rounding'] ?? 'rndconv')),
      }),
  },
  { className: 'quantizedRelu', fromConfig: (c: Config) => quantizedRelu(Number(c['bits']), Number(c['integer'] ?? 0)) },
  { className: 'fixed', fromConfig: (c: Config) => fixedQuantizer(String(c['type'])) },
]);

function isQuantizer(q: unknown): q is Quantizer {
  return typeof q === 'object' && q !== null && typeof (q as Quantizer).quantize === 'function';
}

/** A quantizer from an instance or its serialized form; undefined/null stays undefined. */
export function toQuantizer(q: Quantizer | QuantizerJson | null | undefined, where?: string): Quantizer | undefined {
  if (q === undefined || q === null) return undefined;
  if (isQuantizer(q)) return q;
  const entry = QUANTIZERS.find((e) => e.className === q.className);
  if (!entry) {
    throw new SparsePixelsError(
      'SP_LAYER_ARG',
      `quantizer "${String(q.className)}" is unknown; allowed ${QUANTIZERS.map((e) => e.className).join(', ')}`,
      where,
    );
  }
  return entry.fromConfig(q.config ?? {});
}
