import { SparsePixelsError } from '@sparsepixels/core';
import { runCsim } from '@sparsepixels/hls-vivado';
import { vitisBackend } from '@sparsepixels/hls-vitis';
import { type Command } from 'commander';
import { EXIT_CHECK_FAILED, EXIT_OK, type ExitCode } from '../cli/exit-codes';
import { integerArg } from '../cli/options';
import { checkOutDir } from '../cli/out-dir';
import { cliCommand, shellQuote } from '../cli/shell-quote';
import { checkCanCreate } from '../cli/writable';
import { neutrinoGenerator } from '../data/neutrino';
import { metricLine, trainCnn } from '../training/train-cnn';
import { estimateSummary, trainedReportHtml } from '../report/trained-summary';
import { trainingData } from '../training/training-data';
import type { CliCommand, CommandContext, CommandInput } from './command';

/**
 * Sizes of the two modes. The full mode learns in ~30 s of training on 2 cores (AUC ~0.9 on the
 * synthetic neutrino windows); --small is the CI size: a few seconds, still clearly above chance.
 */
const MODES = {
  full: { events: 8000, epochs: 12, batchSize: 32, learningRate: 3e-3, csimEvents: 500 },
  small: { events: 1000, epochs: 6, batchSize: 16, learningRate: 3e-3, csimEvents: 50 },
} as const;

const N_MAX = 16;
const BITS = 8;

function nextSteps(ctx: CommandContext, out: string): void {
  ctx.info('');
  ctx.info('where to go next:');
  ctx.info(
    `  ${cliCommand('inspect', out)}                 # layers, types, parameters, operations per event`,
  );
  ctx.info(`  ${cliCommand('csim', out, '--events', '2000')}      # more C simulation, on generated events`);
  ctx.info(
    `  ${cliCommand('report', out, '--html', 'report.html')}   # latency, II, LUT/FF/DSP/BRAM per layer, with charts`,
  );
  ctx.info(
    `  cd ${shellQuote(out)} && vitis-run --tcl build_prj.tcl --mode hls   # synthesis with Vitis HLS (see ${out}/README.md)`,
  );
  ctx.info(
    `  ${cliCommand('train', '--dataset', 'jet', '--model', 'sparse-l', '--out', 'jet-model')}   # another dataset and model`,
  );
}

