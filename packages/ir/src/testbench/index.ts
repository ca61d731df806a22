// Test-bench data formats and the comparison with the interpreter, shared by every backend that
// simulates what it emitted (C simulation, RTL simulation).
export { rawToExactDecimal, exactDecimalToRaw } from './exact-decimal';
export { formatInputEvents, parseInputEvents, formatOutputs, writeInputEvents, writeOutputPredictions, TB_BATCH } from './tb-data';
export { tbFileEvents } from './tb-file-events';
export { parseResults, parseTrace } from './parse-results';
export type { OutputSpec, TraceLine } from './parse-results';
export { interpretEvents, defaultEvents } from './reference';
export type { LayerTrace, ReferenceRun } from './reference';
export { compareOutputs, emptyComparison, firstDivergence, formatCsimReport, MAX_LISTED } from './compare';
export type { Mismatch, Divergence, CsimReport, Comparison } from './compare';
export { outputSpecs } from './output-specs';
