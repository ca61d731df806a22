/**
 * Save and load layers models on the local file system: `model.json` (topology + weights manifest,
 * the tfjs format) and `weights.bin`. Pure-JS TensorFlow.js has no `file://` handler (that comes
 * with tfjs-node), so this is ours:  model.save(fileSystemHandler(dir)),
 * tf.loadLayersModel(fileSystemHandler(dir)), or saveModel / loadModel below.
 */
import { SparsePixelsError } from '@sparsepixels/core';
import * as tf from '@tensorflow/tfjs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import '../register-layers';

const MODEL_JSON = 'model.json';
const WEIGHTS_BIN = 'weights.bin';

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

async function readModelJson(dir: string): Promise<tf.io.ModelJSON> {
  const path = join(dir, MODEL_JSON);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new SparsePixelsError('SP_MODEL_FILE', `cannot read ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    return JSON.parse(text) as tf.io.ModelJSON;
  } catch (e) {
    throw new SparsePixelsError('SP_MODEL_FILE', `${path} is not valid JSON: ${(e as Error).message}`);
  }
}

async function readWeights(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message.split('\n')[0];
    throw new SparsePixelsError('SP_MODEL_FILE', `cannot read the weights: ${why}`, path);
  }
}

/** Bytes per element of a weight as stored (quantized weights store 1 or 2 bytes per value). */
function storedBytes(spec: tf.io.WeightsManifestEntry): number {
  const q = spec.quantization?.dtype;
  const per = q === 'uint8' ? 1 : q === 'uint16' || q === 'float16' ? 2 : spec.dtype === 'bool' ? 1 : 4;
  return spec.shape.reduce((a, b) => a * b, 1) * per;
}

/**
 * The weights file must hold exactly what model.json's manifest lists: a truncated file (or one
 * with trailing bytes) is refused here, naming the file, instead of a shape error from deep inside
 * TensorFlow.js.
 */
function checkWeightBytes(specs: readonly tf.io.WeightsManifestEntry[], have: number, file: string): void {
  const need = specs.reduce((a, s) => a + storedBytes(s), 0);
  if (have === need) return;
  const what = have < need ? 'is truncated' : 'has trailing bytes';
  throw new SparsePixelsError('SP_MODEL_FILE', `the weights file ${what}: model.json lists ${need} bytes of weights, the file has ${have}`, file);
}

export function fileSystemHandler(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      await mkdir(dir, { recursive: true });
      const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
      const json: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology!,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      await writeAtomic(join(dir, WEIGHTS_BIN), new Uint8Array(weights));
      await writeAtomic(join(dir, MODEL_JSON), JSON.stringify(json));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      const json = await readModelJson(dir);
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((g) => g.weights);
        const paths = manifest.flatMap((g) => g.paths).map((p) => join(dir, p));
        const buffers = await Promise.all(paths.map(readWeights));
        const all = Buffer.concat(buffers);
        checkWeightBytes(specs, all.length, paths.length === 1 ? paths[0]! : join(dir, MODEL_JSON));
        return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)];
      });
    },
  };
}

export async function saveModel(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(fileSystemHandler(dir));
}

export async function loadModel(dir: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileSystemHandler(dir));
}
