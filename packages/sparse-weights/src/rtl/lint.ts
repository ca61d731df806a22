/** `verilator --lint-only -Wall` on the blocks, with a design's parameters: the warnings (none when clean). */
import type { DotProductParams } from './dot-product-design';
import { runTool } from './run-tool';
import { verilogSources } from './verilog-files';

export async function lintDotProduct(params: DotProductParams | undefined, dir: string): Promise<string[]> {
  const g = Object.entries(params ?? {}).map(([k, v]) =>
    typeof v === 'string' ? `-G${k}="${v}"` : `-G${k}=${v}`,
  );
  const r = await runTool(
    'verilator',
    ['--lint-only', '-Wall', '--top-module', 'sparse_dot_product', ...g, ...verilogSources()],
    dir,
    'verilator',
  );
  return r.stderr.split('\n').filter((l) => /^%(Warning|Error)/.test(l));
}
