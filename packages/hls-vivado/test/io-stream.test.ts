import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelIR } from '@sparsepixels/ir';
import { buildPaperModel } from '@sparsepixels/ir/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { vivadoBackend } from '../src';
import { caseWithBuild, expectBitExact, randomCases, withBuild } from '../src/testing';

// io_stream for the standard CNN: stream ports, one DATAFLOW process and one FIFO per layer, the
// same array kernels inside; the g++ C simulation (our hls_stream.h) must equal the interpreter.
const root = mkdtempSync(join(tmpdir(), 'sp-stream-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const streamed = (m: ModelIR): ModelIR => withBuild(m, 'stream', { ioType: 'io_stream' });

describe('io_stream (standard CNN)', () => {
  it('emits stream ports and per-layer processes joined by FIFOs, bit-exact in C simulation', async () => {
    const p = await vivadoBackend.emit(
      streamed(buildPaperModel({ dataset: 'mnist', variant: 'standard', bits: 8 })),
      join(root, 'mnist'),
    );
    const cpp = readFileSync(join(p.outDir, 'firmware/myproject.cpp'), 'utf8');
    expect(cpp).toMatch(
      /void myproject\(\n    hls::stream<input_t> &x_in,\n    hls::stream<result_t> &layer12_out\n\)/,
    );
    expect(cpp).toContain('#pragma HLS INTERFACE axis port=x_in');
    expect(cpp.match(/^static void layer\d+_process\(/gm)).toHaveLength(11);
    expect(cpp.match(/#pragma HLS STREAM variable=layer\d+_out depth=\d+/g)).toHaveLength(10);
    expect(readFileSync(join(p.outDir, 'firmware/parameters.h'), 'utf8')).toContain(
      '#include "nnet_utils/sp_stream.h"',
    );
    const r = await vivadoBackend.csim(p.outDir);
    expect(r.bitExact).toBe(true);
  }, 300_000);

  it.each(
    randomCases({ sparseSeeds: [], standardSeeds: [102], events: 30 }).map((c) =>
      caseWithBuild(c, 'stream', { ioType: 'io_stream' }),
    ),
  )('random $name stays bit-exact', (c) => expectBitExact(vivadoBackend, c, root), 300_000);

  it('refuses io_stream for a sparse model in one line', async () => {
    const m = streamed(buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 8, bits: 8 }));
    await expect(vivadoBackend.emit(m, join(root, 'sparse'))).rejects.toThrow(
      /io_stream" is supported by the vivado backend for standard CNNs only; layer "reduce" \(InputReduce\) is sparse/,
    );
  });
});
