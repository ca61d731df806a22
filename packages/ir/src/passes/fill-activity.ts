import { DEFAULT_ACTIVITY, type ModelIR } from '../model';
import type { Pass } from './pass';

/** A document that names no activity gets 'mask' (docs/semantics.md); the prepared document always names it. */
export const fillActivityPass: Pass = {
  name: 'fill-activity',
  description: "the model-level activity rule defaults to 'mask'",
  run(model: ModelIR) {
    return { ...model, activity: model.activity ?? DEFAULT_ACTIVITY };
  },
};
