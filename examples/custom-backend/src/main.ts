// Registers the summary backend with @sparsepixels/ir and uses it through the registry, the way a
// CLI would (`getBackend(name).emit(...)`). Usage: npm run build && npm start -- [outDir]
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBackend, listBackends, registerBackend } from '@sparsepixels/ir';
import { tinySparseModel, tinyStandardModel } from './models.js';
import { summaryBackend } from './summary-backend.js';

registerBackend(summaryBackend);
console.log(`registered backends: ${listBackends().map((b) => b.name).join(', ')}`);

const outDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'sp-summary-'));
const result = await getBackend('summary').emit(tinySparseModel(), outDir);
console.log(`wrote ${result.files.join(', ')} to ${result.outDir}`);
console.log(readFileSync(join(result.outDir, 'SUMMARY.md'), 'utf8'));

// The standard model uses Conv2D, which this backend does not describe: refused, by layer.
try {
  await getBackend('summary').emit(tinyStandardModel(), outDir);
} catch (err) {
  console.log(`standard model refused: ${(err as Error).message}`);
}
