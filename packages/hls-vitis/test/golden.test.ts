import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vivadoBackend, formatCsimReport } from '@sparsepixels/hls-vivado';
import { smallSparseModel } from '@sparsepixels/hls-vivado/testing';
import { getBackend, OUTPUT_MARKER_FILE } from '@sparsepixels/ir';
import { afterAll, describe, expect, it } from 'vitest';
import { vitisBackend } from '../src';
import { readTree } from './read-tree';

// Vitis = Vivado + declared differences: golden files of the Vitis project, the exact set of files
// that differ from the Vivado project of the same model, and a real C simulation.
const DECLARED = ['README.md', 'build_opt.tcl', 'build_prj.tcl', 'project.tcl'];
const root = mkdtempSync(join(tmpdir(), 'sp-golden-vitis-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('vitis project for a small sparse model', async () => {
  const vitis = await vitisBackend.emit(smallSparseModel(), join(root, 'vitis'));
  const vivado = await vivadoBackend.emit(smallSparseModel(), join(root, 'vivado'));
  const tree = readTree(vitis.outDir);
  const base = readTree(vivado.outDir);

  it('is registered as "vitis" with ir', () => {
    expect(getBackend('vitis')).toBe(vitisBackend);
  });

  // Only the declared differences have golden files here; every other file equals Vivado's (below).
  it.each(DECLARED)(
    '%s matches its golden file',
    async (file) => {
      await expect(tree.get(file)).toMatchFileSnapshot(`golden/vitis/${file}`);
    },
  );

  it('differs from the Vivado project only in the declared files', () => {
    const differing = [...new Set([...tree.keys(), ...base.keys()])].filter((f) => tree.get(f) !== base.get(f)).sort();
    // the marker names the backend and lists the files' hashes, so it differs as well
    expect(differing).toEqual([OUTPUT_MARKER_FILE, ...DECLARED]);
    expect(JSON.parse(tree.get(OUTPUT_MARKER_FILE)!)).toMatchObject({ kind: 'hls-project', backend: 'vitis' });
    expect(tree.get('project.tcl')).toContain('set backend "vitis"');
    expect(tree.get('project.tcl')).toContain('set clock_uncertainty "27%"');
    expect(base.get('project.tcl')).toContain('set clock_uncertainty "12.5%"');
    expect(tree.get('build_prj.tcl')).toContain('source build_opt.tcl');
  });

  it('simulates bit-exactly with g++', async () => {
    const r = await vitisBackend.csim(vitis.outDir, { optLevel: '-O1' });
    expect(r.bitExact, formatCsimReport(r)).toBe(true);
  });
});
