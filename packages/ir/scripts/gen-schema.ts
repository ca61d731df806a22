// Writes src/schema/model.v1.schema.json from the op registry: the op list and each op's `attrs`,
// `precision` and `weights` rules come from the defineOp declarations (the rest of the file is
// kept as it is). Run: npm run -w @sparsepixels/ir gen:schema. A test checks the file is current.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import prettier from 'prettier';
import { BUILTIN_OPS } from '../src/ops/builtin';
import { composeModelSchema } from '../src/schema/compose-schema';

// benchmarks/run.mjs bundles this file elsewhere and sets argv[1] to its source path
const file = resolve(dirname(process.argv[1]!), '../src/schema/model.v1.schema.json');
const text = await prettier.format(JSON.stringify(composeModelSchema(BUILTIN_OPS, 'document')), {
  parser: 'json',
  printWidth: 110,
});
writeFileSync(file, text);
console.log(`wrote ${file} (${BUILTIN_OPS.length} ops)`);
