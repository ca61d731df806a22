import type { JsonSchema, OpDef } from '../ops/op-def';
import baseSchema from './model.v1.schema.json';

/** The shipped v1 schema (src/schema/model.v1.schema.json, generated from the builtin ops by `npm run gen:schema`). */
export const MODEL_SCHEMA_V1: JsonSchema = baseSchema;

/** Keyword of the validation schema under which an op's own checkAttrs runs (schema/attrs-keyword.ts). */
export const ATTRS_KEYWORD = 'x-sparsepixels-attrs';

type Mutable = { [key: string]: unknown };

/**
 * The v1 schema for a set of ops: the shipped skeleton with the op enum and, for each op, its
 * attribute schema and the precision keys and weight names it accepts (`if op = X then ...`).
 * 'document' writes each op's attribute schema (the committed file, for editors); 'validation'
 * hands `attrs` to the op's checkAttrs instead, so IR validation and the trainable layers word
 * a bad attribute alike. Pure; the input ops decide.
 */
export function composeModelSchema(ops: readonly OpDef[], mode: 'document' | 'validation' = 'document'): JsonSchema {
  const schema = structuredClone(baseSchema) as unknown as Mutable;
  const defs = schema['$defs'] as Mutable;
  const layer = defs['layer'] as Mutable;
  const props = layer['properties'] as Mutable;
  props['op'] = { type: 'string', enum: ops.map((o) => o.type) };
  layer['allOf'] = ops.map((op) => opCondition(op, mode));
  return schema;
}

function opCondition(op: OpDef, mode: 'document' | 'validation'): JsonSchema {
  const attrsRequired = Array.isArray(op.attrsSchema['required']) && op.attrsSchema['required'].length > 0;
  const keys = (names: readonly string[], def: string): JsonSchema => ({
    type: 'object',
    properties: Object.fromEntries(names.map((n) => [n, { $ref: def }])),
    additionalProperties: false,
  });
  return {
    if: { type: 'object', properties: { op: { const: op.type } }, required: ['op'] },
    then: {
      type: 'object',
      properties: {
        attrs: mode === 'document' ? op.attrsSchema : { type: 'object', [ATTRS_KEYWORD]: op.type },
        precision: keys(op.precisions, '#/$defs/typeString'),
        weights: keys(
          op.weights.map((w) => w.name),
          '#/$defs/weightTensor',
        ),
      },
      required: attrsRequired ? ['attrs'] : [],
    },
  };
}
