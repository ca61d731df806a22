import { DEFAULT_BUILD, type ModelIR } from '../model';
import type { Pass } from './pass';

/** Missing build hints get the defaults of the published designs (U250, 5 ns, io_parallel, RF 1, latency, dataflow). */
export const fillBuildDefaultsPass: Pass = {
  name: 'fill-build-defaults',
  description: 'backend-neutral build hints default to the published designs',
  run(model: ModelIR) {
    const build = { ...DEFAULT_BUILD, ...(model.build ?? {}) };
    return { ...model, build };
  },
};
