import { expect } from 'vitest';
import { runTool } from '../src/sim/run-process';

/** An emitted project passes Verilator lint (-Wall), Yosys read + hierarchy/check, and iverilog -g2005, run in its folder. */
export async function expectCleanProject(dir: string, top = 'myproject'): Promise<void> {
  const lint = await runTool('sh', ['lint.sh'], dir, 'verilator');
  expect(lint.stderr.split('\n').filter((l) => l.startsWith('%'))).toEqual([]);
  expect(lint.status).toBe(0);
  const ys = await runTool('yosys', ['-q', '-p', `read_verilog rtl/lib/*.v rtl/*.v; hierarchy -check -top ${top}; proc; check -assert`], dir, 'yosys');
  expect(ys.stderr).toBe('');
  expect(ys.status).toBe(0);
  const iv = await runTool('sh', ['-c', `iverilog -g2005 -o /dev/null -s ${top} rtl/lib/*.v rtl/*.v`], dir, 'iverilog');
  expect(iv.stderr).toBe('');
  expect(iv.status).toBe(0);
}
