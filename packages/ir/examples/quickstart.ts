// Validate a model document, see its diagnostics, prepare it and run the bit-exact interpreter.
// Run: node benchmarks/run.mjs packages/ir/examples/quickstart.ts
import { createInterpreter, formatDiagnostic, validateModel } from '../src/index';
import { buildPaperModel, randomSparseEvents } from '../src/testing/index';

// 1. A broken document (so not a typed ModelIR): every problem is reported at once, one line each, with suggestions.
const broken = buildPaperModel({ dataset: 'neutrino', variant: 'sparse', nMax: 16 });
const bad = {
  ...broken,
  layers: broken.layers.map((l) =>
    l.name === 'conv1' ? { ...l, op: 'SparseConv2d' } : l.name === 'conv2' ? { ...l, attrs: { filters: 3, kernel_size: 7 } } : l,
  ),
};
for (const d of validateModel(bad).diagnostics) console.log(formatDiagnostic(d));

// 2. The valid document: 'auto' precisions are resolved, shapes inferred.
const { valid, model, diagnostics } = validateModel(broken);
console.log(`valid: ${valid}, warnings: ${diagnostics.length}`);
for (const l of model!.layers) console.log(`${l.name.padEnd(9)} ${l.op.padEnd(17)} ${JSON.stringify(l.output?.shape)} ${l.precision?.result}`);

// 3. Bit-exact inference on a batch of 63x63 events (real values, cast to the input type).
const events = randomSparseEvents({ h: 63, w: 63, count: 4, active: [5, 30], seed: 1 });
const result = createInterpreter(model!).run(events, 4);
console.log('raw bits :', result.raw[0]!.join(' '), `(${result.outputs[0]!.type})`);
console.log('values   :', Array.from(result.values[0]!).join(' '));
console.log('dropped  :', Array.from(result.overflowCount).join(' '), '(active pixels beyond nMax)');
