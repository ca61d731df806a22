/** The README's example (example/quick-start.ts, included verbatim in README.md) runs and trains. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { quickStart } from '../example/quick-start';

it('the README example runs: it learns, the firmware agrees bit for bit, and it exports a valid IR', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sp-quick-start-'));
  try {
    const { ir, evaluation } = await quickStart(dir);
    expect(evaluation.firmware.accuracy).toBeGreaterThan(0.7);
    expect(evaluation.identicalOutputs).toBe(1);
    expect(ir.layers.map((l) => l.op)).toEqual(['InputReduce', 'SparseConv2D', 'SparseActivation', 'SparsePooling2D', 'SparseFlatten', 'Dense', 'Activation', 'Dense', 'Activation']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('README.md shows the example file verbatim', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('../example/quick-start.ts', import.meta.url), 'utf8');
  expect(readme).toContain(example.trim());
});
