import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPaperModel } from '@sparsepixels/ir/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { vivadoBackend } from '../src';

// build.thresholdInput: the InputReduce threshold becomes an input port of the top function; the
// test bench passes the IR's threshold, so the C simulation still equals the interpreter bit for bit.
const root = mkdtempSync(join(tmpdir(), 'sp-threshold-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('run-time InputReduce threshold', () => {
  const base = buildPaperModel({ dataset: 'mnist', variant: 'sparse', nMax: 12, bits: 8 }); // threshold 0.4
  const model = { ...base, build: { ...base.build, thresholdInput: true } };

  it('is a port of the top function, and the C simulation stays bit-exact', async () => {
    const backend = vivadoBackend;
    const p = await backend.emit(model, join(root, backend.name));
    const cpp = readFileSync(join(p.outDir, 'firmware/myproject.cpp'), 'utf8');
    expect(cpp).toMatch(/void myproject\(\n    input_t x_in\[2304\],\n    input_t threshold_in,\n/);
    expect(cpp).toMatch(/port=x_in,threshold_in,/);
    expect(cpp).toMatch(/sp::input_reduce<input_t, layer2_t, config2>\(x_in, threshold_in, /);
    expect(readFileSync(join(p.outDir, 'firmware/myproject.h'), 'utf8')).toContain(
      '    input_t threshold_in,\n',
    );
    expect(readFileSync(join(p.outDir, 'myproject_test.cpp'), 'utf8')).toMatch(
      /myproject\(x_in, input_t\(0\.3\d*\), /,
    );
    const r = await backend.csim(p.outDir);
    expect(r.bitExact).toBe(true);
  }, 300_000);

  it('keeps the compile-time threshold otherwise', async () => {
    const p = await vivadoBackend.emit(base, join(root, 'const'));
    expect(readFileSync(join(p.outDir, 'firmware/myproject.cpp'), 'utf8')).toMatch(
      /sp::input_reduce<input_t, layer2_t, config2>\(x_in, layer2_out, /,
    );
  });
});
