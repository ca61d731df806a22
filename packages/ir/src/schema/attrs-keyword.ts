import type { ErrorObject, KeywordDefinition } from 'ajv/dist/2020.js';
import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import { checkAttrs } from '../ops/check-attrs';
import { findOp } from '../ops/registry';
import { ATTRS_KEYWORD } from './compose-schema';
import { describePointer } from './schema-errors';

/**
 * The Ajv keyword that runs an op's checkAttrs on a layer's `attrs` while the schema is checked,
 * so its problems come in document order with the others. Each error carries its diagnostic.
 */
export function attrsKeyword(): KeywordDefinition {
  const validate = (opType: string, data: unknown, _parent?: unknown, cxt?: DataValidationCxt): boolean => {
    const op = findOp(opType);
    if (!op || !cxt) return true;
    const where = cxt.instancePath;
    const layer = cxt.parentData as { name?: unknown };
    const owner = { where, layer: String(layer.name), describe: '' };
    const schemaIssues = (describe: string) =>
      checkAttrs(op, data, { ...owner, describe }).filter((i) => i.stage === 'schema');
    // the words for the object are only needed when something is wrong
    const issues = schemaIssues('').length === 0 ? [] : schemaIssues(describePointer(cxt.rootData, where));
    const errors: ErrorObject[] = issues.map((i) => ({
      keyword: ATTRS_KEYWORD,
      instancePath: i.diagnostic.where,
      schemaPath: '',
      params: { diagnostic: i.diagnostic },
      message: i.diagnostic.message,
    }));
    (validate as { errors?: ErrorObject[] }).errors = errors;
    return errors.length === 0;
  };
  return { keyword: ATTRS_KEYWORD, type: 'object', schemaType: 'string', errors: true, validate };
}
