import { SparsePixelsError } from '@sparsepixels/core';
import { DIAGNOSTICS } from '../diagnostics';
import { IR_VERSION } from '../document-parts';
import { didYouMean } from '../util/did-you-mean';
import { BUILTIN_OPS } from './builtin';
import type { OpDef } from './op-def';

const registered: OpDef[] = [];
let generation = 0;

function fail(d: { code: string; message: string }): never {
  throw new SparsePixelsError(d.code, d.message);
}

/** Every op the schema and the passes know: the builtins, then those added with registerOp. */
export function listOps(): readonly OpDef[] {
  return registered.length === 0 ? BUILTIN_OPS : [...BUILTIN_OPS, ...registered];
}

/** Increments whenever the op set changes (the compiled schema is cached per generation). */
export function opsGeneration(): number {
  return generation;
}

export function findOp(type: string): OpDef | undefined {
  return listOps().find((op) => op.type === type);
}

/** The op named `type`; unknown names throw SP6004 with the nearest registered names. */
export function getOp(type: string): OpDef {
  const op = findOp(type);
  if (op) return op;
  const names = listOps().map((o) => o.type);
  return fail(DIAGNOSTICS.unknownRegisteredOp.at('', type, didYouMean(type, names)));
}

/** Adds an op after checking its name, version and attribute descriptors (registerOp also compiles the schema). */
export function addOp(def: OpDef): () => void {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(def.type)) {
    fail(DIAGNOSTICS.badOpDef.at('', `type ${JSON.stringify(def.type)} must be PascalCase letters and digits`));
  }
  if (findOp(def.type)) fail(DIAGNOSTICS.duplicateOp.at('', def.type));
  if (!Number.isInteger(def.since) || def.since < 1 || def.since > IR_VERSION) {
    fail(DIAGNOSTICS.badOpDef.at('', `${def.type}.since ${def.since} must be an integer in 1..${IR_VERSION}`));
  }
  for (const [key, d] of Object.entries(def.attrs ?? {})) {
    if (typeof d?.check !== 'function' || typeof d.schema !== 'object') {
      fail(DIAGNOSTICS.badOpDef.at('', `${def.type}.attrs.${key} is not an attribute descriptor (declare it with attr.int, attr.enum, ... and defineOp)`));
    }
  }
  const frozen = Object.freeze({ ...def });
  registered.push(frozen);
  generation++;
  return () => {
    const i = registered.indexOf(frozen);
    if (i >= 0) {
      registered.splice(i, 1);
      generation++;
    }
  };
}
