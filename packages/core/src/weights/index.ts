export {
  WEIGHT_STORE_FORMAT,
  WEIGHT_STORE_VERSION,
  storageBytes,
  indexWidth,
  segmentWidths,
  valueEncoding,
  hexDigits,
} from './weight-store-format';
export type { WeightStoreMetadata, ChannelSegment, ValueEncoding } from './weight-store-format';
export { encodeWeightStore } from './encode-weight-store';
export type { WeightStoreInput, EncodedWeightStore, WeightStoreHex } from './encode-weight-store';
export {
  decodeWeightStore,
  decodeWeightStoreHex,
  parseWeightStoreMetadata,
  METADATA_FILE,
} from './decode-weight-store';
export type { DecodedWeightStore, WeightStoreBytes, WeightStoreText } from './decode-weight-store';
export { writeLeWords, readLeWords, formatReadmemh, parseReadmemh } from './le-words';
