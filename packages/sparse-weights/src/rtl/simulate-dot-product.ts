/**
 * Runs sparse_dot_product in Icarus Verilog on input vectors: writes the layer's .hex files, the
 * vectors (x_values.hex for $readmemh: fan_in raws per vector, vector after vector) and a test bench
 * that models the input buffer (registered read), starts the block once per vector and prints every
 * output, the MACs performed and the cycles.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatReadmemh, type EncodedWeightStore } from '@sparsepixels/core';
import type { MacLayer } from '../ir-adapter';
import { dotProductParams } from './dot-product-design';
import { runIcarus } from './icarus';
import { paramList } from './type-params';
import { verilogSources } from './verilog-files';

export interface DotProductRun {
  /** Per vector: the raw outputs of every channel (read with the result type's signedness). */
  readonly outputs: bigint[][];
  readonly macs: number[];
  readonly cycles: number[];
  readonly compileMs: number;
  readonly runMs: number;
}

function testbench(params: Readonly<Record<string, number | string>>, count: number, fanIn: number): string {
  const xw = Number(params['XW']);
  return `\`timescale 1ns/1ps
module tb_dot;
  reg clk = 0;
  reg rst = 1;
  reg start = 0;
  reg [${xw - 1}:0] xmem [0:${Math.max(1, count * fanIn) - 1}];
  reg [${xw - 1}:0] x_value = 0;
  wire x_read;
  wire [${Number(params['IW']) - 1}:0] x_index;
  wire out_valid, done;
  wire [${Number(params['CW']) - 1}:0] out_channel;
  wire [${Number(params['RW']) - 1}:0] out_value;
  wire [31:0] cycles, macs;
  integer v;
  sparse_dot_product ${paramList(params)} dut (
    .clk(clk), .rst(rst), .start(start), .x_read(x_read), .x_index(x_index), .x_value(x_value),
    .out_valid(out_valid), .out_channel(out_channel),
    .out_value(out_value), .done(done), .cycles(cycles), .macs(macs)
  );
  always #1 clk = ~clk;
  // the input buffer: a registered read, as from block RAM
  always @(posedge clk) if (x_read) x_value <= xmem[v * ${fanIn} + x_index];
  always @(posedge clk) if (out_valid) $display("out %0d %0d %h", v, out_channel, out_value);
  initial begin
    $readmemh("x_values.hex", xmem);
    v = 0;
    @(posedge clk); @(posedge clk); rst <= 0;
    for (v = 0; v < ${count}; v = v + 1) begin
      @(posedge clk); start <= 1;
      @(posedge clk); start <= 0;
      while (!done) @(posedge clk);
      $display("end %0d %0d %0d", v, macs, cycles);
    end
    $finish;
  end
endmodule
`;
}

export async function simulateDotProduct(
  l: MacLayer,
  store: EncodedWeightStore,
  vectors: readonly (readonly bigint[])[],
  dir: string,
): Promise<DotProductRun> {
  const params = dotProductParams(l, store, '.');
  writeFileSync(join(dir, 'weights_entries.hex'), store.hex.entries);
  writeFileSync(join(dir, 'weights_segments.hex'), store.hex.segments);
  if (store.hex.bias) writeFileSync(join(dir, 'bias_values.hex'), store.hex.bias);
  const xw = l.types.input.width;
  const header = `${vectors.length} input vectors of ${l.name}, ${l.fanIn} raws of ${xw} bits each`;
  writeFileSync(join(dir, 'x_values.hex'), formatReadmemh(vectors.flat(), xw, header));
  writeFileSync(join(dir, 'tb_dot.v'), testbench(params, vectors.length, l.fanIn));
  const { stdout, compileMs, runMs } = await runIcarus(dir, 'tb_dot', [
    ...verilogSources(),
    join(dir, 'tb_dot.v'),
  ]);
  const rw = l.types.result.width;
  const outputs = vectors.map(() => new Array<bigint>(l.cout).fill(-1n));
  const macs: number[] = [];
  const cycles: number[] = [];
  for (const line of stdout.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[0] === 'out') {
      const raw = BigInt(`0x${f[3]}`);
      outputs[Number(f[1])]![Number(f[2])] = l.types.result.signed ? BigInt.asIntN(rw, raw) : raw;
    } else if (f[0] === 'end') {
      macs[Number(f[1])] = Number(f[2]);
      cycles[Number(f[1])] = Number(f[3]);
    }
  }
  return { outputs, macs, cycles, compileMs, runMs };
}
