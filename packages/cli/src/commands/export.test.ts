import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPaperModel, tinySparseModel } from '@sparsepixels/ir/testing';
import { describe, expect, it } from 'vitest';
import { cliInTempDir } from '../cli/run-cli.test-util';

const { dir, run } = cliInTempDir('sp-export-');


describe('export command', () => {
  it('writes a .keras and its hls4ml config; importing both gives the model back', async () => {
    // the paper's 16-bit jet model: input ap_fixed<16,6>, threshold 0 (on the grid: written as is)
    const m = buildPaperModel({ dataset: 'jet', variant: 'sparse', bits: 16, nMax: 20, activity: 'mask' });
    writeFileSync(join(dir, 'm.json'), JSON.stringify(m));
    // v1 semantics (activity 'nonzero'): the Keras layers keep the mask, so the rule travels in the config, with a warning
    const v1Doc = { ...m, activity: 'nonzero' };
    writeFileSync(join(dir, 'v1.json'), JSON.stringify(v1Doc));
    const v1 = await run(['export', 'v1.json', '--out', 'v1.keras']);
    expect(v1.code).toBe(0);
    expect(v1.stderr).toMatch(/activity 'nonzero' \(v1 sparse semantics\) is kept only by the hls4ml config \(Model\.Activity\)/);
    expect(readFileSync(join(dir, 'v1.hls4ml.yml'), 'utf8')).toContain('Activity: nonzero');
    expect((await run(['import', 'v1.keras', '--hls-config', 'v1.hls4ml.yml', '--out', 'v1-back.json'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'v1-back.json'), 'utf8'))).toEqual(v1Doc);
    const e = await run(['export', 'm.json', '--out', 'm.keras']);
    expect(e.stderr).toBe('');
    expect(e.code).toBe(0);
    expect(e.stdout).toContain('sparsepixels import m.keras --hls-config m.hls4ml.yml --out model.json');
    expect(readFileSync(join(dir, 'm.hls4ml.yml'), 'utf8')).toContain('x_in:\n      Precision:\n        result: ap_fixed<16,6>');
    const i = await run(['import', 'm.keras', '--hls-config', 'm.hls4ml.yml', '--out', 'back.json']);
    expect(i.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'back.json'), 'utf8'))).toEqual(m);
  });

  it('refuses an op without a Keras twin in one line naming the layer, exit 2, writing nothing', async () => {
    const m = tinySparseModel();
    const reduce = m.layers[0]!;
    writeFileSync(join(dir, 'gp.json'), JSON.stringify({ ...m, layers: [reduce, { name: 'g', op: 'SparseGlobalPooling2D', inputs: [reduce.name], attrs: { mode: 'avg' } }], outputs: ['g'] }));
    const r = await run(['export', 'gp.json', '--out', 'gp.keras']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^sparsepixels: error: layer "g" \(SparseGlobalPooling2D\): the op has no Keras equivalent in the exporter \(it exports InputReduce, /),
    ]);
    expect(existsSync(join(dir, 'gp.keras')) || existsSync(join(dir, 'gp.hls4ml.yml'))).toBe(false);
  });

  it('refuses other extensions and existing files without --force, writing nothing', async () => {
    const m = buildPaperModel({ dataset: 'neutrino', variant: 'standard' });
    writeFileSync(join(dir, 'n.json'), JSON.stringify(m));
    const bad = await run(['export', 'n.json', '--out', 'n.h5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--out must name a \.keras file, got 'n\.h5'/);
    expect((await run(['export', 'n.json', '--out', 'n.keras'])).code).toBe(0);
    const again = await run(['export', 'n.json', '--out', 'n.keras']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists/);
    expect(existsSync(join(dir, 'n.hls4ml.yml'))).toBe(true);
  });
});
