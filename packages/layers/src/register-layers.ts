/**
 * Side effects in one place: registers every layer class for model deserialization
 * (loadLayersModel) and keeps TensorFlow.js' Node.js banner quiet (backend/quiet-node-banner.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { quietNodeBanner } from './backend/quiet-node-banner';
import { LAYER_CLASSES } from './registry';

let done = false;

export function registerLayers(): void {
  if (done) return;
  for (const cls of LAYER_CLASSES) tf.serialization.registerClass(cls as unknown as tf.serialization.SerializableConstructor<tf.serialization.Serializable>);
  done = true;
}

registerLayers();
quietNodeBanner();
