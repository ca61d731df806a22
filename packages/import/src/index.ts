// Import of Keras / QKeras / HGQ2 models and hls4ml configs into the IR
export { importModel } from './import-model';
export type { ImportOptions, ImportResult, EventData } from './import-model';
export { sparsifyLayers } from './sparsify';
export { exportKeras, EXPORTED_OPS } from './export/export-keras';
export type { KerasExport } from './export/export-keras';
export { hlsConfigOf, hlsConfigYaml } from './export/hls-config-text';
export type { SparsifyOptions } from './sparsify';
export { calibrateInputType, CALIBRATION_TARGET, MAX_FRACTION_BITS } from './calibrate-input';
export type { CalibrationResult, CalibrationStep } from './calibrate-input';
export { agreementOf, agreementText, decide, modelDecisions } from './agreement';
export type { Agreement } from './agreement';
export { architectureNames, architectureModel } from './architectures';
export { parseHlsConfig, readHlsConfig } from './hls-config/read-hls-config';
export type { HlsActivity, HlsConfig, HlsLayerSettings } from './hls-config/read-hls-config';
export { applyHlsConfig } from './hls-config/apply-hls-config';
export { currentVersion } from './ir-build/ir-builder';
export { SUPPORTED_CLASSES } from './keras/converters/index';
export { qkerasQuantizer } from './quantizers/qkeras';
export { hgqQuantizer, readHgqConfig } from './quantizers/hgq';

// HDF5 (h5wasm) and ZIP: also used by the CLI for .h5 data and .npz files
export { withH5Bytes, withH5File, withH5FileSync, loadHdf5, buildH5, isHdf5 } from './hdf5/h5-file';
export type { H5Reader, H5Writer, H5Array } from './hdf5/h5-file';
export { bufferSource } from './zip/byte-source';
export type { ByteSource } from './zip/byte-source';
export { listZipEntries, readZipEntry, memberDataOffset } from './zip/zip-read';
export type { ZipEntry } from './zip/zip-read';
export { writeZip, encodeZip, ZipWriter } from './zip/zip-write';
export type { ZipMemberInput, ZipWriterOptions } from './zip/zip-write';
export { memorySink } from './zip/byte-sink';
export type { ByteSink } from './zip/byte-sink';
export { crc32 } from './zip/crc32';
