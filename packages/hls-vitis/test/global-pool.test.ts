import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectBitExact, globalPoolCases } from '@sparsepixels/hls-vivado/testing';
import { afterAll, describe, it } from 'vitest';
import { vitisBackend } from '../src';

// SparseGlobalPooling2D through the Vitis backend (the Vivado emitter and kernel under the Vitis
// tool profile): one seed's four cases (mask/nonzero x avg/max), compiled with g++, bit-exact.
const root = mkdtempSync(join(tmpdir(), 'sp-gpool-vitis-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.concurrent('vitis: SparseGlobalPooling2D is bit-exact against g++', () => {
  it.each(globalPoolCases([13], 40))('$name', (c) => expectBitExact(vitisBackend, c, root), 600_000);
});
