import { SparsePixelsError } from '@sparsepixels/core';
import { compressModel, macLayers, readStore, storeFiles } from '@sparsepixels/sparse-weights';
import { Argument, type Command } from 'commander';
import { EXIT_CHECK_FAILED, EXIT_OK, type ExitCode } from '../cli/exit-codes';
import { formatColumns } from '../model/layer-table';
import { loadPreparedModel } from '../model/load-model';
import { checkOutDir } from '../cli/out-dir';
import { storeFolderReader, writeStoreFolder } from '../weights/store-folder';
import type { CliCommand, CommandContext, CommandInput } from './command';

const FORMATS = ['compressed'] as const;

const list = (v: unknown): string[] | undefined => (Array.isArray(v) ? (v as string[]) : undefined);
const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Reads the folder back from disk and compares every raw with the model's: the files are what they claim. */
export function checkReadBack(
  dir: string,
  model: Parameters<typeof macLayers>[0],
  only: readonly string[] | undefined,
): number {
  const back = readStore(storeFolderReader(dir));
  let differing = 0;
  for (const l of macLayers(model).filter((x) => !only || only.includes(x.name))) {
    const d = back.get(l.name);
    if (!d) return Infinity;
    l.kernel.forEach((r, i) => (r !== d.raws[i] ? differing++ : 0));
    l.bias?.forEach((r, i) => (r !== d.bias?.raws[i] ? differing++ : 0));
  }
  return differing;
}

async function run({ args, opts }: CommandInput, ctx: CommandContext): Promise<ExitCode> {
  const format = String(opts.format);
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `--format '${format}' is not supported; use ${FORMATS.join(', ')}`,
    );
  }
  const outGiven = String(opts.out);
  const out = ctx.resolvePath(outGiven);
  const input = ctx.resolvePath(String(args[0]));
  checkOutDir(out, opts.force === true, 'weight-store', [input]); // before any work
  const { model, warnings } = await loadPreparedModel(input);
  for (const w of warnings) ctx.warn(w);
  const only = list(opts.layer);
  const store = compressModel(model, only);
  if (!store.layers.length)
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `model '${model.name}' has no Dense, Conv2D or SparseConv2D layer to export`,
    );
  await writeStoreFolder(out, storeFiles(store), opts.force === true, [input]);
  const differing = checkReadBack(out, model, only);
  const rows = store.layers.map(({ layer: l, encoded: { metadata: m } }) => {
    const dense = m.count * m.value.bytes;
    const compressed = m.nnz * (m.value.bytes + m.index.bytes);
    return {
      layer: l.name,
      op: l.op,
      shape: m.shape,
      type: m.value.type,
      count: m.count,
      nnz: m.nnz,
      sparsity: 1 - m.nnz / m.count,
      base_offset: m.base_offset,
      bytes: { dense, compressed },
    };
  });
  ctx.info(`compressed weight store of '${model.name}' in ${outGiven}/ (format: docs/weight-store.md)`);
  ctx.info('');
  const table = [
    ['layer', 'op', 'shape', 'weight type', 'non-zero', 'sparsity', 'bytes dense', 'bytes (index, value)'],
    ...rows.map((r) => [
      r.layer,
      r.op,
      r.shape.join('x'),
      r.type,
      `${r.nnz}/${r.count}`,
      `${(100 * r.sparsity).toFixed(1)} %`,
      String(r.bytes.dense),
      String(r.bytes.compressed),
    ]),
  ];
  for (const line of formatColumns(table)) ctx.info(line);
  ctx.info('');
  const ok = differing === 0;
  ctx.info(
    ok
      ? 'read back from the files: every weight and bias raw equals the model'
      : `read back from the files: ${differing} raws differ from the model`,
  );
  ctx.result({
    input,
    out,
    events: null,
    format,
    model: model.name,
    totalEntries: store.totalEntries,
    layers: rows,
    readBack: ok,
  });
  return ok ? EXIT_OK : EXIT_CHECK_FAILED;
}

/** `sparsepixels export-weights <model> --format compressed --out dir`: the (index, value) weight store. */
export const exportWeightsCommand: CliCommand = {
  name: 'export-weights',
  summary: 'write the compressed (index, value) weight store of a model: .bin, .hex ($readmemh) and metadata',
  description:
    'Write the non-zero weights of every Dense, Conv2D and SparseConv2D layer as (index, value) segments, one segment ' +
    'per output channel: <out>/weights_manifest.json and per layer <out>/<layer>/weights_indices.bin, weights_values.bin ' +
    '(raw fixed-point integers, little endian), weights_metadata.json (shapes, types, base_offset, channel_segments), ' +
    'bias_values.bin and $readmemh .hex files. The folder is read back and checked against the model. The format is ' +
    'specified in docs/weight-store.md.',
  examples: [
    ['export-weights model.json --format compressed --out weights', 'every MAC layer of an IR document'],
    [
      'export-weights trained/tfjs --out weights --layer fc1 --force',
      'one layer of a saved model, replacing the folder',
    ],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<model>', 'IR .json, saved-model folder, or HLS project folder'))
      .option('--format <format>', `store format: ${FORMATS.join(', ')}`, 'compressed')
      .requiredOption('-o, --out <dir>', 'output folder')
      .option('-l, --layer <name>', 'only this layer (repeatable)', collect)
      .option('-f, --force', 'replace a non-empty output folder');
  },
  run,
};
