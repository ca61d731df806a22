import type { LayerConverter } from '../convert-context';
import { inputReduceConverter } from './input';
import { convConverter, denseConverter, sparseConvConverter } from './mac';
import {
  activationConverter,
  flattenConverter,
  hgqQuantizerConverter,
  identityConverter,
  poolConverter,
  qActivationConverter,
  sparsePoolConverter,
} from './simple';

/** Every Keras class the importer reads (InputLayer is handled by the graph walker). */
export const CONVERTERS: readonly LayerConverter[] = Object.freeze([
  inputReduceConverter,
  convConverter,
  sparseConvConverter,
  denseConverter,
  activationConverter,
  qActivationConverter,
  hgqQuantizerConverter,
  poolConverter,
  sparsePoolConverter,
  flattenConverter,
  identityConverter,
]);

export const SUPPORTED_CLASSES: readonly string[] = ['InputLayer', ...CONVERTERS.flatMap((c) => c.classNames)];
