/** Script entry shared by the examples: parse the command line, run, exit 1 if a csim differs. */
import { SparsePixelsError } from '@sparsepixels/core';
import type { ExampleConfig } from './example-config';
import { parseArgs, USAGE } from './parse-args';
import { runExample } from './run-example';

export async function main(config: ExampleConfig, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      console.log(`${config.title}\n${USAGE.replace('<name>', config.name)}`);
      return;
    }
    const r = await runExample(config, { mode: args.mode, ...(args.outDir ? { outDir: args.outDir } : {}), progress: !args.quiet });
    const bad = r.rows.filter((row) => row.csim.some((c) => !c.bitExact));
    if (bad.length > 0) {
      console.error(`C simulation differs from the interpreter for ${bad.map((b) => b.label).join(', ')}`);
      process.exitCode = 1;
    }
  } catch (e) {
    if (!(e instanceof SparsePixelsError)) throw e;
    console.error(e.message);
    process.exitCode = 2;
  }
}
