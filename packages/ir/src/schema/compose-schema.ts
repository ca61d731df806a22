import type { JsonSchema, OpDef } from '../ops/op-def';
import baseSchema from './model.v1.schema.json';

/** The shipped skeleton (src/schema/model.v1.schema.json) with the builtin op list. */
export const MODEL_SCHEMA_V1: JsonSchema = baseSchema;

type Mutable = { [key: string]: unknown };

/**
 * The full v1 schema: the skeleton plus, for each registered op, its attribute schema, the
 * precision keys and weight names it accepts (`if op = X then ...`). Pure; the input ops decide.
 */
export function composeModelSchema(ops: readonly OpDef[]): JsonSchema {
  const schema = structuredClone(baseSchema) as unknown as Mutable;
  const defs = schema['$defs'] as Mutable;
  const layer = defs['layer'] as Mutable;
  const props = layer['properties'] as Mutable;
  props['op'] = { type: 'string', enum: ops.map((o) => o.type) };
  layer['allOf'] = ops.map(opCondition);
  return schema;
}

function opCondition(op: OpDef): JsonSchema {
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
        attrs: op.attrsSchema,
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
