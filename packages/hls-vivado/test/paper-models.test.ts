import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vivadoBackend } from '../src';
import { describeResult, paperCases, runCase } from '../src/testing';

// The paper's three architectures (neutrino 63x63, jet 56x56, sparse MNIST 48x48) at 8 and 16
// bits with N = 8 and 20: emitted, compiled with g++ and bit-exact on 200 random events each
// (0 to 2N+2 active pixels, so empty events and events over the pixel budget are included).
const root = mkdtempSync(join(tmpdir(), 'sp-paper-vivado-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The fixtures keep the v1 rule ('nonzero'); the 8-bit N = 8 ones run under 'mask' too (inferred
// pooling reciprocal: 7 for neutrino).
const cases = [...paperCases(), ...paperCases({ activity: 'mask', bits: [8], nMax: [8] })];

describe.concurrent('vivado: paper architectures are bit-exact', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await runCase(vivadoBackend, c, root);
    expect(r.events).toBe(200);
    expect(r.bitExact, describeResult(c.name, r)).toBe(true);
  }, 300_000);
});
