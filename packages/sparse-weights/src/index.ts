// The model's MAC layers as this package reads them (the one IR adapter)
export { macLayers, isMacOp, withLayerWeights, valuesToRaws, rawsToValues } from './ir-adapter';
export type { MacLayer, MacKind, MacTypes, ModelInput } from './ir-adapter';

// The compressed weight store of a model
export {
  compressModel,
  storeFiles,
  readStore,
  modelFromStore,
  roundTripStore,
  manifestOf,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  LAYER_FILES,
} from './store/model-store';
export type {
  ModelStore,
  LayerStore,
  Manifest,
  ManifestLayer,
  StoreFile,
  StoreReader,
} from './store/model-store';

// Zero-skip simulation and MAC counts
export { zeroSkipSimulate } from './zero-skip/zero-skip';
export type { ZeroSkipReport, ZeroSkipOptions, LayerZeroSkip, MacCounts } from './zero-skip/zero-skip';
export { prepareLayerSim, simulateEvent } from './zero-skip/layer-sim';
export type { PreparedLayerSim, EventResult } from './zero-skip/layer-sim';
export { outputUnits } from './zero-skip/term-groups';
export type { OutputUnit, TermGroup } from './zero-skip/term-groups';
export { planStep, step } from './fixed-step';
export type { StepPlan } from './fixed-step';

// Zero-skip simulation internals (per layer and event), shared with the RTL test vectors
export { chooseLayers, prepareSims, walkLayerEvents } from './zero-skip/layer-events';
export type { LayerEvent, WalkOptions } from './zero-skip/layer-events';

// Verilog blocks: parameters, test vectors, Icarus simulation, Verilator lint, Yosys resources
export { dotProductParams } from './rtl/dot-product-design';
export type { DotProductParams } from './rtl/dot-product-design';
export { unitVectors } from './rtl/dot-product-vectors';
export type { DotVector, UnitVectors } from './rtl/dot-product-vectors';
export { simulateDotProduct } from './rtl/simulate-dot-product';
export type { DotProductRun } from './rtl/simulate-dot-product';
export { lintDotProduct } from './rtl/lint';
export { synthesizeDotProduct, parseStat, resourcesOf } from './rtl/synthesize';
export type { SynthResources } from './rtl/synthesize';
export { castParams, Q_CODE, O_CODE } from './rtl/type-params';
export type { CastParams } from './rtl/type-params';
export { verilogDir, verilogSources } from './rtl/verilog-files';
