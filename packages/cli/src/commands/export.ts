import { extname } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { exportKeras, hlsConfigYaml } from '@sparsepixels/import';
import type { ModelIR } from '@sparsepixels/ir';
import { Argument, type Command } from 'commander';
import { EXIT_OK } from '../cli/exit-codes';
import { checkOutFile } from '../cli/out-dir';
import { cliCommand } from '../cli/shell-quote';
import { writeFileAtomic } from '../io/atomic-write';
import { loadModelDocument, prepareLoaded } from '../model/load-model';
import type { CliCommand, CommandContext, CommandInput } from './command';

/** The hls4ml config beside `out`: `model.keras` -> `model.hls4ml.yml`. */
const defaultConfigPath = (out: string) => `${out.slice(0, -extname(out).length)}.hls4ml.yml`;

async function run({ args, opts }: CommandInput, ctx: CommandContext): Promise<typeof EXIT_OK> {
  const given = String(opts.out);
  if (extname(given).toLowerCase() !== '.keras') throw new SparsePixelsError('SP_CLI_USAGE', `--out must name a .keras file, got '${given}'`);
  const configGiven = opts.hlsConfig !== undefined ? String(opts.hlsConfig) : defaultConfigPath(given);
  if (!/\.(ya?ml)$/i.test(configGiven)) throw new SparsePixelsError('SP_CLI_USAGE', `--hls-config must name a .yml file, got '${configGiven}'`);
  const out = ctx.resolvePath(given);
  const configOut = ctx.resolvePath(configGiven);
  const force = opts.force === true;
  const inputs = [ctx.resolvePath(String(args[0]))];
  checkOutFile(out, force, inputs);
  checkOutFile(configOut, force, inputs);
  const t0 = performance.now();
  const loaded = await loadModelDocument(ctx.resolvePath(String(args[0])));
  const { model } = prepareLoaded(loaded);
  const doc = loaded.doc as ModelIR;
  const e = await exportKeras(doc);
  for (const w of e.warnings) ctx.warn(w);
  writeFileAtomic(out, (sink) => sink.write(e.keras));
  writeFileAtomic(configOut, (sink) => sink.write(new TextEncoder().encode(hlsConfigYaml(doc, given))));
  ctx.info(`wrote ${given} (Keras 2.14 .keras, QKeras and sparsepixels layers, ${model.layers.length} IR layers) and ${configGiven} (hls4ml config: input, accumulator and result types, build settings)`);
  ctx.info(`  back into the IR: ${cliCommand('import', given, '--hls-config', configGiven, '--out', 'model.json')}`);
  // e.warnings reach the shared `warnings` field through ctx.warn
  ctx.result({
    input: loaded.file,
    out,
    events: null,
    timings: { export: (performance.now() - t0) / 1000 },
    model: model.name,
    hlsConfig: configOut,
  });
  return EXIT_OK;
}

/** `sparsepixels export <model> --out model.keras`: the IR as a Keras model (+ its hls4ml config) for Python. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'write an IR model as a Keras .keras (QKeras and sparsepixels layers) and an hls4ml config, for Python',
  description:
    'Export a model to Keras 2.14 (.keras: config.json with QKeras QConv2D/QDense/QActivation and the sparsepixels ' +
    'layers InputReduce, QConv2DSparse, AveragePooling2DSparse/MaxPooling2DSparse; weights in model.weights.h5), so it can ' +
    'be loaded, evaluated or fine-tuned in Python. What Keras cannot hold (the input type, accumulator and result types, ' +
    'table sizes, the activity rule as Model.Activity, explicit pooling reciprocals as ReciprocalBits, build settings) goes into an hls4ml config (--hls-config, default <out>.hls4ml.yml); importing the pair ' +
    'with `sparsepixels import` gives the model back (a version 1 document as migrated to version 2). An activity "nonzero" model ' +
    'is exported with a warning: the .keras alone computes with the keep-mask in Keras. Weights must be exactly representable in float32.',
  examples: [
    ['export nu-model/model.json --out nu.keras', 'nu.keras and nu.hls4ml.yml'],
    ['export model.json --out m.keras --hls-config hls4ml_config.yml --force', 'name the config, replace existing files'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<model>', 'IR .json, saved-model folder or HLS project folder'))
      .requiredOption('-o, --out <model.keras>', '.keras file to write')
      .option('--hls-config <file.yml>', 'hls4ml config to write beside it (default <out>.hls4ml.yml)')
      .option('-f, --force', 'overwrite a .keras and config that sparsepixels export wrote (never other files)');
  },
  run,
};
