import type { Schedule } from '../top/schedule';
import { commonVerilatorFlags } from '../sim/verilator';

/** build_sim.sh: builds the Verilator simulation and runs the test bench, as `sparsepixels csim` does. */
export function buildSimScript(s: Schedule): string {
  const top = s.model.project;
  const flags = commonVerilatorFlags('-O1', ['$HERE/sim']).map((a) => (/[ $]/.test(a) ? `"${a}"` : a));
  return [
    '#!/bin/sh',
    `# Builds the Verilator simulation of ${top} into obj_dir/ and runs the test bench:`,
    '# tb_data/tb_input_features.dat -> tb_data/csim_results.log (compare with tb_output_predictions.dat).',
    '# JOBS=2 ./build_sim.sh builds with two compiler processes.',
    'set -e',
    'HERE="$(cd "$(dirname "$0")" && pwd)"',
    'cd "$HERE"',
    `verilator ${flags.join(' ')} -j "\${JOBS:-1}" --top-module ${top} -Mdir obj_dir -o V${top} \\`,
    '  rtl/*.v rtl/lib/*.v "$HERE/sim/sp_tb_main.cpp"',
    `./obj_dir/V${top} tb_data/tb_input_features.dat tb_data/csim_results.log`,
    '',
  ].join('\n');
}

export function lintScript(s: Schedule): string {
  return [
    '#!/bin/sh',
    '# Verilator lint of the whole design (every warning class on).',
    'set -e',
    'cd "$(dirname "$0")"',
    `verilator --lint-only -Wall --top-module ${s.model.project} rtl/*.v rtl/lib/*.v`,
    '',
  ].join('\n');
}

/** synth.ys: Yosys synthesis for Xilinx UltraScale+ (the counts are Yosys', not Vivado's). */
export function yosysScript(s: Schedule): string {
  return [
    `# Yosys synthesis of ${s.model.project} for Xilinx UltraScale+ (yosys -s synth.ys).`,
    '# Resource counts from Yosys synth_xilinx are estimates of a different tool than Vivado.',
    'read_verilog rtl/lib/*.v rtl/*.v',
    `synth_xilinx -family xcup -abc9 -noiopad -top ${s.model.project}`,
    'stat -tech xilinx',
    '',
  ].join('\n');
}
