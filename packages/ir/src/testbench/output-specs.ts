import { parseType } from '@sparsepixels/core';
import type { ModelIR } from '../model';
import type { OutputSpec } from './parse-results';

/** The outputs of a prepared model as test benches write them: per output, its value count and type. */
export function outputSpecs(model: ModelIR): OutputSpec[] {
  return model.outputs.map((name) => {
    const layer = model.layers.find((l) => l.name === name)!;
    const shape = layer.output?.shape ?? [];
    const size = layer.output?.slots !== undefined ? layer.output.slots * (shape[shape.length - 1] ?? 1) : shape.reduce((a, b) => a * b, 1);
    return { name, size, type: parseType(layer.precision!.result!) };
  });
}
