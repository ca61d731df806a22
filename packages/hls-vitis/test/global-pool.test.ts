import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeResult, globalPoolCases, runCase } from '@sparsepixels/hls-vivado/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { vitisBackend } from '../src';

// SparseGlobalPooling2D through the Vitis backend (the Vivado emitter and kernel under the Vitis
// tool profile): one seed's four cases (mask/nonzero x avg/max), compiled with g++, bit-exact.
const root = mkdtempSync(join(tmpdir(), 'sp-gpool-vitis-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.concurrent('vitis: SparseGlobalPooling2D is bit-exact against g++', () => {
  it.each(globalPoolCases([13], 40).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await runCase(vitisBackend, c, root);
    expect(r.events).toBe(40);
    expect(r.bitExact, describeResult(c.name, r)).toBe(true);
  }, 600_000);
});
