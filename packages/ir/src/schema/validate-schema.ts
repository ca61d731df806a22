import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics';
import { listOps, opsGeneration } from '../ops/registry';
import { attrsKeyword } from './attrs-keyword';
import { composeModelSchema } from './compose-schema';
import { schemaDiagnostics } from './schema-errors';

let cached: { generation: number; validate: ValidateFunction } | undefined;

/** The composed v1 schema compiled once with Ajv (again only when registerOp changed the op set). */
function compiled(): ValidateFunction {
  const generation = opsGeneration();
  if (cached?.generation === generation) return cached.validate;
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  ajv.addKeyword(attrsKeyword());
  const validate = ajv.compile(composeModelSchema(listOps(), 'validation'));
  cached = { generation, validate };
  return validate;
}

/** Validates a (migrated) document against the v1 schema; every problem as a diagnostic. */
export function validateSchema(doc: unknown): Diagnostic[] {
  const validate = compiled();
  if (validate(doc)) return [];
  return schemaDiagnostics(doc, validate.errors ?? []);
}

/**
 * Compiles the schema now, and the document form (with each op's attribute schema, what
 * modelSchema() hands to editors), so registerOp can reject an op whose schema Ajv refuses.
 */
export function compileSchemaNow(): void {
  compiled();
  new Ajv2020({ allErrors: true, strict: true }).compile(composeModelSchema(listOps(), 'document'));
}
