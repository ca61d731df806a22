import { SparsePixelsError } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import { compileSchemaNow } from '../schema/validate-schema';
import type { OpDef } from './op-def';
import { addOp } from './registry';

/**
 * Adds an op for outside code (a plugin package depending on @sparsepixels/ir only), declared with
 * defineOp like the built-in ones. The name must be new and PascalCase, `since` within the IR
 * versions, its attributes descriptors, and the composed schema must compile under Ajv's strict
 * mode. Returns a function that removes it again (for tests and hot reload).
 */
export function registerOp(def: OpDef): () => void {
  const remove = addOp(def);
  try {
    compileSchemaNow();
  } catch (e) {
    remove();
    const d = DIAGNOSTICS.badOpDef.at('', `${def.type}: the schema does not compile: ${(e as Error).message.split('\n')[0]}`);
    throw new SparsePixelsError(d.code, d.message);
  }
  return remove;
}
