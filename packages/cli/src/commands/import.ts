import { extname } from 'node:path';
import { SparsePixelsError } from '@sparsepixels/core';
import { agreementText, architectureNames, importModel, type EventData } from '@sparsepixels/import';
import { Argument, type Command } from 'commander';
import { addDataKeyOptions, dataKeys } from '../cli/data-options';
import { EXIT_OK } from '../cli/exit-codes';
import { integerArg } from '../cli/options';
import { checkOutFile } from '../cli/out-dir';
import { writeFileAtomic } from '../io/atomic-write';
import { openEvents, shapeText } from '../model/read-events';
import type { CliCommand, CommandContext, CommandInput } from './command';

function thresholdArg(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new SparsePixelsError('SP_CLI_USAGE', `--threshold '${value}' is not a number`);
  return n;
}

/** Events for --calibrate / --data, read for the model's input shape (known only after the import). */
function events(ctx: CommandContext, path: string, shape: readonly number[], keys: ReturnType<typeof dataKeys>): EventData {
  // calibration and agreement run over the events in memory (an import's data set is modest)
  const ev = openEvents(ctx.resolvePath(path), shape, keys);
  return { x: Float64Array.from(ev.events.read(0, ev.count)), count: ev.count, source: path };
}

async function run({ args, opts }: CommandInput, ctx: CommandContext): Promise<typeof EXIT_OK> {
  const file = ctx.resolvePath(String(args[0]));
  const out = ctx.resolvePath(String(opts.out));
  if (extname(out).toLowerCase() !== '.json') throw new SparsePixelsError('SP_CLI_USAGE', `--out must name a .json file, got '${String(opts.out)}'`);
  const inputs = [args[0], opts.hlsConfig, opts.calibrate, opts.data].filter((f) => f !== undefined).map((f) => ctx.resolvePath(String(f)));
  checkOutFile(out, opts.force === true, inputs);
  const keys = dataKeys(opts);
  const base = {
    ...(opts.hlsConfig !== undefined ? { hlsConfig: ctx.resolvePath(String(opts.hlsConfig)) } : {}),
    ...(opts.nMax !== undefined ? { nMax: opts.nMax as number } : {}),
    ...(opts.threshold !== undefined ? { threshold: opts.threshold as number } : {}),
    ...(opts.inputType !== undefined ? { inputType: String(opts.inputType) } : {}),
    ...(opts.arch !== undefined ? { architecture: String(opts.arch) } : {}),
    ...(opts.tableSize !== undefined ? { tableSize: opts.tableSize as number } : {}),
    ...(opts.logits === true ? { logits: true } : {}),
  };
  let calibrating = false;
  const r = await importModel(file, {
    ...base,
    loadEvents: (shape) => {
      const calibrate = opts.calibrate !== undefined ? events(ctx, String(opts.calibrate), shape, keys) : undefined;
      const data = opts.data !== undefined ? events(ctx, String(opts.data), shape, keys) : undefined;
      if (calibrate) {
        calibrating = true;
        ctx.info(`calibrating the input type on ${calibrate.count} events of ${String(opts.calibrate)} (target: firmware = float decisions on >= 99.5 %):`);
      }
      return { ...(calibrate ? { calibrate } : {}), ...(data ? { data } : {}) };
    },
    onCalibrationStep: (s) => ctx.info(`  ${s.type.padEnd(36)} ${agreementText(s.agreement)}`),
  });
  for (const w of r.warnings) ctx.warn(w);
  if (calibrating && r.calibration) ctx.info(`input type ${r.calibration.type}${r.calibration.reached ? '' : ' (target not reached)'}`);
  writeFileAtomic(out, (sink) => sink.write(new TextEncoder().encode(`${JSON.stringify(r.model, null, 2)}\n`)));
  const m = r.model;
  const ops = m.layers.map((l) => l.op);
  ctx.info(`read ${String(args[0])} (${r.format}${r.kerasVersion ? `, Keras ${r.kerasVersion}` : ''}): ${m.layers.length} layers, input ${shapeText(m.input.shape)} ${m.input.type} (from the ${r.inputTypeSource})`);
  ctx.info(`  ${ops.join(' -> ')}`);
  if (r.agreement)
    ctx.info(`firmware decisions equal the float model's${opts.nMax !== undefined ? ' (standard, before sparsifying)' : ''} on ${agreementText(r.agreement)} of ${String(opts.data)}${r.agreement.fraction < 0.99 ? ' -- below 99 %' : ''}`);
  ctx.info(`wrote ${String(opts.out)}`);
  ctx.result({
    input: file,
    out,
    format: r.format,
    ...(r.kerasVersion ? { kerasVersion: r.kerasVersion } : {}),
    modelInput: m.input,
    inputTypeSource: r.inputTypeSource,
    layers: m.layers.map((l) => ({ name: l.name, op: l.op })),
    ...(r.calibration ? { calibration: r.calibration.steps.map((s) => ({ type: s.type, agree: s.agreement.agree, total: s.agreement.total })) } : {}),
    ...(r.agreement ? { agreement: r.agreement } : {}),
  });
  return EXIT_OK;
}

