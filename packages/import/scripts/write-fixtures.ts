// Writes the committed example fixtures of packages/import/fixtures/ (see its README):
//   node benchmarks/run.mjs packages/import/scripts/write-fixtures.ts
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hgqSparseKeras } from '../test/hgq-fixture';
import { mnistSparseWeightsH5, qkerasSparseLegacyH5 } from '../test/legacy-h5-fixture';
import { qkerasSparseKeras } from '../test/qkeras-fixture';

const dir = resolve(process.argv[2] ?? 'packages/import/fixtures');
const files: [string, Promise<Uint8Array>][] = [
  ['qkeras_sparse.keras', qkerasSparseKeras()],
  ['hgq2_sparse.keras', hgqSparseKeras()],
  ['hgq2_sparse_iq.keras', hgqSparseKeras({ convIq: 'RND' })],
  ['qkeras_sparse.h5', qkerasSparseLegacyH5()],
  ['mnist_sparse_t-8b.weights.h5', mnistSparseWeightsH5()],
];
for (const [name, bytes] of files) {
  writeFileSync(join(dir, name), await bytes);
  console.log(`wrote ${join(dir, name)}`);
}
