/**
 * FIFO cells between DATAFLOW processes: with io_parallel every element of a completely
 * partitioned array passed between two processes becomes a 2-deep FIFO (the published sparse models
 * have 374-676 of them). Reference design: an array read by k processes counts k times, and the
 * slot coordinates live in one array per InputReduce/pooling that every coordinate reader takes.
 * Ours: every sparse layer passes its coordinates on, so each sparse edge carries 2N of them.
 */
import type { LayerFacts, ModelFacts } from '../ir-adapter';
import { findEstimator } from '../ops/registry';
import { channels, elements, type KernelFlavour } from '../ops/op-estimator';

export interface FifoCount {
  /** FIFO cells and their total width in bits. */
  readonly cells: number;
  readonly bits: number;
}

function tensorElements(t: LayerFacts['output']): number {
  return t.nMax !== undefined ? t.nMax * channels(t.shape) : elements(t.shape);
}

export function countFifos(
  model: ModelFacts,
  kernels: KernelFlavour,
  hashBits: number,
  ioStream: boolean,
): FifoCount {
  const byName = new Map(model.layers.map((l) => [l.name, l]));
  let cells = 0;
  let bits = 0;
  const add = (n: number, w: number) => {
    cells += n;
    bits += n * w;
  };
  let hashSlots = 0; // reference: slots of the coordinate array in force
  for (const layer of model.layers) {
    const est = findEstimator(layer.op);
    const readers = layer.consumers.map((c) => byName.get(c)).filter((c): c is LayerFacts => c !== undefined);
    const n = tensorElements(layer.output);
    if (ioStream) {
      // one stream per edge, one pixel (C values) wide
      add(readers.length, channels(layer.output.shape) * layer.output.type.width);
      continue;
    }
    add(n * readers.length, layer.output.type.width);
    if (kernels === 'reference') {
      if (est?.readsHash && layer.op !== 'InputReduce' && hashSlots > 0) add(2 * hashSlots, hashBits);
      if (est?.makesHash) hashSlots = layer.output.nMax ?? hashSlots;
    } else if (layer.output.nMax !== undefined) {
      add(
        2 *
          layer.output.nMax *
          readers.filter((r) => r.input.nMax !== undefined || findEstimator(r.op)?.readsHash).length,
        hashBits,
      );
    }
  }
  return { cells, bits };
}
