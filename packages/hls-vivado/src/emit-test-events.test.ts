import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arrayEvents, createInterpreter, TB_BATCH, type InputEvents } from '@sparsepixels/ir';
import { randomSparseEvents } from '@sparsepixels/ir/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { vivadoBackend } from './backend';
import { smallSparseModel } from './testing';

const root = mkdtempSync(join(tmpdir(), 'sp-tb-data-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** InputEvents that record the largest slice asked for (memory held at once). */
function recording(values: Float64Array, size: number): InputEvents & { largest: number } {
  const inner = arrayEvents(values, size);
  const e = {
    count: inner.count,
    eventSize: size,
    largest: 0,
    read(start: number, n: number) {
      e.largest = Math.max(e.largest, n);
      return inner.read(start, n);
    },
  };
  return e;
}

describe('test-bench data of an emitted project, written a batch at a time', () => {
  it('emits a project from InputEvents read in slices, the same files as from an array', async () => {
    const x = randomSparseEvents({ h: 8, w: 8, count: 600, active: [0, 9], seed: 8, threshold: 0.25 });
    const events = recording(x, 64);
    const a = await vivadoBackend.emit(smallSparseModel(), join(root, 'a'), { testInputs: events });
    const b = await vivadoBackend.emit(smallSparseModel(), join(root, 'b'), { testInputs: x });
    expect(a.eventCount).toBe(600);
    expect(events.largest).toBeLessThanOrEqual(TB_BATCH); // never the whole set at once
    for (const f of ['tb_data/tb_input_features.dat', 'tb_data/tb_output_predictions.dat'])
      expect(readFileSync(join(a.outDir, f), 'utf8')).toBe(readFileSync(join(b.outDir, f), 'utf8'));
    const lines = readFileSync(join(a.outDir, 'tb_data/tb_output_predictions.dat'), 'utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(600);
    const want = createInterpreter(smallSparseModel()).run(x, 600).values[0]!;
    expect(lines[599]!.split(' ').map(Number)).toEqual(Array.from(want.subarray(599 * 3)));
  });
});
