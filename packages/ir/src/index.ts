// Model document
export { IR_FORMAT, IR_VERSION, DEFAULT_BUILD } from './model';
export type {
  ModelIR,
  LayerIR,
  InputIR,
  BuildIR,
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
export { DIAGNOSTICS, formatDiagnostic } from './diagnostics';
export type { Diagnostic, DiagnosticDef, Severity } from './diagnostics';
export { IRValidationError } from './ir-validation-error';
export { modelSchema } from './schema/model-schema';
export { MODEL_SCHEMA_V1 } from './schema/compose-schema';
export { migrateDocument } from './migrations/migrate';
export type { MigrationResult } from './migrations/migrate';
export { MIGRATIONS } from './migrations/migrations';
export type { Migration } from './migrations/migration';

// Passes
export { PIPELINE } from './passes/pipeline';
export type { Pass, PassContext } from './passes/pass';

// Ops
export { BUILTIN_OPS } from './ops/builtin';
export { getOp, findOp, listOps } from './ops/registry';
export { registerOp } from './ops/register-op';
export type {
  OpDef,
  TensorInfo,
  TensorKind,
  ShapeContext,
  PrecisionContext,
  ResolvedPrecision,
  WeightSpec,
  JsonSchema,
} from './ops/op-def';
export { ACTIVATION_RULES } from './ops/activations/activation-rules';
export type { ActivationRule } from './ops/activations/activation-rule';

// Interpreter
export { createInterpreter } from './interpret/create-interpreter';
export type { Interpreter, InterpreterOptions, InterpretResult, OutputBatch, TraceEntry } from './interpret/create-interpreter';
export { createFloatInterpreter } from './interpret/create-float-interpreter';
export type { FloatInterpreter, FloatInterpretResult, FloatTraceEntry } from './interpret/create-float-interpreter';
export type { RawBatch } from './interpret/raw-batch';
export type { CompileContext, CompiledWeight, LayerKernel, RuntimeTensor, RawArray, KernelFactory, FloatKernelFactory } from './interpret/runtime';

// Backends
export { registerBackend, getBackend, listBackends, checkBackendSupports } from './backend';
export type { Backend, EmitOptions, EmitResult } from './backend';

// Utilities
export { didYouMean } from './util/did-you-mean';
export { suggestionList } from './util/suggestion-list';
export { jsonErrorDetail } from './util/json-error';

// Input events read in slices
export { arrayEvents, toInputEvents, firstEvents, forEachBatch } from './input-events';
export type { InputEvents } from './input-events';

// Numerical profiling: value ranges and overflow counts per layer on real data
export { profileModel, createProfiler } from './interpret/profile-model';
export type { Profiler } from './interpret/profile-model';
export type { ProfileReport, ProfileEntry, ValueRange } from './interpret/profile-stats';
