import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_OPS } from '../ops/builtin';
import { composeModelSchema } from './compose-schema';

describe('the committed model.v1.schema.json', () => {
  it('is what `npm run -w @sparsepixels/ir gen:schema` writes from the op registry', () => {
    const committed: unknown = JSON.parse(
      readFileSync(new URL('./model.v1.schema.json', import.meta.url), 'utf8'),
    );
    // If this fails after an op changed: run the script and review the diff of the schema file.
    expect(committed).toEqual(composeModelSchema(BUILTIN_OPS, 'document'));
  });

  it('carries every op declaration: attributes with bounds, rules, defaults, precisions and weights', () => {
    const layer = (
      composeModelSchema(BUILTIN_OPS, 'document') as {
        $defs: { layer: { allOf: { then: { properties: Record<string, unknown> } }[] } };
      }
    ).$defs.layer;
    expect(layer.allOf).toHaveLength(BUILTIN_OPS.length);
    const conv = layer.allOf[1]!.then.properties;
    expect(conv['attrs']).toMatchObject({
      required: ['filters', 'kernelSize'],
      properties: { kernelSize: { minimum: 1, maximum: 63, not: { multipleOf: 2 } } },
    });
    const act = layer.allOf[2]!.then.properties;
    expect(act['attrs']).toMatchObject({
      required: ['activation'],
      properties: { tableSize: { default: 1024 } },
    });
  });
});
