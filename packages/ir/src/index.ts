// Model document
export { IR_FORMAT, IR_VERSION, DEFAULT_BUILD, ACTIVITIES, DEFAULT_ACTIVITY } from './model';
export type {
  Activity,
  ModelIR,
  LayerIR,
  LayerCommon,
  OutsideLayerIR,
  OutsideOpType,
  InputIR,
  BuildIR,
  LayerBuildIR,
  PrecisionIR,
  PrecisionKey,
  WeightTensorIR,
  TensorInfoIR,
  TypeString,
  IoType,
  Strategy,
  PipelineStyle,
} from './model';

// Validation and preparation
export { prepareModel, validateModel, runPasses } from './prepare-model';
export type { PrepareResult, ValidationResult } from './prepare-model';
export { isPreparedModel, isPreparedLayerOf } from './prepared-model';
export type { PreparedModel, PreparedLayer, PreparedInput, PreparedOutput } from './prepared-model';
export { findInputReduce, eventBudget } from './input-reduce-of';
export { decideClass, outputMeaning } from './decision';
export { preparedTableSize } from './ops/activations/activation-precision';
export { activationFunction } from './ops/activations/activation-kernels';
export { preparedReciprocalBits, inferReciprocalBits, MAX_RECIPROCAL_BITS } from './precision/pool-precision';
export type { OutputMeaning } from './decision';
export type { EventBudget } from './input-reduce-of';
export { DIAGNOSTICS, formatDiagnostic } from './diagnostics';
export type { Diagnostic, DiagnosticDef, Severity } from './diagnostics';
export { IRValidationError } from './ir-validation-error';
export { modelSchema } from './schema/model-schema';
export { MODEL_SCHEMA_V2 } from './schema/compose-schema';
export { migrateDocument } from './migrations/migrate';
export type { MigrationResult } from './migrations/migrate';
export { MIGRATIONS } from './migrations/migrations';
export type { Migration } from './migrations/migration';

// Passes
export { PIPELINE } from './passes/pipeline';
export type { Pass, PassContext } from './passes/pass';

// Ops: declared once with defineOp and typed attribute descriptors (docs/op-contract.md)
export { BUILTIN_OPS, builtinOp, isLayerOf } from './ops/builtin';
export type { BuiltinOp, BuiltinOpType, BuiltinOpOf, BuiltinLayerIR, LayerOfType, AttrsOfType } from './ops/builtin';
export { defineOp } from './ops/define-op';
export type { OpSpec, DefinedOp } from './ops/define-op';
export { attr } from './ops/attr-descriptors';
export type { AttrDescriptor, AttrProblem, OptionalAttr } from './ops/attr-descriptors';
export { checkAttrs, resolveAttrs, assertAttrs, attrsSchemaOf, attrsOwnerOf } from './ops/check-attrs';
export type { AttrIssue, AttrsOwner } from './ops/check-attrs';
export { getOp, findOp, listOps } from './ops/registry';
export { registerOp } from './ops/register-op';
export type {
  OpDef,
  AttrSpecs,
  Attrs,
  AttrsIn,
  AnyAttrs,
  AnyLayerIR,
  LayerOf,
  LayerOfOp,
  MacCounter,
  AttrsOfOp,
  ShapeContext,
  PrecisionContext,
  ResolvedPrecision,
  WeightSpec,
  JsonSchema,
} from './ops/op-def';
export { denseTensor, sparseTensor } from './ops/tensor-info';
export type { TensorInfo, TensorKind, TensorOfKind, DenseTensorInfo, SparseTensorInfo } from './ops/tensor-info';
export { ACTIVATION_RULES } from './ops/activations/activation-rules';
export type { ActivationRule } from './ops/activations/activation-rule';

// Interpreter
export { createInterpreter } from './interpret/create-interpreter';
export type { Interpreter, InterpreterOptions, InterpretResult, LayerMacs, OutputBatch, TraceEntry } from './interpret/create-interpreter';
export { createFloatInterpreter } from './interpret/create-float-interpreter';
export type { FloatInterpreter, FloatInterpretResult, FloatTraceEntry } from './interpret/create-float-interpreter';
export type { RawBatch } from './interpret/raw-batch';
export type { CompiledWeight, LayerKernel, RuntimeTensor, RawArray } from './interpret/runtime';
export type { CompileContext, KernelFactory, FloatKernelFactory } from './ops/op-def';

// Backends
export { registerBackend, getBackend, listBackends, checkBackendSupports, findProjectBackend } from './backend';
export type { Backend, EmitOptions, EmitResult, SimulateOptions, Measurement, MeasuredCost } from './backend';

// Test benches: data formats and the bit-by-bit comparison with the interpreter (every backend)
export {
  rawToExactDecimal,
  exactDecimalToRaw,
  formatInputEvents,
  parseInputEvents,
  formatOutputs,
  writeInputEvents,
  writeOutputPredictions,
  TB_BATCH,
  tbFileEvents,
  parseResults,
  parseTrace,
  interpretEvents,
  defaultEvents,
  compareOutputs,
  emptyComparison,
  MAX_LISTED,
  firstDivergence,
  formatCsimReport,
  outputSpecs,
} from './testbench';
export type { OutputSpec, TraceLine, LayerTrace, ReferenceRun, Mismatch, Divergence, CsimReport, Comparison } from './testbench';

// Output folders and files (every writer of sparsepixels and of outside backends)
export { writeOutputFolder } from './output/write-output-folder';
export type { OutputFolderOptions, WrittenFolder } from './output/write-output-folder';
export { fillFolder } from './output/fill-folder';
export type { FolderCopy, FolderFile, StreamedContent, StreamedFile } from './output/fill-folder';
export { checkOutputFolder, checkNotProtected } from './output/output-guard';
export type { OutputFolderCheck } from './output/output-guard';
export { checkOutputFile } from './output/output-file';
export type { OutputFileCheck, OutputFileFormat } from './output/output-file';
export { OUTPUT_MARKER_FILE, readOutputMarker } from './output/output-marker';
export type { OutputMarker, OutputFileEntry } from './output/output-marker';
export { createOwnedTempDir, reapStaleTempDirs } from './output/owned-temp';
export { onInterrupt } from './output/interrupt';
export type { InterruptCleanup } from './output/interrupt';

// C++ names of generated projects
export { cppNameProblem } from './names/cpp-names';
export type { CppNameRole } from './names/cpp-names';

// Utilities
export { didYouMean } from './util/did-you-mean';
export { suggestionList } from './util/suggestion-list';
export { jsonErrorDetail } from './util/json-error';

// Input events read in slices
export { arrayEvents, toInputEvents, firstEvents, forEachBatch, allEventValues } from './input-events';
export type { InputEvents } from './input-events';

// Numerical profiling: value ranges and overflow counts per layer on real data
export { profileModel, createProfiler } from './interpret/profile-model';
export type { Profiler } from './interpret/profile-model';
export type { ProfileReport, ProfileEntry, ValueRange } from './interpret/profile-stats';
