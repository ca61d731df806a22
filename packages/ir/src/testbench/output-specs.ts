import type { PreparedModel } from '../prepared-model';
import type { OutputSpec } from './parse-results';

/** The outputs of a prepared model as test benches write them: per output, its value count and type. */
export function outputSpecs(prepared: PreparedModel): OutputSpec[] {
  return prepared.outputs.map((o) => ({ name: o.name, size: o.tensor.size, type: o.type }));
}
