import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareModel } from '@sparsepixels/ir';
import { vivadoBackend } from '../src';
import { expectBitExact, globalPoolCases } from '../src/testing';

// SparseGlobalPooling2D in firmware: random models ending in global pooling + Dense, both activity
// rules and both modes, random 8-16 bit precisions (a declared result, a narrow declared
// accumulator, an explicit or an inferred reciprocal), compiled with g++: every output bit must
// equal the interpreter's.
const root = mkdtempSync(join(tmpdir(), 'sp-gpool-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cases = globalPoolCases([11, 12, 13], 40);

describe.concurrent('vivado: SparseGlobalPooling2D is bit-exact against g++', () => {
  it.each(cases)('$name', (c) => expectBitExact(vivadoBackend, c, root), 600_000);
});

describe('the global pooling cases', () => {
  it('cover declared accumulators, declared results, explicit and inferred reciprocals', () => {
    const avg = cases
      .map((c) => c.model.layers[3]!)
      .filter((l) => (l.attrs as { mode: string }).mode === 'avg');
    expect(avg.some((l) => l.precision?.accum)).toBe(true);
    expect(avg.some((l) => l.precision?.result)).toBe(true);
    expect(avg.some((l) => (l.attrs as { reciprocalBits?: number }).reciprocalBits !== undefined)).toBe(true);
    expect(avg.some((l) => (l.attrs as { reciprocalBits?: number }).reciprocalBits === undefined)).toBe(true);
  });

  it('emit the reciprocal table as exact constants, r_0 = 0', async () => {
    const c = cases.find((k) => k.name.startsWith('gpool_avg_mask'))!;
    const emitted = await vivadoBackend.emit(c.model, join(root, 'table'), { force: true });
    const prepared = prepareModel(c.model).model.layers[3]!;
    const bits = (prepared.attrs as { reciprocalBits: number }).reciprocalBits;
    const table = readFileSync(join(emitted.outDir, 'firmware/weights/inv_table5.h'), 'utf8');
    expect(table).toContain('inv_table5[');
    expect(table).toMatch(new RegExp(`= \\{\\s*0(\\.0)?,\\s*1(\\.0)?,`)); // r_0 = 0, r_1 = 1 for any F
    expect(bits).toBeGreaterThanOrEqual(0);
  });
});