/** `sparsepixels import <file> --out model.json`: Keras / QKeras / HGQ2 / hls4ml into the IR. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'read a Keras model (.keras, .h5; QKeras, HGQ2, sparsepixels layers) and an hls4ml config into an IR .json',
  description:
    'Import a trained model: a .keras (Keras 2.13+ or 3) or a legacy .h5 with QKeras, HGQ2 or sparsepixels layers, or a ' +
    'weights-only .h5 with --arch. Weights are quantized exactly as their quantizers do. --hls-config applies hls4ml ' +
    'precisions, ReuseFactor, Strategy, IOType, and the sparsepixels keys Model.Activity and LayerName.<pool>.ReciprocalBits. --n-max/--threshold turn a standard CNN into its sparse twin. The input type ' +
    'comes from the model\'s input quantizer, --input-type, or --calibrate (fewest fraction bits whose firmware decisions ' +
    'equal the float model\'s on >= 99.5 % of the events). --data reports that agreement. Anything that cannot be reproduced ' +
    'exactly is refused with one line naming the layer.',
  examples: [
    ['import model.keras --out model.json --input-type "ap_ufixed<16,6>"', 'a QKeras sparsepixels model'],
    ['import cnn.keras --out sparse.json --n-max 16 --threshold 0 --calibrate x.npy --data test.h5 --x-key x --y-key y', 'sparsify a standard CNN, pick the input type, report agreement'],
    ['import model.keras --out model.json --hls-config hls4ml_config.yml', 'with the precisions of an hls4ml project'],
    ['import weights/neutrino_sparse_m-8b.h5 --arch neutrino-sparse-m-8b --out m.json', 'weights-only .h5 of a paper architecture'],
  ],
  json: true,
  configure(cmd: Command): void {
    cmd
      .addArgument(new Argument('<file>', 'the model: .keras, or .h5 (full model, or weights with --arch)'))
      .requiredOption('-o, --out <model.json>', 'IR document to write')
      .option('--hls-config <file>', 'hls4ml config (YAML or JSON: Model/LayerName Precision, ReuseFactor, Strategy, TableSize, IOType; sparsepixels keys Model.Activity, LayerName.<pool>.ReciprocalBits)')
      .option('--n-max <n>', 'sparsify a standard CNN with this pixel budget', integerArg(1, 65536))
      .option('--threshold <t>', 'activity threshold of the InputReduce put in front (with --n-max; default 0)', thresholdArg)
      .option('--input-type <type>', 'input type when the model has no input quantizer, e.g. "ap_ufixed<16,6>"')
      .option('--calibrate <file>', 'pick the input type from these events (.npy, .npz or .h5)')
      .option('--data <file>', 'events (.npy, .npz or .h5) on which to report firmware-vs-float agreement')
      .option('--arch <name>', `architecture of a weights-only .h5: ${architectureNames().slice(0, 3).join(', ')}, ... (<dataset>-<standard|sparse-t|s|m|l>-<8|16>b)`)
      .option('--table-size <n>', 'sigmoid/softmax table entries (power of two)', integerArg(2, 65536))
      .option('--logits', 'the final sigmoid/softmax outputs logits (output "logits": no table; decisions logit > 0, argmax)')
      .option('-f, --force', 'overwrite an IR .json that sparsepixels wrote (never another file or an input)');
    addDataKeyOptions(cmd);
  },
  run,
};
