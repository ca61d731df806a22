import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { type Command } from 'commander';
import { EXIT_OK } from '../cli/exit-codes';
import { integerArg, numberArg } from '../cli/options';
import { checkOutDir, writeFolderAtomic } from '../cli/out-dir';
import { didYouMean } from '@sparsepixels/ir';
import { DATASETS } from '../data/registry';
import { MODEL_VARIANTS } from '../training/model-variants';
import { metricLine, trainCnn } from '../training/train-cnn';
import { estimateSummary, writeTrainedReport } from '../report/trained-summary';
import { trainingData } from '../training/training-data';
import type { CliCommand, CommandContext, CommandInput } from './command';
import { addDataKeyOptions, dataKeys } from '../cli/data-options';

function pick<T extends { name: string }>(what: string, name: string, all: readonly T[]): T {
  const found = all.find((x) => x.name === name);
  if (found) return found;
  const names = all.map((x) => x.name);
  throw new SparsePixelsError(
    'SP_CLI_USAGE',
    `unknown ${what} '${name}'; choose one of ${names.join(', ')}${didYouMean(name, names)}`,
  );
}

function parseBits(v: unknown): number {
  const bits = Number(v);
  if (bits !== 8 && bits !== 16)
    throw new SparsePixelsError('SP_CLI_USAGE', `--bits ${String(v)} is not allowed; use 8 or 16`);
  return bits;
}

async function run({ opts }: CommandInput, ctx: CommandContext): Promise<typeof EXIT_OK> {
  const gen = pick('dataset', String(opts.dataset), DATASETS);
  const variant = pick('model', String(opts.model), MODEL_VARIANTS);
  const bits = parseBits(opts.bits);
  const outGiven = String(opts.out);
  const out = ctx.resolvePath(outGiven);
  checkOutDir(out, opts.force === true);
  const data = trainingData(
    {
      gen,
      ...(opts.data === undefined ? {} : { file: String(opts.data), keys: dataKeys(opts) }),
      events: opts.events as number,
      seed: opts.seed as number,
      testFraction: 0.2,
    },
    ctx,
  );
  const nTrain = data.train.y.length;
  const nTest = data.test.y.length;
  ctx.info(
    `training ${gen.name} ${variant.name}${variant.nMax ? ` (N = ${variant.nMax})` : ''}, ${bits}-bit, on ${data.source}: ${nTrain} train / ${nTest} test events`,
  );
  const t = await trainCnn(
    {
      dataset: gen.name,
      ...(variant.nMax === undefined ? {} : { nMax: variant.nMax }),
      bits,
      epochs: opts.epochs as number,
      batchSize: opts.batchSize as number,
      learningRate: opts.learningRate as number,
      seed: opts.seed as number,
      name: `${gen.name}_${variant.name.replace('-', '_')}_${bits}b`,
    },
    data.train,
    data.test,
    ctx,
  );
  const ev = t.evaluation;
  ctx.info(`trained in ${t.seconds.toFixed(1)} s (TensorFlow.js backend ${t.backend})`);
  ctx.info(
    `test (${nTest} events): ${metricLine(ev)}; ${ev.overflowEvents} events had more than N active pixels`,
  );
  const layers = await import('@sparsepixels/layers');
  const est = estimateSummary(t.ir);
  await writeFolderAtomic(out, async (tmp) => {
    writeFileSync(join(tmp, 'model.json'), `${JSON.stringify(t.ir, null, 2)}\n`);
    await layers.saveModel(t.model, join(tmp, 'tfjs'));
    await writeTrainedReport(join(tmp, 'report.html'), est.data, t.ir, data.test.x, data.test.y, nTest);
  });
  ctx.info(
    `saved ${outGiven}/model.json (IR), ${outGiven}/tfjs/ (TensorFlow.js model) and ${outGiven}/report.html (charts, ROC)`,
  );
  for (const line of est.lines) ctx.info(line);
  ctx.info(`next: sparsepixels convert ${outGiven}/model.json --backend vitis --out ${outGiven}-hls`);
  ctx.result({
    command: 'train',
    dataset: gen.name,
    model: variant.name,
    nMax: variant.nMax ?? null,
    bits,
    trainEvents: nTrain,
    testEvents: nTest,
    epochs: t.history.epochs,
    seconds: t.seconds,
    float: ev.float,
    firmware: ev.firmware,
    decisionAgreement: ev.decisionAgreement,
    identicalOutputs: ev.identicalOutputs,
    overflowEvents: ev.overflowEvents,
    estimate: est.data.estimate.estimate,
    ...(est.data.standard ? { standardEstimate: est.data.standard.estimate } : {}),
    out,
  });
  return EXIT_OK;
}

/** `sparsepixels train --dataset <name>`: quantization-aware training of the paper's models. */
export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'train a quantized sparse (or standard) CNN and report its firmware accuracy',
  description:
    "Train one of the paper's models (sparse-t/s/m/l with N = 8/12/16/20, or the standard CNN) with quantization-aware " +
    'training on a generated dataset or an .npz (x, y), hold out 20 % of the events for testing, and print the float ' +
    'and the firmware metric (computed by the bit-exact interpreter). Saves <out>/model.json (the IR, for convert) ' +
    'and <out>/tfjs/ (the TensorFlow.js model).',
  examples: [
    ['train --dataset neutrino --out nu-model', 'sparse-m, 8-bit, on 4000 generated neutrino windows'],
    ['train --dataset digits --model sparse-l --epochs 20 --out digits-l', 'digits, N = 20'],
    ['train --dataset jet --data jets.npz --bits 16 --out jet16', 'on your own x / y arrays'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .requiredOption('-d, --dataset <name>', `dataset: ${DATASETS.map((d) => d.name).join(', ')}`)
      .option('--data <file>', 'train on x / y from this .npz or .h5 (see --x-key, --y-key) instead of generated events')
      .option('-n, --events <n>', 'generated events (train + test)', integerArg(10, 1000000), 4000)
      .option('-m, --model <name>', `model: ${MODEL_VARIANTS.map((v) => v.name).join(', ')}`, 'sparse-m')
      .option('--bits <bits>', 'quantization width: 8 or 16', '8')
      .option('-e, --epochs <n>', 'training epochs', integerArg(1, 10000), 10)
      .option('--batch-size <n>', 'events per batch', integerArg(1, 100000), 32)
      .option('--learning-rate <lr>', 'Adam learning rate', numberArg(0, 1), 3e-3)
      .option('-s, --seed <seed>', 'seed of the generated events, weights and shuffling', integerArg(0), 1219)
      .option('-o, --out <dir>', 'output folder', 'sparsepixels-model')
      .option('-f, --force', 'replace a non-empty output folder');
    addDataKeyOptions(cmd);
  },
  run,
};
