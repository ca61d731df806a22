import { Argument, type Command } from 'commander';
import { EXIT_OK } from '../cli/exit-codes';
import { addDataKeyOptions } from '../cli/data-options';
import { addMacEventOptions, countEventMacs, eventMacLines, macEvents } from '../model/event-macs';
import { formatLayerTable, layerTable } from '../model/layer-table';
import { loadPreparedModel } from '../model/load-model';
import type { CliCommand, CommandContext, CommandInput } from './command';

async function run({ args, opts }: CommandInput, ctx: CommandContext): Promise<typeof EXIT_OK> {
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
  const ev = macEvents(prepared, opts, ctx, typeof opts.input === 'string' ? opts.input : undefined);
  const macs = countEventMacs(prepared, ev.x, ev.count, ev.source);
  ctx.info('');
  for (const line of eventMacLines(macs)) ctx.info(line);
  const { input, ...rest } = table;
  ctx.result({
    input: loaded.file,
    name: model.name,
    source: loaded.kind,
    inputTensor: input,
    ...rest,
    build: model.build ?? {},
    macs,
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
    'precision inference, trainable parameters and worst-case multiplications per event, with totals; then the ' +
    'multiply-accumulates each MAC layer (Dense, Conv2D, SparseConv2D) performs per event as the interpreter counts ' +
    'them, averaged over --events generated events or the events of --input: dense (worst case), input-sparse ' +
    '(non-zero inputs) and input-and-weight-sparse (non-zero inputs and weights; what pruning saves).',
  examples: [
    ['inspect model.json', 'layer table of an IR document'],
    ['inspect trained/tfjs', 'layer table of a saved TensorFlow.js model'],
    ['inspect model.json --json', 'the table as JSON'],
    ['inspect model.json --input test.npz --events 1000', 'MACs per event averaged over 1000 of your events'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<model>', 'IR .json, saved-model folder, or HLS project folder'))
      .option(
        '-i, --input <file>',
        'events for the MAC counts: .npy, .npz with an array x (count, H, W, C), or .h5 with a dataset x',
      );
    addMacEventOptions(cmd);
    addDataKeyOptions(cmd);
  },
  run,
};
