/**
 * A throwaway Verilator harness for library tests: a top module whose one wide input bus and one
 * wide output bus concatenate many fields, and a C++ main that reads rows of input fields (hex)
 * from a file, evaluates the combinational design and prints the output fields (hex).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cppLibDir } from '../paths';
import { buildVerilator } from './verilator';
import { runTool } from './run-process';

export interface HarnessSpec {
  /** Verilog text of module `top` with ports `input [IN-1:0] x`, `output [OUT-1:0] y`. */
  readonly verilog: string;
  readonly sources: readonly string[];
  readonly inFields: readonly number[];
  readonly outFields: readonly number[];
}

function cppMain(spec: HarnessSpec): string {
  const offsets = (f: readonly number[]) => f.map((_, i) => f.slice(0, i).reduce((a, b) => a + b, 0));
  return `#include <cstdio>
#include <cinttypes>
#include "Vtop.h"
#include "sp_vbits.h"
static const int IN_N = ${spec.inFields.length}, OUT_N = ${spec.outFields.length};
static const int in_w[] = {${spec.inFields.join(',')}}, in_o[] = {${offsets(spec.inFields).join(',')}};
static const int out_w[] = {${spec.outFields.join(',')}}, out_o[] = {${offsets(spec.outFields).join(',')}};
int main(int argc, char** argv) {
  VerilatedContext ctx;
  Vtop top{&ctx};
  FILE* in = std::fopen(argv[1], "r");
  if (!in) return 2;
  uint64_t v;
  for (;;) {
    for (int i = 0; i < IN_N; ++i) {
      if (std::fscanf(in, "%" SCNx64, &v) != 1) { std::fclose(in); top.final(); return 0; }
      sp::set_bits(top.x, in_o[i], in_w[i], v);
    }
    top.eval();
    for (int i = 0; i < OUT_N; ++i) std::printf("%" PRIx64 "%c", sp::get_bits(top.y, out_o[i], out_w[i]), i + 1 < OUT_N ? ' ' : '\\n');
  }
}
`;
}

/** Builds the harness in `dir` and runs it on `rows` of input fields; returns the output fields. */
export async function runHarness(dir: string, spec: HarnessSpec, rows: readonly (readonly bigint[])[]): Promise<bigint[][]> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'top.v'), spec.verilog);
  writeFileSync(join(dir, 'main.cpp'), cppMain(spec));
  const { binary } = await buildVerilator({
    dir,
    top: 'top',
    sources: ['top.v', ...spec.sources],
    cpp: ['main.cpp'],
    includeDirs: [cppLibDir()],
    extraArgs: ['-Wno-UNOPTFLAT'],
  });
  const mask = (w: number) => (1n << BigInt(w)) - 1n;
  const text = rows.map((r) => r.map((v, i) => (v & mask(spec.inFields[i]!)).toString(16)).join(' ')).join('\n');
  writeFileSync(join(dir, 'inputs.txt'), `${text}\n`);
  const run = await runTool(binary, [join(dir, 'inputs.txt')], dir, 'verilator');
  if (run.status !== 0) throw new Error(`harness failed: ${run.stderr}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((l) => l.trim().split(' ').map((h) => BigInt(`0x${h}`)));
}

