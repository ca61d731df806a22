// A paper model with 70 % of its weights set to zero: the compressed store, read back, and the
// zero-skip simulation on it (MACs per event, bit-exact against the interpreter).
import type { ModelIR } from '@sparsepixels/ir';
import { buildPaperModel, randomSparseEvents } from '@sparsepixels/ir/testing';
import { compressModel, readStore, storeFiles, zeroSkipSimulate } from '@sparsepixels/sparse-weights';

export function pruneStoreSimulate(): ReturnType<typeof zeroSkipSimulate> {
  const model: ModelIR = buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16, bits: 8 });
  for (const l of model.layers) {
    const k = l.weights?.['kernel'];
    if (k) k.values = k.values.map((v, i) => (i % 10 < 7 ? 0 : v)); // 70 % zeros (any pruning does)
  }
  const files = storeFiles(compressModel(model)); // [{ path: 'fc1/weights_values.bin', data }, ...]
  const byPath = new Map(
    files.map((f) => [f.path, typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data]),
  );
  const store = readStore((path) => byPath.get(path)); // what a folder on disk gives back
  const events = randomSparseEvents({
    h: 63,
    w: 63,
    count: 200,
    active: [8, 30],
    seed: 1,
    type: model.input.type,
  });
  const report = zeroSkipSimulate(model, events, 200, { store, macsPerCycle: 4, clockNs: 5 });
  for (const l of report.layers)
    console.log(l.name, l.op, `${l.nonZeroWeights}/${l.weights}`, l.macs, l.bitExact);
  console.log(report.total.cycles, report.bitExact); // cycles per event dense / input-sparse / zero-skip; true
  return report;
}
