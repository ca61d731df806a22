import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command } from 'commander';
import { EXIT_OK } from '../cli/exit-codes';
import { integerArg, numberArg } from '../cli/options';
import { checkOutDir } from '../cli/out-dir';
import { cliCommand } from '../cli/shell-quote';
import { checkCanCreate } from '../cli/writable';
import { overflowWarnings, ProfileSample } from '../model/overflow-warnings';
import { writeOutputFolder } from '@sparsepixels/ir';
import { VERSION } from '../version';
import { DATASETS } from '../data/registry';
import { parseBits, pick } from '../training/choices';
import { MODEL_VARIANTS } from '../training/model-variants';
import { finiteOrNull, metricLine, trainCnn } from '../training/train-cnn';
import { estimateSummary, writeTrainedReport } from '../report/trained-summary';
import { classesIn, maxTrainingEvents, trainingData } from '../training/training-data';
import type { CliCommand, CommandContext, CommandInput } from './command';
import { addDataKeyOptions, dataKeys } from '../cli/data-options';
import { addScheduleOptions, checkPruneFlags, pruneLine, pruneOptions, sparsityArg } from '../training/prune-options';

/** Report helper: metrics with null for an undefined AUC. */
function metrics(m: { accuracy: number; auc?: number }) {
  return { accuracy: m.accuracy, auc: m.auc === undefined ? undefined : finiteOrNull(m.auc) };
}

async function run({ opts }: CommandInput, ctx: CommandContext): Promise<typeof EXIT_OK> {
  const gen = pick('dataset', String(opts.dataset), DATASETS);
  const variant = pick('model', String(opts.model), MODEL_VARIANTS);
  const bits = parseBits(opts.bits);
  const outGiven = String(opts.out);
  const out = ctx.resolvePath(outGiven);
  const inputFiles = [opts.data, opts.validationData, opts.testData]
    .filter((f) => f !== undefined)
    .map((f) => ctx.resolvePath(String(f)));
  const force = opts.force === true;
  checkOutDir(out, force, 'trained-model', inputFiles);
  checkCanCreate(out); // an unwritable --out fails now, not after training
  checkPruneFlags(opts);
  const prune = opts.prune === undefined ? undefined : await pruneOptions(opts.prune as number, opts, opts.epochs as number);
  const data = trainingData(
    {
      gen,
      ...(opts.data === undefined ? {} : { file: String(opts.data) }),
      ...(opts.validationData === undefined ? {} : { validationFile: String(opts.validationData) }),
      ...(opts.testData === undefined ? {} : { testFile: String(opts.testData) }),
      keys: dataKeys(opts),
      events: opts.events as number,
      seed: opts.seed as number,
      testFraction: 0.2,
      validationFraction: 0.1,
    },
    ctx,
  );
  const split = {
    train: data.train.y.length,
    validation: data.validation?.y.length ?? 0,
    test: data.test.y.length,
  };
  const testClasses = classesIn(data.test.y);
  if (testClasses.length < 2)
    ctx.warn(
      `the ${split.test} test events all have class ${gen.classes[testClasses[0] ?? 0]}: accuracy is one-sided and AUC is undefined; give --test-data with every class`,
    );
  ctx.info(
    `training ${gen.name} ${variant.name}${variant.nMax ? ` (N = ${variant.nMax})` : ''}, ${bits}-bit, on ${data.source}: ${split.train} train / ${split.validation} validation / ${split.test} test events`,
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
      ...(prune ? { prune } : {}),
    },
    data.train,
    data.test,
    ctx,
    data.validation,
  );
  const ev = t.evaluation;
  ctx.info(`trained in ${t.seconds.toFixed(1)} s (TensorFlow.js backend ${t.backend})`);
  if (data.validation)
    ctx.info(
      `kept the weights of epoch ${t.history.bestEpoch} of ${t.history.epochs.length} (lowest validation loss)`,
    );
  if (t.history.prune) ctx.info(pruneLine(t.history.prune));
  ctx.info(
    `test (${split.test} events): ${metricLine(ev)}; ${ev.overflowEvents} events had more than N active pixels`,
  );
  const sample = new ProfileSample(ev.prepared);
  sample.add(data.test.x, data.test.y.length);
  const profile = sample.report();
  for (const w of overflowWarnings(profile, 'the test events')) ctx.warn(w);
  const layers = await import('@sparsepixels/layers');
  const est = estimateSummary(t.ir);
  await writeOutputFolder(out, { kind: 'trained-model', force, inputFiles, version: VERSION }, async (tmp) => {
    writeFileSync(join(tmp, 'model.json'), `${JSON.stringify(t.ir, null, 2)}\n`);
    await layers.saveModel(t.model, join(tmp, 'tfjs'));
    await writeTrainedReport(join(tmp, 'report.html'), est.data, ev.prepared, data.test.x, data.test.y, split.test);
  });
  ctx.info(
    `saved ${outGiven}/model.json (IR), ${outGiven}/tfjs/ (TensorFlow.js model) and ${outGiven}/report.html (charts, ROC)`,
  );
  for (const line of est.lines) ctx.info(line);
  ctx.info(
    `next: ${cliCommand('convert', `${outGiven}/model.json`, '--backend', 'vitis', '--out', `${outGiven}-hls`)}`,
  );
  ctx.result({
    input: opts.data === undefined ? null : ctx.resolvePath(String(opts.data)),
    out,
    events: split.train + split.validation + split.test,
    timings: { training: t.seconds },
    dataset: gen.name,
    model: variant.name,
    nMax: variant.nMax ?? null,
    bits,
    split,
    epochs: t.history.epochs,
    bestEpoch: t.history.bestEpoch,
    float: metrics(ev.float),
    firmware: metrics(ev.firmware),
    decisionAgreement: ev.decisionAgreement,
    identicalOutputs: ev.identicalOutputs,
    overflowEvents: ev.overflowEvents,
    overflow: { ok: profile.ok, verdict: profile.verdict, events: profile.events },
    estimate: est.data.estimate.estimate,
    ...(est.data.standard ? { standardEstimate: est.data.standard.estimate } : {}),
    ...(t.history.prune && prune ? { prune: { ...t.history.prune, schedule: prune.schedule } } : {}),
  });
  return EXIT_OK;
}

