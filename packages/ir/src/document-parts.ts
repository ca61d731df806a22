/**
 * The parts of a `sparsepixels-ir` version 1 document that do not depend on the op registry (the
 * ops use them; model.ts adds the layer union and the document, and re-exports these).
 */

export const IR_FORMAT = 'sparsepixels-ir';
export const IR_VERSION = 1;

/** A canonical fixed-point type string (`ap_fixed<8,3>`; hls4ml spellings accepted) or `'auto'`. */
export type TypeString = string;

export type PrecisionKey = 'result' | 'accum' | 'weight' | 'bias' | 'table';

export type PrecisionIR = { [K in PrecisionKey]?: TypeString };

/** Real values that lie exactly on the grid of the declared type; row-major in `shape`. */
export interface WeightTensorIR {
  shape: number[];
  values: number[];
}

/**
 * Filled by shape inference: the logical shape of a layer's output ([H, W, C] for images, [units]
 * for vectors) and, for sparse tensors, the slot capacity nMax. Ignored (recomputed) on input.
 */
export interface TensorInfoIR {
  shape: number[];
  nMax?: number;
  /** Written by versions before nMax had one name; accepted on input and ignored like the rest. */
  slots?: number;
}

/** What every layer carries besides its op and attributes. */
export interface LayerCommon {
  name: string;
  inputs: string[];
  precision?: PrecisionIR;
  weights?: Record<string, WeightTensorIR>;
  /** Written by shape inference; ignored (recomputed) on input. */
  output?: TensorInfoIR;
  /** Per-layer build settings (hls4ml's LayerName config); override the model's `build`. */
  build?: LayerBuildIR;
}

/** Build settings a layer may override. Backends honour or refuse them per op. */
export interface LayerBuildIR {
  reuseFactor?: number;
  strategy?: Strategy;
}

export interface InputIR {
  name: string;
  /** [H, W, C] channels-last (or [N] for a vector model). */
  shape: number[];
  /** Fixed-point type of the input features (never 'auto'). */
  type: TypeString;
}

export type IoType = 'io_parallel' | 'io_stream';
export type Strategy = 'latency' | 'resource';
export type PipelineStyle = 'dataflow' | 'pipeline' | 'auto';

/** Backend-neutral build hints; missing fields get the defaults of DEFAULT_BUILD. */
export interface BuildIR {
  project?: string;
  part?: string;
  /** Target clock period in ns. */
  clockPeriod?: number;
  /** Clock uncertainty as a fraction or a string the tool understands ('12.5%'); backend default when absent. */
  clockUncertainty?: string;
  ioType?: IoType;
  reuseFactor?: number;
  strategy?: Strategy;
  pipelineStyle?: PipelineStyle;
  /** Make the InputReduce threshold an input port of the top function (set at run time). */
  thresholdInput?: boolean;
}

export const DEFAULT_BUILD: Readonly<Required<Omit<BuildIR, 'clockUncertainty' | 'thresholdInput'>>> = Object.freeze({
  project: 'myproject',
  part: 'xcu250-figd2104-2L-e',
  clockPeriod: 5,
  ioType: 'io_parallel',
  reuseFactor: 1,
  strategy: 'latency',
  pipelineStyle: 'dataflow',
});
