/** Side effect in one place: registers every layer class for model deserialization (loadLayersModel). */
import * as tf from '@tensorflow/tfjs';
import { LAYER_CLASSES } from './registry';

let done = false;

export function registerLayers(): void {
  if (done) return;
  for (const cls of LAYER_CLASSES) tf.serialization.registerClass(cls as unknown as tf.serialization.SerializableConstructor<tf.serialization.Serializable>);
  done = true;
}

registerLayers();
