// The README's quick start: data -> quantization-aware training -> firmware metric -> Vitis project -> C simulation.
import { buildCnn, NEUTRINO, fit, evaluate } from '@sparsepixels/layers';
import { vitisBackend } from '@sparsepixels/hls-vitis';
import { generateNeutrino } from 'sparsepixels';

export async function quickStart(outDir: string, count = 4000) {
  const train = generateNeutrino({ count, seed: 1 }); // 63x63 LArTPC-like windows, neutrino vs cosmic
  const test = generateNeutrino({ count: 1000, seed: 2 });
  const model = buildCnn(NEUTRINO, { nMax: 16, bits: 8, integer: 2, seed: 1219 }); // the paper's sparse-m
  await fit(model, train, { epochs: 6, batchSize: 32, learningRate: 3e-3 });
  const { float, firmware, prepared } = evaluate(model, test); // firmware = the bit-exact IR interpreter
  const project = await vitisBackend.emit(prepared, outDir, { force: true }); // the exported model, prepared once
  const csim = await vitisBackend.csim(project.outDir); // g++ C simulation, every output bit compared
  console.log(`AUC float ${float.auc?.toFixed(3)}, firmware ${firmware.auc?.toFixed(3)}; bit-exact: ${csim.bitExact}`);
  return { float, firmware, csim };
}
