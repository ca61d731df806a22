import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTPUT_MARKER_FILE } from '@sparsepixels/ir';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCsimReport, hlsIncludeDir, vivadoBackend } from '../src';
import { listFiles, readTree } from './project-files';
import { smallSparseModel, STRICT_FLAGS } from '../src/testing';

// Golden files of the emitted text (regenerate with `vitest run -u` and review the diff), the
// determinism of the output, and a real C simulation of the golden project.
const root = mkdtempSync(join(tmpdir(), 'sp-golden-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('vivado project for a small sparse model', async () => {
  const first = await vivadoBackend.emit(smallSparseModel(), join(root, 'a'));
  const tree = readTree(first.outDir, true);

  it('has the hls4ml layout', () => {
    expect([...tree.keys()]).toMatchInlineSnapshot(`
      [
        ".sparsepixels-output.json",
        "README.md",
        "build_csim.sh",
        "build_prj.tcl",
        "firmware/defines.h",
        "firmware/myproject.cpp",
        "firmware/myproject.h",
        "firmware/parameters.h",
        "firmware/weights/b3.h",
        "firmware/weights/b7.h",
        "firmware/weights/exp_table8.h",
        "firmware/weights/inv_table8.h",
        "firmware/weights/w3.h",
        "firmware/weights/w3_cols.h",
        "firmware/weights/w3_taps.h",
        "firmware/weights/w7.h",
        "firmware/weights/w7_index.h",
        "model.ir.json",
        "myproject_test.cpp",
        "project.tcl",
        "tb_data/tb_input_features.dat",
        "tb_data/tb_output_predictions.dat",
        "vivado_synth.tcl",
      ]
    `);
  });

  // model.ir.json is the input; the marker lists every file's hash (checked in the ir package)
  it.each([...tree.keys()].filter((f) => f !== 'model.ir.json' && f !== OUTPUT_MARKER_FILE))(
    '%s matches its golden file',
    async (file) => {
      await expect(tree.get(file)).toMatchFileSnapshot(`golden/vivado/${file}`);
    },
  );

  it('copies the shared headers verbatim', () => {
    const headers = listFiles(first.outDir).filter(
      (f) => f.startsWith('firmware/nnet_utils/') || f.startsWith('firmware/ap_types/'),
    );
    const source = [
      ...listFiles(join(hlsIncludeDir(), 'ap_types')).map((f) => `firmware/ap_types/${f}`),
      ...listFiles(join(hlsIncludeDir(), 'nnet_utils')).map((f) => `firmware/nnet_utils/${f}`),
    ];
    expect(headers).toEqual(source.sort());
  });

  it('is byte-identical when emitted again', async () => {
    const second = await vivadoBackend.emit(smallSparseModel(), join(root, 'b'));
    expect(readTree(second.outDir)).toEqual(readTree(first.outDir));
  });

  it('simulates bit-exactly with g++ (C++11, warnings as errors)', async () => {
    const r = await vivadoBackend.csim(first.outDir, {
      optLevel: '-O1',
      extraFlags: [...STRICT_FLAGS, '-std=c++11'],
    });
    expect(r.events).toBe(12);
    expect(r.bitExact, formatCsimReport(r)).toBe(true);
  });
});
