import { Argument, type Command } from 'commander';
import { EXIT_OK } from '../cli/exit-codes';
import { formatLayerTable, layerTable } from '../model/layer-table';
import { loadPreparedModel } from '../model/load-model';
import type { CliCommand, CommandContext, CommandInput } from './command';

async function run({ args }: CommandInput, ctx: CommandContext): Promise<typeof EXIT_OK> {
  const given = String(args[0]);
  const { prepared, model, loaded, warnings } = await loadPreparedModel(ctx.resolvePath(given));
  for (const w of warnings) ctx.warn(w);
  const table = layerTable(prepared);
  const sparse = table.layers.find((l) => l.nMax !== undefined);
  ctx.info(
    `model '${model.name}' (${loaded.kind === 'ir' ? 'IR document' : 'saved TensorFlow.js model'} ${given})`,
  );
  ctx.info(
    `input '${table.input.name}' ${table.input.shape.join('x')} ${table.input.type}; outputs ${table.outputs.join(', ')}` +
      (sparse ? `; sparse with N = ${sparse.nMax} slots` : '; dense (standard CNN)'),
  );
  ctx.info('');
  for (const line of formatLayerTable(table)) ctx.info(line);
  ctx.info('');
  ctx.info(
    `${table.totals.params} parameters, ${table.totals.ops} operations (multiplications) per event, worst case`,
  );
  const { input, ...rest } = table;
  ctx.result({
    input: loaded.file,
    name: model.name,
    source: loaded.kind,
    inputTensor: input,
    ...rest,
    build: model.build ?? {},
  });
  return EXIT_OK;
}

/** `sparsepixels inspect <model>`: the layer table of an IR document or a saved model. */
export const inspectCommand: CliCommand = {
  name: 'inspect',
  summary: 'print the layer table of a model: shapes, types, parameters, operations per event',
  description:
    'Print one line per layer of an IR document, a saved TensorFlow.js model folder (from `sparsepixels train`) or an ' +
    'HLS project folder: op, output shape (and slots N for sparse tensors), result/accumulator/weight types after ' +
    'precision inference, trainable parameters and worst-case multiplications per event, with totals.',
  examples: [
    ['inspect model.json', 'layer table of an IR document'],
    ['inspect trained/tfjs', 'layer table of a saved TensorFlow.js model'],
    ['inspect model.json --json', 'the table as JSON'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd.addArgument(new Argument('<model>', 'IR .json, saved-model folder, or HLS project folder'));
  },
  run,
};
