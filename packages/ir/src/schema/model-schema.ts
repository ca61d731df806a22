import { listOps } from '../ops/registry';
import type { JsonSchema } from '../ops/op-def';
import { composeModelSchema } from './compose-schema';

/** The complete v2 JSON Schema for the ops registered now (e.g. for editors or `sparsepixels schema`). */
export function modelSchema(): JsonSchema {
  return composeModelSchema(listOps());
}
