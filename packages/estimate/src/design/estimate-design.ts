/**
 * The whole design: per-layer costs from the op estimators, the FIFOs between DATAFLOW processes,
 * and the schedule (each process starts when its input array is complete: latency adds up along
 * the graph, one cycle of hand-over per process; II = the slowest process + 1).
 */
import { SparsePixelsError } from '@sparsepixels/core';
import { COEFFICIENTS, type Coefficients } from '../coefficients';
import { findDevice, knownParts, type Device } from '../devices';
import type { LayerFacts, ModelFacts } from '../ir-adapter';
import type { KernelFlavour, LayerCost, OpContext } from '../ops/op-estimator';
import { findEstimator, listEstimatorOps } from '../ops/registry';
import { countFifos } from './fifo';

export interface EstimateOptions {
  /** FPGA part (default: the model's build.part, else the U250 of the published designs). */
  readonly part?: string;
  /** Clock period in ns (default: the model's build.clockPeriod, else 5). */
  readonly clockPeriod?: number;
  /** 'ours' (default): the project our backends emit; 'reference': the published kernels and types. */
  readonly kernels?: KernelFlavour;
  readonly coefficients?: Coefficients;
}

export interface LayerEstimate extends LayerCost {
  readonly name: string;
  readonly op: string;
}

export interface Totals {
  readonly latencyCycles: number;
  readonly latencyUs: number;
  readonly ii: number;
  readonly lut: number;
  readonly ff: number;
  readonly dsp: number;
  readonly bram18: number;
}

export interface DesignEstimate {
  readonly model: string;
  readonly kernels: KernelFlavour;
  readonly clockPeriod: number;
  readonly estimate: Totals;
  readonly layers: readonly LayerEstimate[];
  readonly fifo: { readonly cells: number; readonly lut: number; readonly ff: number };
  readonly device: Device;
  readonly notes: readonly string[];
}

/**
 * Our io_stream projects (standard CNN) wrap each io_parallel kernel between a read of its whole
 * input tensor from a stream and a write of its output tensor: one value per cycle each way.
 */
function streamed(cost: LayerCost, layer: LayerFacts): LayerCost {
  const n = (t: LayerFacts['input']) =>
    t.nMax !== undefined ? t.nMax * (t.shape[t.shape.length - 1] ?? 1) : t.shape.reduce((a, b) => a * b, 1);
  const [i, o] = [n(layer.input), n(layer.output)];
  return {
    ...cost,
    latencyCycles: cost.latencyCycles + i + o,
    ii: Math.max(cost.ii, i, o),
    notes: [
      ...cost.notes,
      `ours io_stream: reads ${i} values from its input stream, runs the io_parallel kernel, writes ${o} values (no line buffers yet)`,
    ],
  };
}

/** Slot-coordinate width: our backends emit ap_uint<ceil(log2(max(H, W) + 1))>; the reference uses ap_uint<10>. */
function hashBits(model: ModelFacts, kernels: KernelFlavour): number {
  if (kernels === 'reference') return 10;
  const [h = 1, w = 1] = model.input.shape;
  return Math.max(1, Math.ceil(Math.log2(Math.max(h, w) + 1)));
}

export function resolveDevice(part: string): Device {
  const d = findDevice(part);
  if (!d) {
    throw new SparsePixelsError(
      'SP_ESTIMATE_PART',
      `unknown part '${part}'; known devices: ${knownParts().join(', ')}`,
    );
  }
  return d;
}

export function estimateFacts(model: ModelFacts, options: EstimateOptions = {}): DesignEstimate {
  const kernels = options.kernels ?? 'ours';
  const coef = options.coefficients ?? COEFFICIENTS;
  const clockPeriod = options.clockPeriod ?? model.build.clockPeriod ?? 5;
  if (!(clockPeriod > 0))
    throw new SparsePixelsError('SP_ESTIMATE_CLOCK', `clock period ${clockPeriod} ns must be > 0`);
  const device = resolveDevice(options.part ?? model.build.part ?? 'xcu250-figd2104-2L-e');
  const sparse = model.layers.some((l) => l.input.nMax !== undefined || l.output.nMax !== undefined);
  // the published standard CNNs are hls4ml io_stream designs
  const ioStream = model.build.ioType === 'io_stream' || (kernels === 'reference' && !sparse);
  const dataBits = kernels === 'reference' ? model.input.type.width : undefined;
  const hb = hashBits(model, kernels);
  const byName = new Map(model.layers.map((l) => [l.name, l]));
  const layers: LayerEstimate[] = model.layers.map((layer) => {
    const est = findEstimator(layer.op);
    if (!est) {
      throw new SparsePixelsError(
        'SP_ESTIMATE_OP',
        `no estimator for op "${layer.op}" (layer "${layer.name}"); known: ${listEstimatorOps().join(', ')}`,
      );
    }
    const ctx: OpContext = {
      kernels,
      clockPeriod,
      coef,
      consumers: layer.consumers.map((c) => byName.get(c)).filter((c): c is LayerFacts => c !== undefined),
      hashBits: hb,
      reuseFactor: est.reuse ? (layer.reuseFactor ?? model.build.reuseFactor ?? 1) : 1,
      strategy: layer.strategy ?? model.build.strategy ?? 'latency',
      ioStream,
      ...(dataBits !== undefined ? { dataBits } : {}),
    };
    const cost = est.estimate(layer, ctx);
    return {
      name: layer.name,
      op: layer.op,
      ...(ioStream && kernels === 'ours' ? streamed(cost, layer) : cost),
    };
  });
  const cal = coef.calibration;
  const finish = new Map<string, number>([[model.input.name, 0]]);
  for (const [i, layer] of model.layers.entries()) {
    const start = Math.max(0, ...layer.inputs.map((n) => finish.get(n) ?? 0));
    finish.set(layer.name, start + layers[i]!.latencyCycles + cal.stageOverheadCycles);
  }
  const latencyCycles = Math.round(Math.max(0, ...model.outputs.map((o) => finish.get(o) ?? 0)));
  const ii = Math.max(1, ...layers.map((l) => l.ii)) + cal.iiOverheadCycles;
  const f = countFifos(model, kernels, hb, ioStream);
  const fifo = {
    cells: f.cells,
    lut: Math.round(f.cells * cal.fifoLutPerCell),
    ff: Math.round(f.bits * cal.fifoFfPerBit),
  };
  const sum = (k: 'lut' | 'ff' | 'dsp' | 'bram18') => layers.reduce((a, l) => a + l[k], 0);
  const notes = [
    kernels === 'ours'
      ? 'kernels: ours (hls-include/nnet_utils); laws fitted on the published reference kernels, structural differences modelled per layer'
      : 'kernels: the published reference (hls4ml sparse kernels, accumulators in the fused activation type)',
    `resources are post-synthesis (Vivado synth_design + opt_design) estimates; latency in cycles of the ${clockPeriod} ns clock`,
    `${fifo.cells} FIFO cells between DATAFLOW processes: ${fifo.lut} LUT, ${fifo.ff} FF`,
  ];
  return {
    model: model.name,
    kernels,
    clockPeriod,
    estimate: {
      latencyCycles,
      latencyUs: Math.round(latencyCycles * clockPeriod) / 1000,
      ii,
      lut: sum('lut') + fifo.lut,
      ff: sum('ff') + fifo.ff,
      dsp: sum('dsp'),
      bram18: sum('bram18'),
    },
    layers,
    fifo,
    device,
    notes,
  };
}
