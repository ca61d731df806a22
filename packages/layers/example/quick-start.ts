// Train a small quantized sparse CNN, see the accuracy the firmware will have, save it, export the IR.
import * as tf from '@tensorflow/tfjs';
import {
  AveragePooling2DSparse, InputReduce, QActivation, QConv2DSparse, QDense, QuantizeInput, SparseFlatten,
  evaluate, exportIR, fit, quantizedBits, quantizedRelu, saveModel, selectBackend,
} from '@sparsepixels/layers';

export async function quickStart(outDir: string) {
  const backend = await selectBackend(); // tfjs-node if installed, else the pure-JS cpu backend
  console.log(`TensorFlow.js backend: ${backend.name} (${backend.reason})`);

  // 32x32 images: label 1 = a compact cluster of hits, label 0 = hits scattered over the window
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const count = 600;
  const x = new Float32Array(count * 32 * 32);
  const y = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    y[e] = e % 2;
    const [h0, w0] = [8 + Math.floor(random() * 16), 8 + Math.floor(random() * 16)];
    for (let k = 0; k < 12; k++) {
      const spread = y[e] ? 3 : 16;
      const h = Math.min(31, Math.max(0, h0 + Math.round((random() - 0.5) * 2 * spread)));
      const w = Math.min(31, Math.max(0, w0 + Math.round((random() - 0.5) * 2 * spread)));
      x[e * 1024 + h * 32 + w] = 0.25 + 0.75 * random();
    }
  }
  const train = { x: x.subarray(0, 500 * 1024), y: y.subarray(0, 500) };
  const test = { x: x.subarray(500 * 1024), y: y.subarray(500) };

  const q = () => quantizedBits(8, 2); // weights: ap_fixed<8,3>
  const input = tf.input({ shape: [32, 32, 1] });
  let t = new QuantizeInput({ type: 'ap_ufixed<8,1>' }).apply(input) as tf.SymbolicTensor;
  let s = new InputReduce({ nMax: 12, threshold: 0 }).apply(t) as tf.SymbolicTensor[];
  s = new QConv2DSparse({ filters: 2, kernelSize: 5, kernelQuantizer: q(), biasQuantizer: q(), activation: quantizedRelu(8, 2), seed: 1 }).apply(s) as tf.SymbolicTensor[];
  s = new AveragePooling2DSparse({ poolSize: 4, quantizer: quantizedBits(16, 2, { keepNegative: false }) }).apply(s) as tf.SymbolicTensor[];
  t = new SparseFlatten().apply(s) as tf.SymbolicTensor;
  t = new QDense({ units: 8, kernelQuantizer: q(), biasQuantizer: q(), activation: quantizedRelu(8, 2), seed: 2 }).apply(t) as tf.SymbolicTensor;
  t = new QDense({ units: 1, kernelQuantizer: q(), biasQuantizer: q(), seed: 3 }).apply(t) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: new QActivation({ activation: 'sigmoid' }).apply(t) as tf.SymbolicTensor });

  await fit(model, train, { epochs: 8, batchSize: 50, learningRate: 1e-2, validation: test });
  const ev = evaluate(model, test); // the firmware's numbers come from the bit-exact IR interpreter
  console.log(`accuracy: tfjs ${ev.float.accuracy.toFixed(3)}, firmware ${ev.firmware.accuracy.toFixed(3)}; AUC firmware ${ev.firmware.auc!.toFixed(3)}`);
  console.log(`bit-identical outputs: ${(100 * ev.identicalOutputs).toFixed(1)}%`);

  await saveModel(model, `${outDir}/model`); // model.json + weights.bin; loadModel(dir) reads it back
  const ir = exportIR(model, { name: 'quick_start' }); // sparsepixels-ir v1, ready for the HLS backends
  return { ir, evaluation: ev };
}
