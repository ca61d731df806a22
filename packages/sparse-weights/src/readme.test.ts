import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { pruneStoreSimulate } from '../examples/prune-store-simulate';

test('the README example is examples/prune-store-simulate.ts, verbatim, and runs bit-exactly', () => {
  const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');
  expect(readme).toContain(readFileSync(join(__dirname, '../examples/prune-store-simulate.ts'), 'utf8').trim());
  const r = pruneStoreSimulate();
  expect(r.bitExact).toBe(true);
  expect(r.total.macs.inputAndWeightSparse).toBeLessThan(r.total.macs.inputSparse);
});
