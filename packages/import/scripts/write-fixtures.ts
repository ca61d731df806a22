// Writes the committed example fixtures of packages/import/fixtures/ (see its README):
//   node benchmarks/run.mjs packages/import/scripts/write-fixtures.ts
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hgqSparseKeras } from '../test/hgq-fixture';
import { qkerasSparseKeras } from '../test/qkeras-fixture';

const dir = resolve(process.argv[2] ?? 'packages/import/fixtures');
const files: [string, Promise<Uint8Array>][] = [
  ['qkeras_sparse.keras', qkerasSparseKeras()],
  ['hgq2_sparse.keras', hgqSparseKeras()],
];
for (const [name, bytes] of files) {
  writeFileSync(join(dir, name), await bytes);
  console.log(`wrote ${join(dir, name)}`);
}