/** `sparsepixels train --dataset <name>`: quantization-aware training of the paper's models. */
export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'train a quantized sparse (or standard) CNN and report its firmware accuracy',
  description:
    "Train one of the paper's models (sparse-t/s/m/l with N = 8/12/16/20, or the standard CNN) with quantization-aware " +
    'training on a generated dataset or an .npz (x, y). A seeded stratified shuffle splits the events into 70 % ' +
    'training, 10 % validation and 20 % test (--validation-data / --test-data replace those parts); the weights of the ' +
    'epoch with the lowest validation loss are kept. Prints the float and the firmware metric on the test events ' +
    '(computed by the bit-exact interpreter), warns on a one-class test set and when values overflow their types. ' +
    'Saves <out>/model.json (the IR, for convert) and <out>/tfjs/ (the TensorFlow.js model); an --out that cannot be ' +
    `written is refused before training. Training holds its events in memory: at most ${maxTrainingEvents({ height: 63, width: 63 }).toLocaleString('en-US')} ` +
    `neutrino, ${maxTrainingEvents({ height: 56, width: 56 }).toLocaleString('en-US')} jet or ${maxTrainingEvents({ height: 48, width: 48 }).toLocaleString('en-US')} digits events (1 GiB of pixels).`,
  examples: [
    ['train --dataset neutrino --out nu-model', 'sparse-m, 8-bit, on 4000 generated neutrino windows'],
    ['train --dataset digits --model sparse-l --epochs 20 --out digits-l', 'digits, N = 20'],
    ['train --dataset jet --data jets.npz --bits 16 --out jet16', 'on your own x / y arrays'],
    ['train --dataset neutrino --data train.npz --test-data test.npz --out nu', 'your own test set'],
    ['train --dataset neutrino --prune 0.7 --out nu-pruned', '70 % of the weights pruned (one-shot after half the epochs)'],
    ['train --dataset neutrino --prune 0.7 --prune-schedule polynomial:1,6 --out nu-poly', 'pruning ramps up from epoch 1 to 6'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .requiredOption('-d, --dataset <name>', `dataset: ${DATASETS.map((d) => d.name).join(', ')}`)
      .option(
        '--data <file>',
        'train on x / y from this .npz or .h5 (see --x-key, --y-key) instead of generated events',
      )
      .option('--validation-data <file>', 'validation events (x / y, .npz or .h5) instead of 10 % of the data')
      .option('--test-data <file>', 'test events (x / y, .npz or .h5) instead of 20 % of the data')
      .option(
        '-n, --events <n>',
        'generated events (train + validation + test; at most what fits 1 GiB of pixels, see above)',
        integerArg(10, maxTrainingEvents({ height: 48, width: 48 })),
        4000,
      )
      .option('-m, --model <name>', `model: ${MODEL_VARIANTS.map((v) => v.name).join(', ')}`, 'sparse-m')
      .option('--bits <bits>', 'quantization width: 8 or 16', '8')
      .option('-e, --epochs <n>', 'training epochs', integerArg(1, 10000), 10)
      .option('--batch-size <n>', 'events per batch', integerArg(1, 100000), 32)
      .option('--learning-rate <lr>', 'Adam learning rate', numberArg(0, 1), 3e-3)
      .option('-s, --seed <seed>', 'seed of the generated events, weights and shuffling', integerArg(0), 1219)
      .option('-o, --out <dir>', 'output folder', 'sparsepixels-model')
      .option('-f, --force', 'replace a model folder that sparsepixels wrote (and that holds nothing else)')
      .option('--prune <sparsity>', 'magnitude-prune this fraction of the conv and dense weights while training (e.g. 0.7)', sparsityArg);
    addScheduleOptions(cmd);
    addDataKeyOptions(cmd);
  },
  run,
};
