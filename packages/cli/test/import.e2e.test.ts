import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildH5 } from '@sparsepixels/import';
import { randomSparseEvents } from '@sparsepixels/ir/testing';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildCliForTest } from './build-cli';
import { subprocessCli } from './cli-runner';

// `sparsepixels import` and `--data file.h5` as users run them: the bin in a subprocess.
const FIXTURES = join(inject('repoRoot'), 'packages/import/fixtures');
let bin = '';
let work = '';

const cli = subprocessCli(() => ({ bin, cwd: work }), { timeout: 120_000 });

beforeAll(async () => {
  ({ bin } = await buildCliForTest(`import-${process.pid}`));
  work = mkdtempSync(join(resolve(__dirname, '../.vitest-tmp'), 'import-work-'));
  const x = randomSparseEvents({ h: 8, w: 8, count: 40, active: [2, 8], seed: 7 });
  const y = Float32Array.from({ length: 40 }, (_, i) => i % 2);
  writeFileSync(join(work, 'data.h5'), await buildH5((w) => {
    w.dataset('/images', Float32Array.from(x), [40, 8, 8, 1]);
    w.dataset('/labels', y, [40]);
  }));
});

describe('sparsepixels import', () => {
  it('imports a QKeras .keras, calibrates the input type and reports the agreement on .h5 data', () => {
    const r = cli(['import', join(FIXTURES, 'qkeras_sparse.keras'), '--out', 'm.json', '--calibrate', 'data.h5', '--data', 'data.h5', '--x-key', 'images', '--y-key', 'labels']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/calibrating the input type on 40 events of data\.h5/);
    expect(r.stdout).toMatch(/ap_ufixed<\d+,\d+,AP_RND_CONV,AP_SAT>\s+\d+\/40/);
    expect(r.stdout).toMatch(/firmware decisions equal the float model's on \d+\/40/);
    const doc = JSON.parse(readFileSync(join(work, 'm.json'), 'utf8'));
    expect(doc.layers[1].op).toBe('SparseConv2D');
    const p = cli(['predict', 'm.json', '--data', 'data.h5', '--x-key', 'images', '--y-key', 'labels', '--json']);
    expect(p.code, p.stderr).toBe(0);
    expect(JSON.parse(p.stdout).events).toBe(40);
    const prof = cli(['profile', 'm.json', '--data', 'data.h5', '--x-key', 'images', '--json']);
    expect(prof.code, prof.stderr).toBeLessThan(2); // 0, or 1 when values overflow on these events
    expect(JSON.parse(prof.stdout)).toMatchObject({ command: 'profile', input: join(work, 'data.h5'), events: 40 });
  });

  it('refuses what it cannot reproduce with one line naming the place', () => {
    const r = cli(['import', join(FIXTURES, 'qkeras_sparse.keras'), '--out', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no input quantizer: give the input type with --input-type/);
    const h = cli(['import', join(FIXTURES, 'hgq2_sparse.keras'), '--out', 'h.json', '--input-type', 'ap_ufixed<8,1>', '--n-max', '4']);
    expect(h.code).toBe(2);
    expect(h.stderr).toMatch(/--n-max: the model is sparse already/);
  });
});
