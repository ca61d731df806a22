import type { ModelIR, PreparedModel } from '@sparsepixels/ir';
import { estimateFacts, type DesignEstimate, type EstimateOptions } from './design/estimate-design';
import { documentFacts, modelFacts } from './ir-adapter';

/** Estimates a PreparedModel (or a document, prepared here). */
export function estimateModel(model: PreparedModel | ModelIR, options: EstimateOptions = {}): DesignEstimate {
  return estimateFacts(modelFacts(model), options);
}

/** Validates and prepares an IR document (object or JSON text), then estimates it. */
export function estimateDocument(doc: unknown, options: EstimateOptions = {}): DesignEstimate {
  return estimateFacts(documentFacts(doc), options);
}