async function run({ opts }: CommandInput, ctx: CommandContext): Promise<ExitCode> {
  const mode = opts.small === true ? MODES.small : MODES.full;
  const tests = Math.round(mode.events * 0.2);
  if ((opts.events as number | undefined) !== undefined && (opts.events as number) > tests)
    throw new SparsePixelsError(
      'SP_CLI_USAGE',
      `--events ${String(opts.events)} is more than the ${tests} test events of the ${opts.small === true ? 'small' : 'full'} demo`,
    );
  const outGiven = String(opts.out);
  const out = ctx.resolvePath(outGiven);
  checkOutDir(out, opts.force === true, 'hls-project');
  checkCanCreate(out); // an unwritable --out fails now, not after training
  const t0 = performance.now();
  const data = trainingData(
    { gen: neutrinoGenerator, events: mode.events, seed: 1, testFraction: 0.2, validationFraction: 0 },
    ctx,
  );
  const nTest = data.test.y.length;
  const csimEvents = Math.min(nTest, (opts.events as number | undefined) ?? mode.csimEvents);
  ctx.info(
    `1/3 dataset: ${data.source}: 63x63 LArTPC-like windows, neutrino vs cosmic; ${data.train.y.length} train / ${nTest} test`,
  );
  ctx.info(
    `2/3 training a sparse CNN (N = ${N_MAX} active pixels, ${BITS}-bit quantization-aware), ${mode.epochs} epochs`,
  );
  const t = await trainCnn(
    {
      dataset: 'neutrino',
      nMax: N_MAX,
      bits: BITS,
      epochs: mode.epochs,
      batchSize: mode.batchSize,
      learningRate: mode.learningRate,
      seed: 1219,
      name: 'demo_neutrino_sparse_m',
    },
    data.train,
    data.test,
    ctx,
  );
  const ev = t.evaluation;
  ctx.info(`    test: ${metricLine(ev)} (trained in ${t.seconds.toFixed(0)} s)`);
  ctx.info(`3/3 Vitis HLS project -> ${outGiven}, C simulation with g++ on ${csimEvents} test events`);
  const size = 63 * 63;
  const est = estimateSummary(t.ir);
  // report.html goes into the project folder with it (listed in its marker, so --force can replace it)
  const report = await trainedReportHtml(est.data, ev.prepared, data.test.x, data.test.y, nTest);
  const project = await vitisBackend.emit(ev.prepared, out, {
    force: opts.force === true,
    testInputs: data.test.x.subarray(0, csimEvents * size),
    extraFiles: [{ path: 'report.html', content: report }],
  });
  const r = await runCsim(project.outDir, { prepared: ev.prepared });
  const outputs = r.outputs.length * r.events * (r.outputs[0]?.size ?? 1);
  if (r.bitExact)
    ctx.info(
      `    every output bit of all ${r.events} events equals the interpreter (${outputs} outputs, g++ compile ${(r.compileMs / 1000).toFixed(0)} s)`,
    );
  else
    ctx.info(
      `    MISMATCH: ${r.mismatchCount} output values differ from the interpreter; run '${cliCommand('csim', outGiven)}' for the report`,
    );
  for (const line of est.lines) ctx.info(`    ${line}`);
  ctx.info(`    charts and ROC (float vs firmware): ${outGiven}/report.html`);
  const seconds = (performance.now() - t0) / 1000;
  ctx.info(`done in ${seconds.toFixed(0)} s`);
  if (r.bitExact) nextSteps(ctx, outGiven);
  ctx.result({
    out,
    events: data.train.y.length + nTest,
    timings: { training: t.seconds, compile: r.compileMs / 1000, csim: r.runMs / 1000 },
    split: { train: data.train.y.length, validation: 0, test: nTest },
    float: ev.float,
    firmware: ev.firmware,
    csim: { events: r.events, bitExact: r.bitExact, mismatchCount: r.mismatchCount },
    estimate: est.data.estimate.estimate,
    ...(est.data.standard ? { standardEstimate: est.data.standard.estimate } : {}),
  });
  return r.bitExact ? EXIT_OK : EXIT_CHECK_FAILED;
}

/** `sparsepixels demo`: dataset -> training -> firmware accuracy -> Vitis project -> bit-exact C simulation. */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary:
    'the whole flow in one command: data, training, firmware accuracy, Vitis HLS project, bit-exact C simulation',
  description:
    'Generate synthetic neutrino-like detector windows, train a sparse CNN (N = 16, 8-bit) with quantization-aware ' +
    'training, print its float and firmware accuracy and AUC, emit a Vitis HLS project into --out, compile and run ' +
    'its C simulation with g++ and check that every output bit equals the interpreter. About a minute on 2 cores; ' +
    '--small is the few-seconds CI size.',
  examples: [
    ['demo --out sparsepixels-demo', 'the full demo (about a minute)'],
    ['demo --small --out /tmp/demo --force', 'CI-sized, replacing an old run'],
    ['demo --json', 'the summary as JSON'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .option('-o, --out <dir>', 'folder for the Vitis HLS project', 'sparsepixels-demo')
      .option(
        '-n, --events <n>',
        'test events written to the test bench and C-simulated: 1..1600 (default 500; --small: 1..200, default 50)',
        integerArg(1, 1600),
      )
      .option('--small', 'CI size: 1000 events, 6 epochs (a few seconds)')
      .option('-f, --force', 'replace a project folder that sparsepixels wrote (and that holds nothing else)');
  },
  run,
};
