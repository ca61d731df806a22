import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectBitExact, paperCases, prunedCases, randomCases } from '@sparsepixels/hls-vivado/testing';
import { afterAll, describe, it } from 'vitest';
import { vitisBackend } from '../src';

// The Vivado conformance suite run through the Vitis backend: the same random seeds and all 12 paper
// configurations (3 architectures x 8/16 bits x N = 8/20), 200 events each, compiled for real.
// SP_HLS_QUICK=1 runs a subset while developing (the firmware is byte-identical to Vivado's,
// golden.test.ts): 4 random sparse + 2 random standard models and the paper models at 8 bits N=8
// and 16 bits N=20. Pruned models (about 70 % zero weights, zero channels and layers, reuse factor
// 3, io_stream: the emitted tables hold only the non-zero weights) all, or the first two.
const full = process.env['SP_HLS_QUICK'] !== '1';
const root = mkdtempSync(join(tmpdir(), 'sp-conf-vitis-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const random = full
  ? randomCases({ sparseSeeds: [1, 2, 3, 4, 5, 6, 7, 8], standardSeeds: [101, 102, 103], events: 60 })
  : randomCases({ sparseSeeds: [1, 3, 5, 7], standardSeeds: [101, 102], events: 60 });
const pruned = full ? prunedCases(40) : prunedCases(40).slice(0, 2);
const paper = full
  ? paperCases()
  : [...paperCases({ bits: [8], nMax: [8] }), ...paperCases({ bits: [16], nMax: [20] })];

describe.concurrent('vitis: random models are bit-exact', () => {
  it.each(random)('$name', (c) => expectBitExact(vitisBackend, c, root), 600_000);
});

describe.concurrent('vitis: paper architectures are bit-exact', () => {
  it.each(paper)('$name', (c) => expectBitExact(vitisBackend, c, root), 600_000);
});

// one g++ build at a time (the machine is shared), each allowed 5 minutes
describe('vitis: pruned models are bit-exact', () => {
  it.each(pruned)('$name', (c) => expectBitExact(vitisBackend, c, root), 300_000);
});
